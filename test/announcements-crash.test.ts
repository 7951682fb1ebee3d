import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Env } from '../common/config.js';
import { portVariable } from '../common/subgraph-kit/addresses.js';
import { startSimulatedGateway, type SimulatedGateway } from '../subgraphs/communities/src/announcements/channels/simulated-gateway.js';
import { AnnouncementDocument, GrantCreditsDocument, SendAnnouncementDocument, TenantCreditWalletDocument, TopUpCreditPoolDocument, UpdateContactDocument, type CreditChannel } from './__generated__/operations.js';
import { must } from './support/client.js';
import { createTestDatabases, type TestDatabases } from './support/databases.js';
import { until } from './support/isolation-kit.js';
import { startMailbox, type Mailbox } from './support/mailbox.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, testRedisPrefix, TEST_MESSAGING_SECRET, type TestStack } from './support/stack.js';

/** Apart from the process stacks' blocks (4600, 4700). */
const PORT = 4790;
const MEMBERS = 50;

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let students: (Member & { phone: string })[];
let mailbox: Mailbox;
let gateway: SimulatedGateway;
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
    SMTP_URL: mailbox.url,
    MESSAGING_PROVIDER_URL: gateway.url,
    MESSAGING_PROVIDER_SECRET: TEST_MESSAGING_SECRET,
    ANNOUNCEMENT_POLL_MS: '100',
    // A delivery the killed process held is taken up again this soon after.
    ANNOUNCEMENT_LEASE_MS: '1500',
    ANNOUNCEMENT_RETRY_BASE_MS: '50',
  };
}

async function startCommunities(): Promise<void> {
  communities = spawn(process.execPath, ['--import', 'tsx', 'stack/subgraph-process.ts', 'communities'], { env: childEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
  await until('the communities process is ready', () => fetch(`${communitiesUrl}/ready`).then((response) => response.ok, () => false), 60_000);
}

async function killCommunities(): Promise<void> {
  const child = communities!;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function grant(channel: CreditChannel, amount: number) {
  const order = { channel, amount, reason: 'Crash test', idempotencyKey: randomUUID() };
  await must(stack.graphqlUrl, TopUpCreditPoolDocument, order, admin.token);
  await must(stack.graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, ...order, idempotencyKey: randomUUID() }, admin.token);
}

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  mailbox = await startMailbox({ answerDelayMs: 40 });
  gateway = await startSimulatedGateway({ secret: TEST_MESSAGING_SECRET, answerDelayMs: 40, receiptDelayMs: 20 });
  databases = await createTestDatabases();
  dataDir = await mkdtemp(join(tmpdir(), 'carrel-crash-'));
  students = await Promise.all(
    Array.from({ length: MEMBERS }, async (_, index) => {
      const student = await registerStudent(stack.graphqlUrl, tenant.slug, `Student ${index}`);
      const phone = `+4478${String(Math.floor(Math.random() * 1e4)).padStart(4, '0')}${String(index).padStart(3, '0')}`;
      await must(stack.graphqlUrl, UpdateContactDocument, { input: { phone } }, student.token);
      return { ...student, phone };
    }),
  );
  await grant('EMAIL', MEMBERS);
  await grant('SMS', MEMBERS);
  await startCommunities();
}, 90_000);

afterAll(async () => {
  if (communities && communities.exitCode === null) await killCommunities();
  await mailbox?.close();
  await gateway?.close();
  await databases?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('an announcement when the communities process is killed mid-send', () => {
  it('completes after a restart, every recipient reached once on each channel, and the wallet charged exactly once per delivery', async () => {
    const graphqlUrl = `${communitiesUrl}/graphql`;
    const input = { audience: { kind: 'USERS' as const, userIds: students.map((student) => student.id) }, channels: ['EMAIL' as const, 'SMS' as const], subject: 'Exams', body: 'Quiet hours all week.', idempotencyKey: randomUUID() };
    const { sendAnnouncement } = await must(graphqlUrl, SendAnnouncementDocument, { input }, tenant.owner.token);

    // Killed once the provider has taken some of the messages, and before it has them all.
    await expect.poll(() => gateway.messages.length, { timeout: 15_000, interval: 10 }).toBeGreaterThanOrEqual(10);
    await killCommunities();
    const takenBeforeKill = gateway.messages.length;
    expect(takenBeforeKill).toBeLessThan(MEMBERS);

    await startCommunities();
    await expect
      .poll(async () => (await must(graphqlUrl, AnnouncementDocument, { id: sendAnnouncement.id }, tenant.owner.token)).announcement!.state, { timeout: 30_000, interval: 200 })
      .toBe('SENT');

    // SMS: the provider took one message per recipient; resends after the restart carried the same idempotency key.
    expect(gateway.messages).toHaveLength(MEMBERS);
    expect(new Set(gateway.messages.map((message) => message.to))).toEqual(new Set(students.map((student) => student.phone)));
    // Email: one message per recipient, by Message-ID (the one a resend carries too; mail systems collapse repeats by it).
    const messageIdsByRecipient = new Map<string, Set<string>>();
    for (const mail of mailbox.messages) for (const to of mail.to) messageIdsByRecipient.set(to, (messageIdsByRecipient.get(to) ?? new Set()).add(mail.messageId));
    expect(new Set(messageIdsByRecipient.keys())).toEqual(new Set(students.map((student) => student.email)));
    expect([...messageIdsByRecipient.values()].every((ids) => ids.size === 1)).toBe(true);

    const { tenant: charged } = await must(stack.graphqlUrl, TenantCreditWalletDocument, { id: tenant.id }, admin.token);
    const balances = Object.fromEntries(charged!.creditWallet!.balances.map((row) => [row.channel, row]));
    expect(balances).toMatchObject({ EMAIL: { available: 0, reserved: 0, consumed: MEMBERS }, SMS: { available: 0, reserved: 0, consumed: MEMBERS } });
  });
});
