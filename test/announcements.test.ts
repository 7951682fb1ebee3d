import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  MyNotificationsDocument,
  SaveMessageTemplateDocument,
  AnnouncementsDocument,
  type CreditChannel,
  type SendAnnouncementInput,
} from './__generated__/operations.js';
import type { Env } from '../common/config.js';
import { portVariable } from '../common/subgraph-kit/addresses.js';
import { startSimulatedGateway, SIMULATED_RECEIPT_SIGNATURE_HEADER, type SimulatedGateway } from '../subgraphs/communities/src/announcements/channels/simulated-gateway.js';
import { errorCodes, must, request } from './support/client.js';
import { createTestDatabases, type TestDatabases } from './support/databases.js';
import { until } from './support/isolation-kit.js';
import { startMailbox, type Mailbox } from './support/mailbox.js';
import { createTenant, loginAdmin, registerStudent, registerStudents, type Member, type TenantFixture } from './support/seed-kit.js';
import { signWebhook } from '../common/webhooks/signature.js';
import { SHORT_LIVED_PROCESS_FLAGS } from './support/short-lived-process.js';
import { sharedTestStack, testRedisPrefix, TEST_MESSAGING_SECRET, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let communityId: string;
let students: (Member & { phone: string })[];

const MEMBERS = 50;
const phoneOf = (index: number) => `+4477${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${String(index).padStart(3, '0')}`;

async function grant(channel: CreditChannel, amount: number) {
  if (amount <= 0) return;
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

async function finished(id: string, owner = tenant.owner) {
  await expect
    .poll(async () => (await must(stack.graphqlUrl, AnnouncementDocument, { id }, owner.token)).announcement!.state, { timeout: 15_000, interval: 100 })
    .toMatch(/^(SENT|PARTLY_FAILED|FAILED)$/);
  return (await must(stack.graphqlUrl, AnnouncementDocument, { id }, owner.token)).announcement!;
}

const smsOfTenant = () => stack.messagingGateway.messages.filter((message) => message.metadata.tenantId === tenant.id);
const emailsOf = (announcementId: string) => stack.mailbox.messages.filter((mail) => mail.announcementId === announcementId);

/** Apart from the process stacks' blocks (4600, 4700). */
const PORT = 4790;

let crashMailbox: Mailbox;
let crashGateway: SimulatedGateway;
let databases: TestDatabases;
let dataDir: string;
let communities: ChildProcess | undefined;
const communitiesUrl = `http://127.0.0.1:${PORT}`;

/**
 * The communities subgraph as its own process, beside the shared stack: it asks that stack's
 * users and payments services over HTTP (token keys, member contacts, credits), sends to this
 * file's SMTP server and gateway (which answer slowly enough to kill it mid-send), and keeps its
 * data where a restart finds it. Its events stay its own (its own Redis prefix, or its own bus).
 */
function childEnv(): Env {
  return {
    ...process.env,
    ...stack.addresses,
    ...databases.env,
    ...(process.env.DATABASE_URL ? {} : { CARREL_DATA_DIR: dataDir }),
    REDIS_KEY_PREFIX: `${testRedisPrefix()}announcements-crash:`,
    SERVICE_SECRET: stack.env.SERVICE_SECRET,
    HOST: '127.0.0.1',
    [portVariable('communities')]: String(PORT),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    SMTP_URL: crashMailbox.url,
    MESSAGING_PROVIDER_URL: crashGateway.url,
    MESSAGING_PROVIDER_SECRET: TEST_MESSAGING_SECRET,
    // A delivery the killed process held is taken up again this soon after.
    ANNOUNCEMENT_LEASE_MS: '1500',
    ANNOUNCEMENT_RETRY_BASE_MS: '50',
  };
}

async function startCommunities(): Promise<void> {
  communities = spawn(process.execPath, [...SHORT_LIVED_PROCESS_FLAGS, '--import', 'tsx', 'stack/subgraph-process.ts', 'communities'], { env: childEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
  await until('the communities process is ready', () => fetch(`${communitiesUrl}/ready`).then((response) => response.ok, () => false), 60_000);
}

async function killCommunities(): Promise<void> {
  const child = communities!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}



beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  const { createCommunity } = await must(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Morning batch', kind: 'GROUP' } }, tenant.owner.token);
  communityId = createCommunity.id;
  students = await registerStudents(stack.graphqlUrl, tenant.slug, MEMBERS, async (student, index) => {
    const phone = phoneOf(index);
    await must(stack.graphqlUrl, UpdateContactDocument, { input: { phone } }, student.token);
    await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId, userId: student.id }, tenant.owner.token);
    return { ...student, phone };
  });
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
    expect(sms.filter((entry) => entry.movement === 'RESERVE').map((entry) => [entry.account, entry.amount])).toEqual(expect.arrayContaining([['RESERVED', 50], ['AVAILABLE', -50]]));
    expect(sms.filter((entry) => entry.movement === 'RESERVE')).toHaveLength(2);
    expect(sms.filter((entry) => entry.movement === 'CAPTURE').map((entry) => [entry.account, entry.amount])).toEqual([['RESERVED', -50]]);
    // Spending the last of the SMS credits tells the owners to buy more.
    await expect.poll(async () => (await must(stack.graphqlUrl, MyNotificationsDocument, { first: 20 }, tenant.owner.token)).myNotifications.nodes.map((n) => n.title), { timeout: 5_000 }).toContain('Your SMS credits are running low.');
    // Receipts follow: the provider reports every message delivered.
    await expect.poll(async () => (await must(stack.graphqlUrl, AnnouncementDocument, { id: done.id }, tenant.owner.token)).announcement!.progress[1]!.delivered, { timeout: 10_000 }).toBe(50);
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

describe('announcement rules', () => {
  let small: TenantFixture;
  let members: (Member & { phone: string | null })[];
  let group: string;

  const send = (input: Partial<SendAnnouncementInput>, token = small.owner.token) =>
    request(stack.graphqlUrl, SendAnnouncementDocument, { input: { audience: { kind: 'COMMUNITY', communityId: group }, channels: ['IN_APP'], subject: 'Hi', body: 'Hello {{firstName}}', idempotencyKey: randomUUID(), ...input } }, token);

  beforeAll(async () => {
    small = await createTenant(stack.graphqlUrl, admin);
    group = (await must(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Small', kind: 'GROUP' } }, small.owner.token)).createCommunity.id;
    members = await Promise.all(
      ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'].map(async (name, index) => {
        const member = await registerStudent(stack.graphqlUrl, small.slug, name);
        // The first has a phone, the second a phone and no wish for WhatsApp, the third none.
        const phone = index < 2 ? phoneOf(900 + index) : null;
        if (phone) await must(stack.graphqlUrl, UpdateContactDocument, { input: { phone, ...(index === 1 ? { whatsappOptOut: true } : {}) } }, member.token);
        await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: group, userId: member.id }, small.owner.token);
        return { ...member, phone };
      }),
    );
  });

  it('reaches on each channel only the members with an address there who did not opt out, and charges for those alone', async () => {
    const order = { channel: 'WHATSAPP' as const, amount: 5, reason: 'Rules', idempotencyKey: randomUUID() };
    await must(stack.graphqlUrl, TopUpCreditPoolDocument, order, admin.token);
    await must(stack.graphqlUrl, GrantCreditsDocument, { tenantId: small.id, ...order, idempotencyKey: randomUUID() }, admin.token);
    const sent = await send({ channels: ['IN_APP', 'WHATSAPP'] });
    const done = await finished(sent.data!.sendAnnouncement.id, small.owner);
    expect(done.progress).toEqual([
      expect.objectContaining({ channel: 'IN_APP', total: 3, creditsSpent: 0 }),
      expect.objectContaining({ channel: 'WHATSAPP', total: 1, creditsSpent: 1 }),
    ]);
    expect(stack.messagingGateway.messages.filter((message) => message.metadata.tenantId === small.id).map((message) => [message.channel, message.to])).toEqual([['WHATSAPP', members[0]!.phone]]);
    // In-app, each member reads it with their own name filled in.
    const inbox = (await must(stack.graphqlUrl, MyNotificationsDocument, { first: 5 }, members[2]!.token)).myNotifications.nodes;
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'ANNOUNCEMENT', title: 'Hi: Hello Grace', subject: [{ key: 'announcementId', id: done.id }] }));
  });

  it('reaches the whole tenant, or a library’s members (those of its communities), in-app for free', async () => {
    const everyone = await send({ audience: { kind: 'TENANT' } });
    expect(everyone.data?.sendAnnouncement).toMatchObject({ audienceKind: 'TENANT', recipientCount: 3 });
    const libraryId = randomUUID();
    const { createCommunity } = await must(stack.graphqlUrl, CreateCommunityDocument, { input: { name: 'Library group', kind: 'GROUP', libraryId } }, small.owner.token);
    await must(stack.graphqlUrl, AddCommunityMemberDocument, { communityId: createCommunity.id, userId: members[1]!.id }, small.owner.token);
    const library = await send({ audience: { kind: 'LIBRARY', libraryId } });
    expect(library.data?.sendAnnouncement).toMatchObject({ audienceKind: 'LIBRARY', recipientCount: 1 });
    const done = await finished(library.data!.sendAnnouncement.id, small.owner);
    expect(done).toMatchObject({ state: 'SENT', progress: [expect.objectContaining({ channel: 'IN_APP', total: 1, creditsSpent: 0 })] });
  });

  it('answers a replay of the same key with the first announcement and sends nothing again; the key with another text is IDEMPOTENCY_KEY_REUSED', async () => {
    const idempotencyKey = randomUUID();
    const first = await send({ idempotencyKey, body: 'Once' });
    const replays = await Promise.all(Array.from({ length: 5 }, () => send({ idempotencyKey, body: 'Once' })));
    expect(new Set(replays.map((replay) => replay.data?.sendAnnouncement.id))).toEqual(new Set([first.data!.sendAnnouncement.id]));
    expect(errorCodes(await send({ idempotencyKey, body: 'Twice' }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const { announcements } = await must(stack.graphqlUrl, AnnouncementsDocument, { first: 100 }, small.owner.token);
    expect(announcements.nodes.filter((node) => node.id === first.data!.sendAnnouncement.id)).toHaveLength(1);
  });

  it('retries a send the provider refused for now, and the message is taken once', async () => {
    const order = { channel: 'SMS' as const, amount: 2, reason: 'Rules', idempotencyKey: randomUUID() };
    await must(stack.graphqlUrl, TopUpCreditPoolDocument, order, admin.token);
    await must(stack.graphqlUrl, GrantCreditsDocument, { tenantId: small.id, ...order, idempotencyKey: randomUUID() }, admin.token);
    stack.messagingGateway.failNext(members[1]!.phone!, 2);
    const sent = await send({ channels: ['SMS'], audience: { kind: 'USERS', userIds: [members[1]!.id] } });
    const done = await finished(sent.data!.sendAnnouncement.id, small.owner);
    expect(done).toMatchObject({ state: 'SENT', progress: [expect.objectContaining({ channel: 'SMS', total: 1, failed: 0, creditsSpent: 1 })] });
    expect(stack.messagingGateway.messages.filter((message) => message.to === members[1]!.phone)).toHaveLength(1);
  });

  it('fills a template’s placeholders for each recipient, and refuses placeholders it does not know', async () => {
    const { saveMessageTemplate } = await must(stack.graphqlUrl, SaveMessageTemplateDocument, { input: { name: 'Welcome', subject: 'Welcome {{firstName}}', body: 'Dear {{displayName}}, welcome.' } }, small.owner.token);
    const sent = await send({ channels: ['EMAIL'], subject: null, body: null, templateId: saveMessageTemplate.id, audience: { kind: 'USERS', userIds: [members[0]!.id] } });
    expect(errorCodes(sent)).toEqual(['INSUFFICIENT_CREDITS']);
    const order = { channel: 'EMAIL' as const, amount: 1, reason: 'Rules', idempotencyKey: randomUUID() };
    await must(stack.graphqlUrl, TopUpCreditPoolDocument, order, admin.token);
    await must(stack.graphqlUrl, GrantCreditsDocument, { tenantId: small.id, ...order, idempotencyKey: randomUUID() }, admin.token);
    const paid = await send({ channels: ['EMAIL'], subject: null, body: null, templateId: saveMessageTemplate.id, audience: { kind: 'USERS', userIds: [members[0]!.id] } });
    await finished(paid.data!.sendAnnouncement.id, small.owner);
    const [mail] = emailsOf(paid.data!.sendAnnouncement.id);
    expect(mail).toMatchObject({ to: [members[0]!.email], subject: 'Welcome Ada' });
    expect(mail!.raw).toContain('Dear Ada Lovelace, welcome.');

    const unknown = await request(stack.graphqlUrl, SaveMessageTemplateDocument, { input: { name: 'Bad', subject: 'Hi {{password}}', body: 'x' } }, small.owner.token);
    expect(unknown.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'subject' } });
    const taken = await request(stack.graphqlUrl, SaveMessageTemplateDocument, { input: { name: 'Welcome', subject: 'Again', body: 'x' } }, small.owner.token);
    expect(taken.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'name' } });
  });

  it('is for staff and owners: students are FORBIDDEN, strangers UNAUTHENTICATED, and what is not the tenant’s is NOT_FOUND as what is nowhere', async () => {
    expect(errorCodes(await send({}, members[0]!.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, SendAnnouncementDocument, { input: { audience: { kind: 'TENANT' }, channels: ['IN_APP'], subject: 'x', body: 'x', idempotencyKey: 'k' } }))).toEqual(['UNAUTHENTICATED']);
    const foreignTemplate = (await must(stack.graphqlUrl, SaveMessageTemplateDocument, { input: { name: 'Theirs', subject: 'x', body: 'x' } }, tenant.owner.token)).saveMessageTemplate.id;
    const viaForeign = await send({ subject: null, body: null, templateId: foreignTemplate });
    const viaNowhere = await send({ subject: null, body: null, templateId: randomUUID() });
    expect(viaForeign.errors).toEqual(viaNowhere.errors);
    expect(errorCodes(viaForeign)).toEqual(['NOT_FOUND']);
    for (const input of [{ channels: [] }, { subject: '' }, { body: 'x'.repeat(5_001) }, { channels: ['SMS' as const], body: 'x'.repeat(1_600) }, { audience: { kind: 'COMMUNITY' as const } }]) {
      expect(errorCodes(await send(input as Partial<SendAnnouncementInput>)), JSON.stringify(input).slice(0, 80)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('refuses a receipt the provider did not sign, or signed for another message, and changes nothing', async () => {
    const receiptsUrl = `${stack.subgraphs.communities.url}/webhooks/messaging`;
    const body = JSON.stringify({ id: 'sim_msg_forged', status: 'undelivered', metadata: { tenantId: small.id, deliveryId: randomUUID() } });
    const post = (signature: string, payload = body) => fetch(receiptsUrl, { method: 'POST', headers: { 'content-type': 'application/json', [SIMULATED_RECEIPT_SIGNATURE_HEADER]: signature }, body: payload });
    expect((await post(signWebhook(body, 'not-the-provider-secret-0123456789'))).status).toBe(400);
    expect((await post('')).status).toBe(400);
    expect((await post(signWebhook(body, TEST_MESSAGING_SECRET, new Date(Date.now() - 3_600_000)))).status).toBe(400);
    expect((await post(signWebhook(body, TEST_MESSAGING_SECRET), body.replace('undelivered', 'delivered'))).status).toBe(400);
    // Validly signed, but about no delivery of that tenant sent under that id: acknowledged, nothing changes.
    expect((await post(signWebhook(body, TEST_MESSAGING_SECRET))).status).toBe(200);
  });
});

// The group's 50 members again, reached by a communities process of its own that is killed mid-send.
describe('an announcement when the communities process is killed mid-send', () => {
  beforeAll(async () => {
    crashMailbox = await startMailbox({ answerDelayMs: 40 });
    crashGateway = await startSimulatedGateway({ secret: TEST_MESSAGING_SECRET, answerDelayMs: 40, receiptDelayMs: 20 });
    databases = await createTestDatabases();
    dataDir = await mkdtemp(join(tmpdir(), 'carrel-crash-'));
    await startCommunities();
  }, 90_000);

  afterAll(async () => {
    if (communities && communities.exitCode === null) await killCommunities();
    await crashMailbox?.close();
    await crashGateway?.close();
    await databases?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('completes after a restart, every recipient reached once on each channel, and the wallet charged exactly once per delivery', async () => {
    const before = await balances();
    await grant('EMAIL', MEMBERS - before.EMAIL!.available);
    await grant('SMS', MEMBERS - before.SMS!.available);
    const graphqlUrl = `${communitiesUrl}/graphql`;
    const input = { audience: { kind: 'USERS' as const, userIds: students.map((student) => student.id) }, channels: ['EMAIL' as const, 'SMS' as const], subject: 'Exams', body: 'Quiet hours all week.', idempotencyKey: randomUUID() };
    const { sendAnnouncement } = await must(graphqlUrl, SendAnnouncementDocument, { input }, tenant.owner.token);

    // Killed once the provider has taken some of the messages, and before it has them all.
    await expect.poll(() => crashGateway.messages.length, { timeout: 15_000, interval: 10 }).toBeGreaterThanOrEqual(10);
    await killCommunities();
    expect(crashGateway.messages.length).toBeLessThan(MEMBERS);

    await startCommunities();
    await expect
      .poll(async () => (await must(graphqlUrl, AnnouncementDocument, { id: sendAnnouncement.id }, tenant.owner.token)).announcement!.state, { timeout: 30_000, interval: 200 })
      .toBe('SENT');

    // SMS: the provider took one message per recipient; resends after the restart carried the same idempotency key.
    expect(crashGateway.messages).toHaveLength(MEMBERS);
    expect(new Set(crashGateway.messages.map((message) => message.to))).toEqual(new Set(students.map((student) => student.phone)));
    // Email: one message per recipient, by Message-ID (the one a resend carries too; mail systems collapse repeats by it).
    const messageIdsByRecipient = new Map<string, Set<string>>();
    for (const mail of crashMailbox.messages) for (const to of mail.to) messageIdsByRecipient.set(to, (messageIdsByRecipient.get(to) ?? new Set()).add(mail.messageId));
    expect(new Set(messageIdsByRecipient.keys())).toEqual(new Set(students.map((student) => student.email)));
    expect([...messageIdsByRecipient.values()].every((ids) => ids.size === 1)).toBe(true);

    expect(await balances()).toMatchObject({
      EMAIL: { available: 0, reserved: 0, consumed: before.EMAIL!.consumed + MEMBERS },
      SMS: { available: 0, reserved: 0, consumed: before.SMS!.consumed + MEMBERS },
    });
  });
});
