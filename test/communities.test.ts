import { describe, expect, it } from 'vitest';
import {
  AddCommunityMemberDocument,
  ArchiveCommunityDocument,
  BanCommunityMemberDocument,
  CommunitiesDocument,
  CommunityDocument,
  CreateCommunityDocument,
  CreatePostDocument,
  DeletePostDocument,
  EditPostDocument,
  HidePostDocument,
  JoinCommunityDocument,
  LeaveCommunityDocument,
  ModerationQueueDocument,
  MyCommunitiesDocument,
  MyNotificationsDocument,
  PostDocument,
  ReportPostDocument,
  RestorePostDocument,
  type CreateCommunityInput,
} from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createMember, createTenant, registerStudent, type Member } from './support/seed-kit.js';
import type { TestStack } from './support/stack.js';
import { subscriptionTestBed, untilLive } from './support/subscription-client.js';

let stack: TestStack;
let admin: Member;
const clients = subscriptionTestBed((bed) => ({ stack, admin } = bed));

const create = async (by: Member, input: CreateCommunityInput) => (await must(stack.graphqlUrl, CreateCommunityDocument, { input }, by.token)).createCommunity;
const add = (by: Member, communityId: string, userId: string) => must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId, userId }, by.token);
const post = (by: Member, communityId: string, body: string, replyToId?: string) => request(stack.graphqlUrl, CreatePostDocument, { communityId, body, replyToId }, by.token);
const communityAs = (viewer: Member, id: string) => request(stack.graphqlUrl, CommunityDocument, { id }, viewer.token);

