import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Env } from '../../common/config.js';
import { portVariable } from '../../common/subgraph-kit/addresses.js';
import { startStack, type Stack } from '../../stack/stack.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { startSimulatedGateway, type SimulatedGateway } from '../../subgraphs/communities/src/announcements/channels/simulated-gateway.js';
import { createTestDatabases, testRunId, type TestDatabases } from './databases.js';
import { startMailbox, type Mailbox } from './mailbox.js';

export const TEST_ADMIN = { email: 'admin@carrel.test', password: 'admin-password-123' };
/** What the simulated payment provider signs webhooks with, so tests can sign (and forge) their own. */
export const TEST_SIMULATED_PROVIDER_SECRET = 'test-simulated-provider-secret-0123456789';

export interface TestStack extends Stack {
  redisKeyPrefix: string;
  /** The settings it was started with, for another router in front of it. */
  env: Env;
  /** The SMTP server email is sent to, which keeps what it receives. */
  mailbox: Mailbox;
  /** The SMS and WhatsApp provider messages are sent to. */
  messagingGateway: SimulatedGateway;
}

/** Authenticates calls to the tests' messaging gateway and signs its receipts, so tests can sign (and forge) their own. */
export const TEST_MESSAGING_SECRET = 'test-messaging-provider-secret-0123456789';

/**
 * Tests send hundreds of requests a minute from one address and sign in as often: far past the
 * limits a client gets. Tests of the limits start routers of their own with low ones.
 */
const UNLIMITED = { RATE_LIMIT_PER_IP: '1000000', RATE_LIMIT_PER_TENANT: '1000000', RATE_LIMIT_CREDENTIALS_PER_IP: '1000000', RATE_LIMIT_COST_PER_IP: '1000000000' };

export interface TestStackOptions {
  /** Settings over the test defaults, as environment variables (`ACCESS_TOKEN_TTL_SECONDS`, ...). */
  env?: Env;
  /** Databases to run on, when the test opens them itself too; otherwise fresh ones, dropped at stop. */
  databases?: TestDatabases;
}

/**
 * The whole supergraph on free ports, on real PostgreSQL and Redis when DATABASE_URL and
 * REDIS_URL are set, else on in-memory PGlite and the in-process bus.
 */
export async function startTestStack({ env = {}, databases }: TestStackOptions = {}): Promise<TestStack> {
  const own = databases ? null : await createTestDatabases();
  const redisKeyPrefix = `${testRedisPrefix()}${randomBytes(4).toString('hex')}:`;
  const mailbox = await startMailbox();
  const messagingGateway = await startSimulatedGateway({ secret: TEST_MESSAGING_SECRET, receiptDelayMs: 20 });
  const settings: Env = {
    ...process.env,
    ...(databases ?? own)!.env,
    REDIS_KEY_PREFIX: redisKeyPrefix,
    SERVICE_SECRET: randomBytes(32).toString('base64url'),
    HOST: '127.0.0.1',
    PORT: '0',
    METRICS_PORT: '0',
    ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [portVariable(name), '0'])),
    PASSWORD_HASH_COST: 'test',
    CARREL_ADMIN_EMAIL: TEST_ADMIN.email,
    CARREL_ADMIN_PASSWORD: TEST_ADMIN.password,
    SIMULATED_PROVIDER_SECRET: TEST_SIMULATED_PROVIDER_SECRET,
    SMTP_URL: mailbox.url,
    MESSAGING_PROVIDER_URL: messagingGateway.url,
    MESSAGING_PROVIDER_SECRET: TEST_MESSAGING_SECRET,
    // A provider's refusal is retried within a twentieth of a second, not seconds.
    ANNOUNCEMENT_RETRY_BASE_MS: '50',
    ...UNLIMITED,
    ...env,
  };
  const stack = await startStack(settings).catch(async (error: unknown) => {
    await mailbox.close();
    await messagingGateway.close();
    throw error;
  });
  const redisUrl = env.REDIS_URL ?? process.env.REDIS_URL;
  return {
    ...stack,
    redisKeyPrefix,
    env: settings,
    mailbox,
    messagingGateway,
    async stop() {
      await stack.stop();
      await mailbox.close();
      await messagingGateway.close();
      await own?.drop();
      if (redisUrl) await deleteRedisKeys(redisUrl, `${redisKeyPrefix}*`);
    },
  };
}

let shared: Promise<TestStack> | undefined;

/**
 * The supergraph every test file of this worker shares: started by the first file that asks and
 * kept for the files after it, which vitest runs in the same process (`isolate: false`). Files
 * keep apart by making their own tenants; the run's global teardown drops what it leaves behind.
 * A file that needs other settings, or stops or breaks what it runs against, starts its own.
 */
export function sharedTestStack(): Promise<TestStack> {
  shared ??= startTestStack();
  return shared;
}

/** Every Redis key of this test run starts with this. */
export const testRedisPrefix = () => `carrel-test:${testRunId()}:`;

/** The stack's streams and counters, so test runs do not pile up in a shared Redis. */
export async function deleteRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } catch {
    // Redis gone (an outage test): nothing to clean.
  } finally {
    redis.disconnect();
  }
}
