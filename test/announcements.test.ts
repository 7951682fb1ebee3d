import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AddCommunityMemberDocument,
  AnnouncementDocument,
  CreateCommunityDocument,
  CreditLedgerDocument,
  GrantCreditsDocument,
  SendAnnouncementDocument,
  TenantCreditWalletDocument,
  TopUpCreditPoolDocument,
  UpdateContactDocument,
  type CreditChannel,
  type SendAnnouncementInput,
} from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let communityId: string;
let students: (Member & { phone: string })[];

const MEMBERS = 50;
const phoneOf = (index: number) => `+4477${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${String(index).padStart(3, '0')}`;

async function grant(channel: CreditChannel, amount: number) {
  const order = { channel, amount, reason: 'Announcement test', idempotencyKey: randomUUID() };
  await must(stack.graphqlUrl, TopUpCreditPoolDocument, order, admin.token);
  await must(stack.graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, ...order, idempotencyKey: randomUUID() }, admin.token);
}

const balances = async () =>
  Object.fromEntries((await must(stack.graphqlUrl, TenantCreditWalletDocument, { id: tenant.id }, admin.token)).tenant!.creditWallet!.balances.map((row) => [row.channel, row]));

async function ledger() {
  const data = await must(stack.graphqlUrl, CreditLedgerDocument, { id: tenant.id, after: null }, admin.token);
  return data.tenant!.creditWallet!.entries!.nodes;
}

const announce = (input: Partial<SendAnnouncementInput> = {}) =>
  request(
    stack.graphqlUrl,
    SendAnnouncementDocument,
    { input: { audience: { kind: 'COMMUNITY', communityId }, channels: ['EMAIL', 'SMS'], subject: 'Library closed Friday', body: 'Hello {{firstName}}, the library is closed on Friday.', idempotencyKey: randomUUID(), ...input } },
    tenant.owner.token,
  );

async function finished(id: string) {
  await expect
    .poll(async () => (await must(stack.graphqlUrl, AnnouncementDocument, { id }, tenant.owner.token)).announcement!.state, { timeout: 15_000, interval: 100 })
    .toMatch(/^(SENT|PARTLY_FAILED|FAILED)$/);
  return (await must(stack.graphqlUrl, AnnouncementDocument, { id }, tenant.owner.token)).announcement!;
}

const smsOfTenant = () => stack.messagingGateway.messages.filter((message) => message.metadata.tenantId === tenant.id);
const emailsOf = (announcementId: string) => stack.mailbox.messages.filter((mail) => mail.announcementId === announcementId);

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  const { createCommunity } = await must(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Morning batch', kind: 'GROUP' } }, tenant.owner.token);
  communityId = createCommunity.id;
  students = await Promise.all(
    Array.from({ length: MEMBERS }, async (_, index) => {
      const student = await registerStudent(stack.graphqlUrl, tenant.slug, `Student ${index} Example`);
      const phone = phoneOf(index);
      await must(stack.graphqlUrl, UpdateContactDocument, { input: { phone } }, student.token);
      await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId, userId: student.id }, tenant.owner.token);
      return { ...student, phone };
    }),
  );
}, 60_000);

// One tenant and one group of 50 for the whole file, so each case starts from the wallet the one before left.
describe('announcements', () => {
  it('by email and SMS to 50 members: 50 emails reach the SMTP server, the SMS provider takes 50, and the wallet spends exactly 50 of each through a reservation and its capture', async () => {
    await grant('EMAIL', 50);
    await grant('SMS', 50);
    const sent = await announce();
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendAnnouncement).toMatchObject({ state: 'QUEUED', recipientCount: 50, channels: ['EMAIL', 'SMS'] });

    const done = await finished(sent.data!.sendAnnouncement.id);
    expect(done.state).toBe('SENT');
    expect(done.progress).toEqual([
      expect.objectContaining({ channel: 'EMAIL', total: 50, failed: 0, creditsSpent: 50 }),
      expect.objectContaining({ channel: 'SMS', total: 50, failed: 0, creditsSpent: 50 }),
    ]);
    const emails = emailsOf(done.id);
    expect(emails).toHaveLength(50);
    expect(new Set(emails.flatMap((mail) => mail.to))).toEqual(new Set(students.map((student) => student.email)));
    expect(emails.find((mail) => mail.to[0] === students[7]!.email)!.raw).toContain('Hello Student, the library is closed on Friday.');
    const texts = smsOfTenant();
    expect(texts).toHaveLength(50);
    expect(new Set(texts.map((text) => text.to))).toEqual(new Set(students.map((student) => student.phone)));

    expect(await balances()).toMatchObject({ EMAIL: { available: 0, reserved: 0, consumed: 50 }, SMS: { available: 0, reserved: 0, consumed: 50 } });
    const sms = (await ledger()).filter((entry) => entry.channel === 'SMS' && entry.account === 'AVAILABLE' || entry.channel === 'SMS' && entry.account === 'RESERVED');
    expect(sms.filter((entry) => entry.movement === 'RESERVE').map((entry) => [entry.account, entry.amount])).toEqual([['RESERVED', 50], ['AVAILABLE', -50]].sort());
    expect(sms.filter((entry) => entry.movement === 'CAPTURE').map((entry) => [entry.account, entry.amount])).toEqual([['RESERVED', -50]]);
    // Receipts follow: the provider reports every message delivered.
    await expect.poll(async () => (await must(stack.graphqlUrl, AnnouncementDocument, { id: done.id }, tenant.owner.token)).announcement!.progress[1]!.delivered).toBe(50);
  });

  it('with credits for only 49 of 50 SMS: INSUFFICIENT_CREDITS, nothing sent and nothing debited', async () => {
    await grant('EMAIL', 50);
    await grant('SMS', 49);
    const before = await balances();
    const mailsBefore = stack.mailbox.messages.length;
    const textsBefore = smsOfTenant().length;

    const refused = await announce();
    expect(errorCodes(refused)).toEqual(['INSUFFICIENT_CREDITS']);
    expect(refused.data).toBeNull();
    // Given time to send, it sends nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smsOfTenant()).toHaveLength(textsBefore);
    expect(stack.mailbox.messages.slice(mailsBefore).filter((mail) => students.some((student) => mail.to.includes(student.email)))).toEqual([]);
    expect(await balances()).toEqual(before);
  });

  it('with 5 SMS deliveries failing: the announcement is PARTLY_FAILED and those 5 credits come back', async () => {
    await grant('SMS', 1);
    const failing = students.slice(0, 5).map((student) => student.phone);
    stack.messagingGateway.reject(failing);
    const textsBefore = smsOfTenant().length;

    const sent = await announce({ channels: ['SMS'] });
    expect(sent.errors).toBeUndefined();
    const done = await finished(sent.data!.sendAnnouncement.id);
    expect(done.state).toBe('PARTLY_FAILED');
    expect(done.progress).toEqual([expect.objectContaining({ channel: 'SMS', total: 50, failed: 5, creditsSpent: 45 })]);
    expect(smsOfTenant().length - textsBefore).toBe(45);
    expect((await balances()).SMS).toMatchObject({ available: 5, reserved: 0, consumed: 95 });
  });
});
