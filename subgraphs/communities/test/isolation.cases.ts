import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import type { CarrelEvent } from '../../../common/events/event.js';
import { EMPTY_PAGE } from '../../../common/pagination.js';
import {
  AddCommunityMemberDocument,
  ArchiveCommunityDocument,
  CreateCommunityDocument,
  CreatePostDocument,
  DeletePostDocument,
  BanCommunityMemberDocument,
  ConversationDocument,
  EditPostDocument,
  HidePostDocument,
  IsoCommunitiesDocument,
  IsoCommunityDocument,
  IsoPostDocument,
  JoinCommunityDocument,
  LeaveCommunityDocument,
  MarkConversationReadDocument,
  ModerationQueueDocument,
  ReportPostDocument,
  RestorePostDocument,
  SendDirectMessageDocument,
  SendSystemMessageDocument,
  AnnouncementDocument,
  AnnouncementsDocument,
  DeleteMessageTemplateDocument,
  MessageTemplatesDocument,
  SaveMessageTemplateDocument,
  SendAnnouncementDocument,
} from '../../../test/__generated__/operations.js';
import { must } from '../../../test/support/client.js';
import { attack, defineIsolationCases, eachMemberOfB, recordedEventId, ROLES, until, type CoreWorld } from '../../../test/support/isolation-kit.js';

interface CommunitiesSide {
  /** A group with the side's student as a member, and an open community; both of `library`. */
  group: string;
  open: string;
  library: string;
  /** The student's post in the group, and its POST_CREATED event. */
  post: string;
  postEvent: string;
  /** The NOTIFICATION_CREATED event of the owner's reply to it, for the student. */
  notificationEvent: string;
  /** The student's conversation with the owner, and the MESSAGE_SENT event of their message. */
  conversation: string;
  messageEvent: string;
  /** The owner's in-app announcement to the group, and a message template. */
  announcement: string;
  template: string;
}

interface CommunitiesWorld {
  a: CommunitiesSide;
  b: CommunitiesSide;
  /** Objects of A the controls may archive, leave, edit or delete without disturbing the attacks. */
  aSpares: { community: string; post: string; toHide: string; hidden: string; template: string };
}

const selection = 'id name description kind inviteOnly archivedAt viewerMembership { state } members(first: 5) { nodes { user { id } state } } posts(first: 5) { nodes { id body html } }';

const CommunityEventQuery: TypedDocumentNode<{ communityEventsByIds: ({ eventId: string } | null)[] }, { eventId: string }> = parse(`
  query IsoCommunityEvent($eventId: ID!) { communityEventsByIds(eventIds: [$eventId]) { eventId type occurredAt post { id body html } } }`);
const MessageEventQuery: TypedDocumentNode<{ messageEventsByIds: ({ eventId: string } | null)[] }, { eventId: string }> = parse(`
  query IsoMessageEvent($eventId: ID!) { messageEventsByIds(eventIds: [$eventId]) { eventId conversationId message { id body } } }`);
const NotificationEventQuery: TypedDocumentNode<{ notificationEventsByIds: ({ eventId: string } | null)[] }, { eventId: string }> = parse(`
  query IsoNotificationEvent($eventId: ID!) { notificationEventsByIds(eventIds: [$eventId]) { eventId notification { id kind title subject { key id } } } }`);
const CommunityEventsFilterQuery: TypedDocumentNode<{ communityEventsFilter: unknown }, { communityId: string }> = parse(`
  query IsoCommunityEventsFilter($communityId: ID!) { communityEventsFilter(communityId: $communityId) { tenantId eventTypes keys { key values } audience } }`);

/** An announcement to a community, in-app only: free, so no tenant needs credits for it. */
const inAppAnnouncement = (communityId: string, subject: string) => ({ audience: { kind: 'COMMUNITY' as const, communityId }, channels: ['IN_APP' as const], subject, body: 'Hello {{firstName}}', idempotencyKey: randomUUID() });

const messageTemplate = async (core: CoreWorld, owner: { token: string }, name: string) =>
  (await must(core.stack.graphqlUrl, SaveMessageTemplateDocument, { input: { name, subject: `${name} subject`, body: 'Dear {{displayName}}' } }, owner.token)).saveMessageTemplate.id;

