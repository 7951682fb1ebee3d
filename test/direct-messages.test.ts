import { describe, expect, it } from 'vitest';
import { ConversationDocument, MarkConversationReadDocument, MyConversationsDocument, SendDirectMessageDocument } from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createMember, createTenant, registerStudent, type Member } from './support/seed-kit.js';
import type { TestStack } from './support/stack.js';
import { subscriptionTestBed, untilLive } from './support/subscription-client.js';

let stack: TestStack;
let admin: Member;
const clients = subscriptionTestBed((bed) => ({ stack, admin } = bed));

const send = (from: Member | null, toUserId: string, body: string) => request(stack.graphqlUrl, SendDirectMessageDocument, { toUserId, body }, from?.token);
const conversationsOf = async (member: Member) => (await must(stack.graphqlUrl, MyConversationsDocument, {}, member.token)).myConversations.nodes;

describe('direct messages', () => {
  it('reach the owner live within a second, count as unread until read, and show the student they were read', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Asha');
    const inbox = clients.connect(tenant.owner).subscribe<{ myMessages: { message: { body: string; sender: { id: string } } | null } }>(
      `subscription { myMessages { message { body sender { id } } } }`,
    );
    await untilLive(inbox, stack.bus, { tenantId: tenant.id, type: 'MESSAGE_SENT', keys: { messageId: '00000000-0000-4000-8000-000000000000', conversationId: '00000000-0000-4000-8000-000000000000', recipient: `user:${tenant.owner.id}` } });
    inbox.events.length = 0;

    const started = Date.now();
    const sent = await send(student, tenant.owner.id, 'Is the quiet room open on Sunday?');
    expect(sent.data?.sendDirectMessage).toMatchObject({ body: 'Is the quiet room open on Sunday?', sender: { id: student.id }, readByRecipient: false });
    await expect.poll(() => inbox.events.length, { timeout: 1_000, interval: 10 }).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(inbox.events[0]!.result).toEqual({ data: { myMessages: { message: { body: 'Is the quiet room open on Sunday?', sender: { id: student.id } } } } });

    const [conversation] = await conversationsOf(tenant.owner);
    expect(conversation).toMatchObject({ with: { id: student.id }, unreadCount: 1 });
    expect((await must(stack.graphqlUrl, MarkConversationReadDocument, { id: conversation!.id }, tenant.owner.token)).markConversationRead.unreadCount).toBe(0);
    await must(stack.graphqlUrl, SendDirectMessageDocument, { toUserId: student.id, body: 'Yes, from 10:00.' }, tenant.owner.token);
    const [seenByStudent] = await conversationsOf(student);
    expect(seenByStudent!.unreadCount).toBe(1);
    expect(seenByStudent!.messages.nodes.map((message) => [message.body, message.readByRecipient])).toEqual([
      ['Yes, from 10:00.', false],
      ['Is the quiet room open on Sunday?', true],
    ]);
  });

  it('let students write to staff and owners only, staff to any member, and nobody outside the tenant', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    const [asha, ben] = await Promise.all(['Asha', 'Ben'].map((name) => registerStudent(stack.graphqlUrl, tenant.slug, name)));
    const stranger = await registerStudent(stack.graphqlUrl, (await createTenant(stack.graphqlUrl, admin)).slug);
    expect((await send(asha!, staff.id, 'Hello')).errors).toBeUndefined();
    expect(errorCodes(await send(asha!, ben!.id, 'Hi Ben'))).toEqual(['FORBIDDEN']);
    expect((await send(staff, ben!.id, 'Your locker is ready')).errors).toBeUndefined();
    expect(errorCodes(await send(asha!, stranger.id, 'Hello?'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await send(staff, stranger.id, 'Hello?'))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await send(asha!, asha!.id, 'Me'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await send(asha!, staff.id, '   '))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await send(admin, staff.id, 'System'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await send(null, staff.id, 'Anyone'))).toEqual(['UNAUTHENTICATED']);
    // Nobody reads a conversation they are not in.
    const [staffWithBen] = await conversationsOf(ben!);
    expect(errorCodes(await request(stack.graphqlUrl, ConversationDocument, { id: staffWithBen!.id }, asha!.token))).toEqual(['NOT_FOUND']);
  });

  it('hold a member to 20 messages a minute', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    for (let index = 0; index < 20; index++) expect((await send(student, tenant.owner.id, `Message ${index}`)).errors).toBeUndefined();
    const refused = await send(student, tenant.owner.id, 'One too many');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 60 });
    expect((await send(tenant.owner, student.id, 'The owner still can')).errors).toBeUndefined();
  });
});
