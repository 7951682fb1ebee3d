import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { startStack, type Stack } from '../../stack/stack.js';
import { createTestDatabases, testRunId } from './databases.js';

export const TEST_ADMIN = { email: 'admin@carrel.test', password: 'admin-password-123' };

export interface TestStack extends Stack {
  redisKeyPrefix: string;
}

/**
 * The whole supergraph on free ports, on real PostgreSQL and Redis when DATABASE_URL and
 * REDIS_URL are set, else on in-memory PGlite and the in-process bus.
 */
export async function startTestStack(overrides: { subgraphTimeoutMs?: number; accessTokenTtlSeconds?: number } = {}): Promise<TestStack> {
  const databases = await createTestDatabases();
  const redisKeyPrefix = `${testRedisPrefix()}${randomBytes(4).toString('hex')}:`;
  const stack = await startStack({
    database: (service) => databases.config(service),
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    redisKeyPrefix,
    ports: { router: 0, users: 0, tenants: 0, bookings: 0 },
    passwordHashCost: 'test',
    platformAdmin: TEST_ADMIN,
    ...overrides,
  });
  return {
    ...stack,
    redisKeyPrefix,
    async stop() {
      await stack.stop();
      await databases.drop();
      if (process.env.REDIS_URL) await deleteRedisKeys(process.env.REDIS_URL, `${redisKeyPrefix}*`);
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