async function sideOf(core: CoreWorld, label: 'A' | 'B'): Promise<CommunitiesSide> {
  const tenant = label === 'A' ? core.a : core.b;
  const { graphqlUrl } = core.stack;
  const owner = tenant.members.OWNER;
  const student = tenant.members.STUDENT;
  const library = randomUUID();
  const community = async (kind: 'GROUP' | 'OPEN', name: string) =>
    (await must(graphqlUrl, CreateCommunityDocument, { input: { name: `${name} of ${tenant.slug}`, kind, libraryId: library, description: `Secret plans of ${tenant.slug}` } }, owner.token)).createCommunity.id;
  const group = await community('GROUP', 'Group');
  const open = await community('OPEN', 'Open');
  await must(graphqlUrl, AddCommunityMemberDocument, { communityId: group, userId: student.id }, owner.token);
  const { createPost } = await must(graphqlUrl, CreatePostDocument, { communityId: group, body: `Group post of ${tenant.slug}` }, student.token);
  const postEvent = await recordedEventId(core.recorder, `${label}'s post`, (event) => event.type === 'POST_CREATED' && event.keys.postId === createPost.id);
  // The student has other notifications (the other subgraphs' worlds book and pay): this one comes after the reply.
  const seen = core.recorder.events.length;
  await must(graphqlUrl, CreatePostDocument, { communityId: group, body: `Reply of ${tenant.slug}`, replyToId: createPost.id }, owner.token);
  const isTheNotification = (event: CarrelEvent) => event.type === 'NOTIFICATION_CREATED' && event.tenantId === tenant.id && event.keys.recipient === `user:${student.id}`;
  await until(`the notification of the reply to ${label}'s post`, () => core.recorder.events.slice(seen).some(isTheNotification));
  const notificationEvent = core.recorder.events.slice(seen).find(isTheNotification)!.id;
  const { sendDirectMessage } = await must(graphqlUrl, SendDirectMessageDocument, { toUserId: owner.id, body: `A question from ${tenant.slug}` }, student.token);
  const isTheMessage = (event: CarrelEvent) => event.type === 'MESSAGE_SENT' && event.keys.messageId === sendDirectMessage.id;
  await until(`${label}'s message is sent`, () => core.recorder.events.some(isTheMessage));
  const sent = core.recorder.events.find(isTheMessage)!;
  const { sendAnnouncement } = await must(graphqlUrl, SendAnnouncementDocument, { input: inAppAnnouncement(group, `News of ${tenant.slug}`) }, owner.token);
  const template = await messageTemplate(core, tenant.members.OWNER, `Template of ${tenant.slug}`);
  return { group, open, library, post: createPost.id, postEvent, notificationEvent, conversation: sent.keys.conversationId!, messageEvent: sent.id, announcement: sendAnnouncement.id, template };
}

