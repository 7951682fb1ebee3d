import { signedIn, tenantMember } from '../../../../common/auth/guards.js';
import { isTenantStaff } from '../../../../common/auth/viewer.js';
import { tenantScope } from '../../../../common/auth/tenant-scope.js';
import { inTenant } from '../../../../common/db/scope.js';
import { readAsViewer } from '../../../../common/db/viewer-scope.js';
import { forbidden, notFound } from '../../../../common/errors.js';
import { readEvents } from '../../../../common/events/event-stream.js';
import { pageRequest } from '../../../../common/pagination.js';
import { isUuid } from '../../../../common/validation.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { canModerate, canReadCommunity, readerOf, runsMessaging } from '../access.js';
import { listAnnouncements, listTemplates } from '../announcements/db.js';
import { listCommunities, moderatedCommunityIds, moderationQueue } from '../db.js';
import { findConversation, listConversations } from '../messages/db.js';
import { DEFAULT_CHANNELS, listNotifications, NOTIFICATION_KINDS, preferencesOf } from '../notifications/db.js';
import { communityEventStream } from './CommunityEvent.js';
import { conversationMember, myMessagesFilter, readMessageEvent } from './Conversation.js';
import { myNotificationsFilter, notificationReader, readNotificationEvent } from './Notification.js';
import { readablePost } from './Post.js';

export const Query: QueryResolvers = {
  announcement: async (_parent, { id }, { viewer, loaders }) => {
    signedIn(viewer);
    const announcement = await loaders.announcement.load(id);
    if (!announcement) throw notFound('Announcement');
    return announcement;
  },

  announcements: (_parent, { first, after, tenantId }, { viewer, db }) => {
    const caller = signedIn(viewer);
    if (!runsMessaging(caller)) throw forbidden('Only the tenant’s staff and owners see its announcements.');
    const scope = tenantScope(caller, tenantId, { required: true })!;
    const page = pageRequest(first, after);
    return readAsViewer(db, caller, `list announcements of tenant ${scope}`, (trx) => listAnnouncements(trx, scope, page));
  },

  messageTemplates: (_parent, { first, after, tenantId }, { viewer, db }) => {
    const caller = signedIn(viewer);
    if (!runsMessaging(caller)) throw forbidden('Only the tenant’s staff and owners use message templates.');
    const scope = tenantScope(caller, tenantId, { required: true })!;
    return readAsViewer(db, caller, `list message templates of tenant ${scope}`, (trx) => listTemplates(trx, scope, pageRequest(first, after, 'text')));
  },

  communityEventsFilter: async (_parent, { communityId }, { viewer, loaders }) => {
    const caller = signedIn(viewer);
    const community = await loaders.community.load(communityId);
    if (!community || !canReadCommunity(caller, community)) throw notFound('Community');
    // Everyone who may read the community sees the same of each post.
    return communityEventStream.filter(caller, { tenantId: community.tenant_id, keys: { communityId }, audience: `community:${communityId}` });
  },

  communityEventsByIds: (_parent, { eventIds }, ctx) =>
    readEvents(eventIds, async (eventId) => {
      const event = await communityEventStream.read(ctx, eventId);
      const community = event?.keys.communityId ? await ctx.loaders.community.load(event.keys.communityId) : null;
      return event && community && canReadCommunity(ctx.viewer, community) ? event : null;
    }),

  community: async (_parent, { id }, { viewer, loaders }) => {
    signedIn(viewer);
    const community = await loaders.community.load(id);
    if (!community) throw notFound('Community');
    return community;
  },

  communities: (_parent, { first, after, tenantId }, { viewer, db }) => {
    const caller = signedIn(viewer);
    const scope = tenantScope(caller, tenantId, { required: false });
    const page = pageRequest(first, after);
    return readAsViewer(db, caller, 'list communities', (trx) => listCommunities(trx, readerOf(caller), scope, page));
  },

  moderationQueue: async (_parent, { communityId, first, after }, { viewer, db, loaders }) => {
    const caller = signedIn(viewer);
    const page = pageRequest(first, after);
    if (communityId != null) {
      const community = await loaders.community.load(communityId);
      if (!community) throw notFound('Community');
      if (!canModerate(caller, community)) throw forbidden('Only the community’s moderators, staff and owners see its moderation queue.');
      return readAsViewer(db, caller, 'read a moderation queue', (trx) => moderationQueue(trx, [community.id], page));
    }
    const member = tenantMember(caller, 'Platform admins name a community.');
    return inTenant(db, member.tenantId, async (trx) => moderationQueue(trx, isTenantStaff(member) ? null : await moderatedCommunityIds(trx, member.userId), page));
  },

  myConversations: (_parent, { first, after }, ctx) => {
    const member = conversationMember(ctx);
    const page = pageRequest(first, after);
    return inTenant(ctx.db, member.tenantId, (trx) => listConversations(trx, member.userId, page));
  },

  conversation: async (_parent, { id }, ctx) => {
    const member = conversationMember(ctx);
    const conversation = isUuid(id) ? await inTenant(ctx.db, member.tenantId, (trx) => findConversation(trx, member.userId, id)) : undefined;
    if (!conversation) throw notFound('Conversation');
    return conversation;
  },

  myMessagesFilter: (_parent, _args, ctx) => myMessagesFilter(ctx),

  messageEventsByIds: (_parent, { eventIds }, ctx) => readEvents(eventIds, (eventId) => readMessageEvent(ctx, eventId)),

  myNotifications: (_parent, { first, after, unreadOnly }, { viewer, db }) => {
    const reader = notificationReader(viewer);
    const page = pageRequest(first, after);
    return inTenant(db, reader.tenantId, (trx) => listNotifications(trx, reader, unreadOnly ?? false, page));
  },

  myNotificationPreferences: async (_parent, _args, { viewer, db }) => {
    const reader = notificationReader(viewer);
    const chosen = new Map((await inTenant(db, reader.tenantId, (trx) => preferencesOf(trx, [reader.userId]))).map((row) => [row.kind, row.channels]));
    return NOTIFICATION_KINDS.map((kind) => ({ kind, channels: [...(chosen.get(kind) ?? DEFAULT_CHANNELS)] }));
  },

  myNotificationsFilter: (_parent, _args, { viewer }) => myNotificationsFilter(viewer),

  notificationEventsByIds: (_parent, { eventIds }, ctx) => readEvents(eventIds, (eventId) => readNotificationEvent(ctx, eventId)),

  post: async (_parent, { id }, ctx) => {
    signedIn(ctx.viewer);
    const post = await readablePost(ctx, await ctx.loaders.post.load(id));
    if (!post) throw notFound('Post');
    return post;
  },
};