describe('a group', () => {
  it('shows a member’s post live to another member, and nothing of it to a student outside the group or the tenant', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const [asha, ben, outsider] = await Promise.all(['Asha', 'Ben', 'Chen'].map((name) => registerStudent(stack.graphqlUrl, tenant.slug, name)));
    const stranger = await registerStudent(stack.graphqlUrl, (await createTenant(stack.graphqlUrl, admin)).slug);
    const group = await create(tenant.owner, { name: 'Exam prep', kind: 'GROUP', description: 'Finals, together' });
    expect(group).toMatchObject({ kind: 'GROUP', viewerMembership: { role: 'MANAGER', state: 'ACTIVE' } });
    await add(tenant.owner, group.id, asha!.id);
    await add(tenant.owner, group.id, ben!.id);

    const client = clients.connect(ben!);
    const events = client.subscribe<{ communityEvents: { type: string; post: { body: string; author: { id: string } } | null } }>(
      `subscription($id: ID!) { communityEvents(communityId: $id) { type post { body author { id } } } }`,
      { id: group.id },
    );
    await untilLive(events, stack.bus, { tenantId: tenant.id, type: 'POST_CREATED', keys: { postId: '00000000-0000-4000-8000-000000000000', communityId: group.id, userId: asha!.id } });
    events.events.length = 0;

    const written = await post(asha!, group.id, 'Anyone up for **mock tests** on Friday?');
    expect(written.errors).toBeUndefined();
    await expect.poll(() => events.events.length, { timeout: 1_000, interval: 10 }).toBe(1);
    expect(events.events[0]!.result).toEqual({ data: { communityEvents: { type: 'POST_CREATED', post: { body: 'Anyone up for **mock tests** on Friday?', author: { id: asha!.id } } } } });

    const seenByBen = await communityAs(ben!, group.id);
    expect(seenByBen.data?.community?.posts.nodes.map((node) => node.html)).toEqual(['<p>Anyone up for <strong>mock tests</strong> on Friday?</p>\n']);
    for (const viewer of [outsider!, stranger]) {
      expect(errorCodes(await communityAs(viewer, group.id))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await request(stack.graphqlUrl, PostDocument, { id: written.data!.createPost.id }, viewer.token))).toEqual(['NOT_FOUND']);
      expect(errorCodes(await post(viewer, group.id, 'Let me in'))).toEqual(['NOT_FOUND']);
      expect((await must(stack.graphqlUrl, CommunitiesDocument, { first: 50 }, viewer.token)).communities.nodes.map((node) => node.id)).not.toContain(group.id);
      const intruder = clients.connect(viewer);
      const refused = intruder.subscribe(`subscription($id: ID!) { communityEvents(communityId: $id) { type } }`, { id: group.id });
      await expect.poll(() => (Array.isArray(refused.error) ? refused.error.map((error) => error.extensions?.code) : refused.error), { timeout: 2_000 }).toEqual(['NOT_FOUND']);
    }
    expect((await must(stack.graphqlUrl, MyCommunitiesDocument, {}, ben!.token)).me?.communities.nodes.map((node) => node.id)).toEqual([group.id]);

    // A reply names the post it answers: another group's post is as unknown as one that does not exist.
    const elsewhere = await create(tenant.owner, { name: 'Other group', kind: 'GROUP' });
    await add(tenant.owner, elsewhere.id, outsider!.id);
    const hidden = (await post(outsider!, elsewhere.id, 'Ours alone')).data!.createPost.id;
    const replies = [await post(asha!, group.id, 'Re', hidden), await post(asha!, group.id, 'Re', '6d0f9a3e-0000-4000-8000-000000000000')];
    expect(replies.map((reply) => reply.errors?.[0]?.message)).toEqual(['Post not found.', 'Post not found.']);
  });

  it('is run by staff and owners: students neither create groups nor add members; only active members of the tenant are added', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    expect(errorCodes(await request(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Mine', kind: 'GROUP' } }, student.token))).toEqual(['FORBIDDEN']);
    const group = await create(staff, { name: 'Night owls', kind: 'GROUP' });
    expect(errorCodes(await request(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: group.id, userId: student.id }, student.token))).toEqual(['FORBIDDEN']);
    const stranger = await registerStudent(stack.graphqlUrl, (await createTenant(stack.graphqlUrl, admin)).slug);
    expect(errorCodes(await request(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: group.id, userId: stranger.id }, staff.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await request(stack.graphqlUrl, JoinCommunityDocument, { communityId: group.id }, staff.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await request(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Bad', kind: 'GROUP', inviteOnly: true } }, staff.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('an open community', () => {
  it('lets students join, post safe Markdown, reply, edit and delete their own posts, and leave', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const [asha, ben] = await Promise.all(['Asha', 'Ben'].map((name) => registerStudent(stack.graphqlUrl, tenant.slug, name)));
    const open = await create(tenant.owner, { name: 'Study tips', kind: 'OPEN' });
    expect((await communityAs(asha!, open.id)).data?.community?.posts.nodes).toEqual([]);
    expect(errorCodes(await post(asha!, open.id, 'Hello'))).toEqual(['FORBIDDEN']);
    expect((await must(stack.graphqlUrl, JoinCommunityDocument, { communityId: open.id }, asha!.token)).joinCommunity).toEqual({ role: 'MEMBER', state: 'ACTIVE' });
    await must(stack.graphqlUrl, JoinCommunityDocument, { communityId: open.id }, ben!.token);

    const hostile = await post(asha!, open.id, '<script>alert(1)</script> [click](javascript:alert(2)) <img src=x onerror=alert(3)>');
    const html = hostile.data!.createPost.html;
    // Every tag the author wrote comes out as text, and the javascript: link is no link at all.
    expect(html).not.toMatch(/<(script|img|a)\b/i);
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; [click](javascript:alert(2)) &lt;img src=x onerror=alert(3)&gt;</p>\n');

    const reply = await post(ben!, open.id, 'Thanks!', hostile.data!.createPost.id);
    expect(reply.data?.createPost.replyTo).toEqual({ id: hostile.data!.createPost.id });
    expect(errorCodes(await request(stack.graphqlUrl, EditPostDocument, { id: reply.data!.createPost.id, body: 'Not mine' }, asha!.token))).toEqual(['FORBIDDEN']);
    expect((await must(stack.graphqlUrl, EditPostDocument, { id: reply.data!.createPost.id, body: 'Thanks a lot!' }, ben!.token)).editPost.body).toBe('Thanks a lot!');
    expect((await must(stack.graphqlUrl, DeletePostDocument, { id: hostile.data!.createPost.id }, asha!.token)).deletePost).toMatchObject({ state: 'DELETED', body: '', html: '' });
    expect((await communityAs(ben!, open.id)).data?.community?.posts.nodes.map((node) => node.body)).toEqual(['Thanks a lot!']);
    expect(errorCodes(await post(ben!, open.id, ' '))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await post(ben!, open.id, 'x'.repeat(5_001)))).toEqual(['BAD_USER_INPUT']);

    expect((await must(stack.graphqlUrl, LeaveCommunityDocument, { communityId: open.id }, asha!.token)).leaveCommunity.state).toBe('LEFT');
    expect(errorCodes(await post(asha!, open.id, 'Back?'))).toEqual(['FORBIDDEN']);
    await must(stack.graphqlUrl, ArchiveCommunityDocument, { id: open.id }, tenant.owner.token);
    expect(errorCodes(await post(ben!, open.id, 'Still here'))).toEqual(['BAD_USER_INPUT']);
  });

  it('takes requests to join an invite-only community, which staff let in', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const community = await create(tenant.owner, { name: 'Toppers', kind: 'OPEN', inviteOnly: true });
    expect((await must(stack.graphqlUrl, JoinCommunityDocument, { communityId: community.id }, student.token)).joinCommunity.state).toBe('PENDING');
    expect(errorCodes(await post(student, community.id, 'Hi'))).toEqual(['FORBIDDEN']);
    expect((await add(tenant.owner, community.id, student.id)).addCommunityMember.state).toBe('ACTIVE');
    expect((await post(student, community.id, 'Hi')).errors).toBeUndefined();
  });
});

describe('moderation', () => {
  it('queues a post reported by enough members, lets one of two racing moderators hide it, tells its author, and restores it', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const students = await Promise.all(['Asha', 'Ben', 'Chen', 'Dev', 'Esha'].map((name) => registerStudent(stack.graphqlUrl, tenant.slug, name)));
    const [author, moderator, ...reporters] = students as [Member, Member, ...Member[]];
    const group = await create(tenant.owner, { name: 'Moderated', kind: 'GROUP' });
    for (const student of students) await add(tenant.owner, group.id, student.id);
    await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: group.id, userId: moderator.id, role: 'MODERATOR' }, tenant.owner.token);
    const { createPost } = await must(stack.graphqlUrl, CreatePostDocument, { communityId: group.id, body: 'Spam spam spam' }, author.token);

    const queue = async (viewer: Member, communityId?: string) => (await must(stack.graphqlUrl, ModerationQueueDocument, { communityId, first: 20 }, viewer.token)).moderationQueue.nodes.map((node) => node.id);
    for (const reporter of reporters.slice(0, 2)) await must(stack.graphqlUrl, ReportPostDocument, { id: createPost.id, reason: 'Spam' }, reporter.token);
    // The same member reporting again counts once: two reports of three.
    await must(stack.graphqlUrl, ReportPostDocument, { id: createPost.id, reason: 'Spam' }, reporters[0]!.token);
    expect(await queue(tenant.owner)).toEqual([]);
    await must(stack.graphqlUrl, ReportPostDocument, { id: createPost.id, reason: 'Spam' }, reporters[2]!.token);
    expect(await queue(tenant.owner)).toEqual([createPost.id]);
    expect(await queue(moderator, group.id)).toEqual([createPost.id]);
    expect(errorCodes(await request(stack.graphqlUrl, ModerationQueueDocument, { communityId: group.id }, author.token))).toEqual(['FORBIDDEN']);
    expect(await queue(author)).toEqual([]);

    const hides = await Promise.all([moderator, tenant.owner].map((by) => request(stack.graphqlUrl, HidePostDocument, { id: createPost.id, reason: 'Spam' }, by.token)));
    expect(hides.filter((hide) => hide.data?.hidePost.state === 'HIDDEN')).toHaveLength(1);
    expect(hides.flatMap((hide) => errorCodes(hide))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await request(stack.graphqlUrl, HidePostDocument, { id: createPost.id, reason: 'Me too' }, reporters[0]!.token))).toEqual(['FORBIDDEN']);
    expect((await communityAs(reporters[0]!, group.id)).data?.community?.posts.nodes).toEqual([]);
    expect((await must(stack.graphqlUrl, PostDocument, { id: createPost.id }, author.token)).post).toMatchObject({ state: 'HIDDEN', body: '', html: '' });
    await expect.poll(async () => (await must(stack.graphqlUrl, MyNotificationsDocument, { first: 20 }, author.token)).myNotifications.nodes.map((node) => node.kind)).toContain('POST_HIDDEN');
    expect(await queue(tenant.owner)).toEqual([]);

    expect((await must(stack.graphqlUrl, RestorePostDocument, { id: createPost.id, reason: 'On second thoughts' }, moderator.token)).restorePost).toMatchObject({ state: 'VISIBLE', body: 'Spam spam spam' });
  });

  it('bans a member, who can then neither read, post nor come back', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const open = await create(tenant.owner, { name: 'Open', kind: 'OPEN' });
    await must(stack.graphqlUrl, JoinCommunityDocument, { communityId: open.id }, student.token);
    const { banCommunityMember } = await must(stack.graphqlUrl, BanCommunityMemberDocument, { communityId: open.id, userId: student.id, reason: 'Harassment' }, tenant.owner.token);
    expect(banCommunityMember.state).toBe('BANNED');
    expect(errorCodes(await post(student, open.id, 'Hello?'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, JoinCommunityDocument, { communityId: open.id }, student.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: open.id, userId: student.id }, tenant.owner.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await request(stack.graphqlUrl, BanCommunityMemberDocument, { communityId: open.id, userId: tenant.owner.id, reason: 'x' }, student.token))).toEqual(['FORBIDDEN']);
  });
});