export default defineIsolationCases<CommunitiesWorld>({
  async setUp(core) {
    const a = await sideOf(core, 'A');
    const b = await sideOf(core, 'B');
    const { graphqlUrl } = core.stack;
    const spare = (await must(graphqlUrl, CreateCommunityDocument, { input: { name: `Spare of ${core.a.slug}`, kind: 'OPEN' } }, core.a.members.OWNER.token)).createCommunity.id;
    const studentPost = async (body: string) => (await must(graphqlUrl, CreatePostDocument, { communityId: a.group, body }, core.a.members.STUDENT.token)).createPost.id;
    const hidden = await studentPost('Hidden already');
    await must(graphqlUrl, HidePostDocument, { id: hidden, reason: 'Off topic' }, core.a.members.OWNER.token);
    const template = await messageTemplate(core, core.a.members.OWNER, 'Spare template');
    return { a, b, aSpares: { community: spare, post: await studentPost('To be deleted'), toHide: await studentPost('To be hidden'), hidden, template } };
  },

  snapshotOfB: `
    communities(tenantId: $id, first: 10) {
      nodes { ${selection} }
    }
    announcements(tenantId: $id, first: 5) {
      nodes { id state subject body recipientCount }
    }
    messageTemplates(tenantId: $id, first: 5) {
      nodes { id name subject body }
    }`,
  secretsOfB: ({ own: { b } }) => [b.group, b.open, b.post, b.postEvent, b.library, b.notificationEvent, b.conversation, b.messageEvent, b.announcement, b.template],

  rootFields: {
    Query: {
      communityEventsFilter: attack(CommunityEventsFilterQuery, {
        targets: (world) => ({ "B's group": { communityId: world.own.b.group }, "B's open community": { communityId: world.own.b.open } }),
        nowhere: () => ({ communityId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ communityId: world.own.a.group }) })),
      }),
      communityEventsByIds: attack(CommunityEventQuery, {
        targets: (world) => ({ "the event of B's post": { eventId: world.own.b.postEvent } }),
        nowhere: () => ({ eventId: randomUUID() }),
        refusal: 'NULL_ITEMS',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ eventId: world.own.a.postEvent }) })),
      }),
      community: attack(IsoCommunityDocument, {
        targets: (world) => ({ "B's group": { id: world.own.b.group }, "B's open community": { id: world.own.b.open } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.own.a.group }) }],
      }),
      communities: attack(IsoCommunitiesDocument, {
        targets: (world) => ({ "B's communities": { tenantId: world.b.id, first: 100 } }),
        nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: () => ({ first: 100 }) }],
      }),
      moderationQueue: attack(ModerationQueueDocument, {
        targets: (world) => ({ "B's group": { communityId: world.own.b.group }, "B's open community": { communityId: world.own.b.open } }),
        nowhere: () => ({ communityId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'OWNER', variables: () => ({}) }],
      }),
      myConversations: { noForeignId: 'Lists the conversations of the viewer named by the token; takes no id.' },
      myMessagesFilter: { noForeignId: 'The filter of the viewer named by the token; takes no id.' },
      conversation: attack(ConversationDocument, {
        targets: (world) => ({ "B's student's conversation with B's owner": { id: world.own.b.conversation } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.own.a.conversation }) }],
      }),
      messageEventsByIds: attack(MessageEventQuery, {
        targets: (world) => ({ "the event of B's student's message": { eventId: world.own.b.messageEvent } }),
        nowhere: () => ({ eventId: randomUUID() }),
        refusal: 'NULL_ITEMS',
        controls: [{ as: 'OWNER', variables: (world) => ({ eventId: world.own.a.messageEvent }) }],
      }),
      myNotifications: { noForeignId: 'Lists the notifications of the viewer named by the token; takes no id.' },
      myNotificationPreferences: { noForeignId: 'The preferences of the viewer named by the token; takes no id.' },
      myNotificationsFilter: { noForeignId: 'The filter of the viewer named by the token; takes no id.' },
      notificationEventsByIds: attack(NotificationEventQuery, {
        targets: (world) => ({ "the event of B's student's notification": { eventId: world.own.b.notificationEvent } }),
        nowhere: () => ({ eventId: randomUUID() }),
        refusal: 'NULL_ITEMS',
        controls: [{ as: 'STUDENT', variables: (world) => ({ eventId: world.own.a.notificationEvent }) }],
      }),
      announcement: attack(AnnouncementDocument, {
        targets: (world) => ({ "B's announcement": { id: world.own.b.announcement } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STAFF', variables: (world) => ({ id: world.own.a.announcement }) }],
      }),
      announcements: attack(AnnouncementsDocument, {
        targets: (world) => ({ "B's announcements": { tenantId: world.b.id, first: 100 } }),
        nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'OWNER', variables: () => ({ first: 100 }) }],
      }),
      messageTemplates: attack(MessageTemplatesDocument, {
        targets: (world) => ({ "B's templates": { tenantId: world.b.id, first: 100 } }),
        nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'STAFF', variables: () => ({ first: 100 }) }],
      }),
      post: attack(IsoPostDocument, {
        targets: (world) => ({ "B's post": { id: world.own.b.post } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.own.a.post }) }],
      }),
    },
    Mutation: {
      createCommunity: { noForeignId: 'Creates a community in the tenant named by the token; its libraryId is stored as given and only ever resolved within that tenant.' },
      archiveCommunity: attack(ArchiveCommunityDocument, {
        targets: (world) => ({ "B's group": { id: world.own.b.group } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.aSpares.community }) }],
      }),
      addCommunityMember: attack(AddCommunityMemberDocument, {
        // Naming B's group is attacked by every other membership field; here, B's people.
        targets: (world) => eachMemberOfB(world, (member) => ({ communityId: world.own.a.group, userId: member.id })),
        nowhere: (world) => ({ communityId: world.own.a.group, userId: randomUUID() }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'STAFF', variables: (world) => ({ communityId: world.own.a.group, userId: world.a.members.STAFF.id }) }],
      }),
      joinCommunity: attack(JoinCommunityDocument, {
        targets: (world) => ({ "B's open community": { communityId: world.own.b.open }, "B's group": { communityId: world.own.b.group } }),
        nowhere: () => ({ communityId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ communityId: world.own.a.open }) }],
      }),
      leaveCommunity: attack(LeaveCommunityDocument, {
        targets: (world) => ({ "B's group": { communityId: world.own.b.group } }),
        nowhere: () => ({ communityId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'OWNER', variables: (world) => ({ communityId: world.own.aSpares.community }) }],
      }),
      createPost: attack(CreatePostDocument, {
        // A reply to B's post is in test/communities.test.ts.
        targets: (world) => ({ "B's group": { communityId: world.own.b.group, body: 'Intruder' }, "B's open community": { communityId: world.own.b.open, body: 'Intruder' } }),
        nowhere: () => ({ communityId: randomUUID(), body: 'Intruder' }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ communityId: world.own.a.group, body: 'Hello again', replyToId: world.own.a.post }) }],
      }),
      editPost: attack(EditPostDocument, {
        targets: (world) => ({ "B's post": { id: world.own.b.post, body: 'Taken over' } }),
        nowhere: () => ({ id: randomUUID(), body: 'Taken over' }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.own.a.post, body: `Group post, edited` }) }],
      }),
      markNotificationsRead: {
        noForeignId: 'Ids that are not the viewer’s own notifications are passed over and counted as nothing newly read, exactly like ids that exist nowhere (test/notifications.test.ts names another tenant’s).',
      },
      setNotificationPreference: { noForeignId: 'Sets a preference of the viewer named by the token; takes a kind of notification, no id.' },
      // Platform admins' alone: every member of a tenant is refused, whichever tenant they name.
      sendSystemMessage: attack(SendSystemMessageDocument, {
        targets: (world) => ({ "B's owners": { tenantId: world.b.id, title: 'Hostile' } }),
        nowhere: () => ({ tenantId: randomUUID(), title: 'Hostile' }),
        refusal: 'FORBIDDEN',
      }),
      sendDirectMessage: attack(SendDirectMessageDocument, {
        targets: (world) => eachMemberOfB(world, (member) => ({ toUserId: member.id, body: 'Hello from A' })),
        nowhere: () => ({ toUserId: randomUUID(), body: 'Hello from A' }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ toUserId: world.a.members.STAFF.id, body: 'Hello staff' }) }],
      }),
      markConversationRead: attack(MarkConversationReadDocument, {
        targets: (world) => ({ "B's student's conversation with B's owner": { id: world.own.b.conversation } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.a.conversation }) }],
      }),
      reportPost: attack(ReportPostDocument, {
        targets: (world) => ({ "B's post": { id: world.own.b.post, reason: 'Hostile' } }),
        nowhere: () => ({ id: randomUUID(), reason: 'Hostile' }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STAFF', variables: (world) => ({ id: world.own.a.post, reason: 'Checking' }) }],
      }),
      hidePost: attack(HidePostDocument, {
        targets: (world) => ({ "B's post": { id: world.own.b.post, reason: 'Hostile' } }),
        nowhere: () => ({ id: randomUUID(), reason: 'Hostile' }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.aSpares.toHide, reason: 'Off topic' }) }],
      }),
      restorePost: attack(RestorePostDocument, {
        targets: (world) => ({ "B's post": { id: world.own.b.post, reason: 'Hostile' } }),
        nowhere: () => ({ id: randomUUID(), reason: 'Hostile' }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STAFF', variables: (world) => ({ id: world.own.aSpares.hidden, reason: 'Fine after all' }) }],
      }),
      // Naming B's group is attacked by the other membership fields; here, B's people.
      banCommunityMember: attack(BanCommunityMemberDocument, {
        targets: (world) => eachMemberOfB(world, (member) => ({ communityId: world.own.a.open, userId: member.id, reason: 'Hostile' })),
        nowhere: (world) => ({ communityId: world.own.a.open, userId: randomUUID(), reason: 'Hostile' }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'OWNER', variables: (world) => ({ communityId: world.own.aSpares.community, userId: world.a.members.STAFF.id, reason: 'Testing bans' }) }],
      }),
      sendAnnouncement: attack(SendAnnouncementDocument, {
        targets: (world) => ({
          "B's group": { input: inAppAnnouncement(world.own.b.group, 'Hostile') },
          "B's library": { input: { ...inAppAnnouncement(world.own.b.group, 'Hostile'), audience: { kind: 'LIBRARY' as const, libraryId: world.own.b.library } } },
          "B's members": { input: { ...inAppAnnouncement(world.own.b.group, 'Hostile'), audience: { kind: 'USERS' as const, userIds: Object.values(world.b.members).map((member) => member.id) } } },
          "a student of A with one of B's": { input: { ...inAppAnnouncement(world.own.b.group, 'Hostile'), audience: { kind: 'USERS' as const, userIds: [world.a.members.STUDENT.id, world.b.members.STUDENT.id] } } },
        }),
        nowhere: (world) => ({ input: inAppAnnouncement(randomUUID(), 'Hostile') }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'STAFF', variables: (world) => ({ input: { ...inAppAnnouncement(world.own.a.group, 'From staff'), templateId: world.own.a.template, subject: null, body: null } }) }],
      }),
      saveMessageTemplate: attack(SaveMessageTemplateDocument, {
        targets: (world) => ({ "B's template": { input: { id: world.own.b.template, name: 'Taken over', subject: 'Hostile', body: 'Hostile' } } }),
        nowhere: () => ({ input: { id: randomUUID(), name: 'Taken over', subject: 'Hostile', body: 'Hostile' } }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'OWNER', variables: (world) => ({ input: { id: world.own.a.template, name: `Template of ${world.a.slug}`, subject: 'Changed', body: 'Changed {{firstName}}' } }) }],
      }),
      deleteMessageTemplate: attack(DeleteMessageTemplateDocument, {
        targets: (world) => ({ "B's template": { id: world.own.b.template } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'STAFF', variables: (world) => ({ id: world.own.aSpares.template }) }],
      }),
      deletePost: attack(DeletePostDocument, {
        targets: (world) => ({ "B's post": { id: world.own.b.post } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.own.aSpares.post }) }],
      }),
    },
  },

  entities: {
    Community: {
      own: (world) => ({ __typename: 'Community', id: world.own.a.open }),
      foreign: (world) => ({ "B's group": { __typename: 'Community', id: world.own.b.group }, "B's open community": { __typename: 'Community', id: world.own.b.open } }),
      nowhere: () => ({ __typename: 'Community', id: randomUUID() }),
      selection,
    },
    Post: {
      own: (world) => ({ __typename: 'Post', id: world.own.a.post }),
      foreign: (world) => ({ "B's post": { __typename: 'Post', id: world.own.b.post } }),
      nowhere: () => ({ __typename: 'Post', id: randomUUID() }),
      selection: 'id body html state community { id } author { id }',
    },
    // The users and bookings subgraphs decide whether A may see B's user or library; communities must add none of B's.
    User: {
      own: (world, role) => ({ __typename: 'User', id: world.a.members[role].id }),
      foreign: (world) => eachMemberOfB(world, (member) => ({ __typename: 'User', id: member.id })),
      nowhere: () => ({ __typename: 'User', id: randomUUID() }),
      selection: 'id communities(first: 50) { nodes { id name } pageInfo { hasNextPage endCursor } }',
      stranger: (representation) => ({ id: representation.id, communities: EMPTY_PAGE }),
    },
    Library: {
      own: (world) => ({ __typename: 'Library', id: world.own.a.library }),
      foreign: (world) => ({ "B's library": { __typename: 'Library', id: world.own.b.library } }),
      nowhere: () => ({ __typename: 'Library', id: randomUUID() }),
      selection: 'id communities(first: 50) { nodes { id name } pageInfo { hasNextPage endCursor } }',
      stranger: (representation) => ({ id: representation.id, communities: EMPTY_PAGE }),
    },
  },
});
