import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcessStack, type ProcessStack } from '../bench/process-stack.js';
import { SUBGRAPHS } from '../subgraphs/index.js';
import { CreateTenantDocument, LoginDocument, TenantBySlugDocument } from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { OwnRedis, redisServerInstalled } from './support/own-redis.js';
import { login, type Member } from './support/seed-kit.js';
import { SHORT_LIVED_PROCESS_FLAGS } from './support/short-lived-process.js';
import { testRedisPrefix } from './support/stack.js';
import { pause } from './support/subscription-client.js';

/** Apart from the bench's 4600 block; the subgraphs take the next ports, the router's metrics +99. */
const BASE_PORT = 4700;
/**
 * How long after sending a login the signal goes out. Well past the hop from the router to the
 * users subgraph (milliseconds once warm), well short of an OWASP-cost scrypt (0.3 s and more).
 */
const SIGNAL_AFTER_MS = 150;
const withRedisServer = redisServerInstalled();

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: number;
}

/** Resolves when the process has exited, with how and when. */
function exitOf(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode, at: Date.now() });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
}

/** Kills outright, as a crash or a lost machine would, and waits until the process is gone. */
async function kill(child: ChildProcess): Promise<void> {
  const exited = exitOf(child);
  child.kill('SIGKILL');
  await exited;
}

/** A service's `GET /ready`: the HTTP status and which checks passed. */
async function readiness(baseUrl: string): Promise<{ status: number; checks: Record<string, boolean> }> {
  const response = await fetch(`${baseUrl}/ready`);
  const { checks } = (await response.json()) as { checks: Record<string, boolean> };
  return { status: response.status, checks };
}

describe('services as separate processes', () => {
  let redis: OwnRedis | undefined;
  let stack: ProcessStack;
  let admin: Member;
  let tenantSlug: string;

  beforeAll(async () => {
    // A Redis of its own, so the bus case may stop it; without redis-server the stack runs on
    // whatever the environment gives (the shared Redis, or an in-process bus per process).
    redis = withRedisServer ? await OwnRedis.start() : undefined;
    stack = await startProcessStack(BASE_PORT, {
      // The real cost makes every login slow enough to still be running when a signal arrives.
      PASSWORD_HASH_COST: 'owasp',
      // As in the production image, where libraries behave otherwise than under vitest's `test`.
      NODE_ENV: 'production',
      // The suite's level (silent under vitest): the kills below make every service warn.
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // The run's prefix, so the global teardown clears what a shared Redis is left with.
      REDIS_KEY_PREFIX: `${testRedisPrefix()}processes:`,
      ...(redis ? { REDIS_URL: redis.url } : {}),
    }, SHORT_LIVED_PROCESS_FLAGS);
    // Also warms the router's plan for `login` and its connection to the users subgraph.
    admin = await login(stack.graphqlUrl, stack.admin.email, stack.admin.password);
    tenantSlug = `processes-${randomBytes(4).toString('hex')}`;
    const input = { slug: tenantSlug, name: 'Processes', settings: { timezone: 'Asia/Kolkata', currency: 'INR' } };
    await must(stack.graphqlUrl, CreateTenantDocument, { input }, admin.token);
  });
  afterAll(async () => {
    // Redis back first, so nothing waits on it while stopping.
    await redis?.start();
    await stack?.stop();
    await redis?.kill();
  });

  it.skipIf(!withRedisServer)('router and subgraph /ready answer 503 with checks.events false while Redis is down, and 200 once it is back', async () => {
    await redis!.kill();
    const router = await readiness(stack.routerUrl);
    expect(router.status).toBe(503);
    expect(router.checks.events).toBe(false);
    expect(await readiness(stack.subgraphUrls.tenants)).toEqual({ status: 503, checks: { database: true, events: false } });

    await redis!.start();
    // The services' Redis clients reconnect on their own back-off.
    await expect.poll(() => readiness(stack.subgraphUrls.tenants), { timeout: 10_000, interval: 200 }).toEqual({ status: 200, checks: { database: true, events: true } });
    await expect.poll(() => readiness(stack.routerUrl), { timeout: 10_000, interval: 200 }).toMatchObject({ status: 200, checks: { events: true } });
  });

  // One kill and one restart for both what /ready says and what clients get: each restart of
  // a subgraph on PGlite costs seconds.
  it('while the tenants process is killed, router /ready answers 503 with checks.tenants false and its fields get SERVICE_UNAVAILABLE; once restarted, the same router process answers 200 and serves them again', async () => {
    const router = stack.process('router');
    const bySlug = () => request(stack.graphqlUrl, TenantBySlugDocument, { slug: tenantSlug });
    const served = { status: 200, data: { tenantBySlug: expect.objectContaining({ slug: tenantSlug, status: 'ACTIVE' }) } };
    expect(await bySlug()).toEqual(served);

    await kill(stack.process('tenants'));
    expect(await readiness(stack.routerUrl)).toEqual({ status: 503, checks: { ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, name !== 'tenants'])), events: true } });
    const whileDown = await bySlug();
    expect(whileDown.data).toEqual({ tenantBySlug: null });
    expect(errorCodes(whileDown)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(whileDown.errors)).not.toMatch(/127\.0\.0\.1|http:|ECONN|stack/i);

    await stack.restart('tenants');
    expect(await readiness(stack.routerUrl)).toEqual({ status: 200, checks: { ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, true])), events: true } });
    expect(await bySlug()).toEqual(served);
    expect(stack.process('router')).toBe(router);
    expect(router.exitCode).toBeNull();
  });

  /** Sends a login, signals the service mid-way, and checks the answer got out before the process went. */
  async function expectLoginDrainedOnSigterm(service: 'users' | 'router') {
    const child = stack.process(service);
    const exited = exitOf(child);
    const loggingIn = request(stack.graphqlUrl, LoginDocument, { input: { email: admin.email, password: admin.password } }).then((response) => ({ response, at: Date.now() }));
    await pause(SIGNAL_AFTER_MS);
    const signalledAt = Date.now();
    child.kill('SIGTERM');

    const { response, at: answeredAt } = await loggingIn;
    expect(response.errors).toBeUndefined();
    expect(response.data?.login).toMatchObject({ accessToken: expect.any(String), user: { id: admin.id } });
    expect(answeredAt).toBeGreaterThan(signalledAt);
    const exit = await exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    // It drained: the answer was out before the process went.
    expect(exit.at).toBeGreaterThanOrEqual(answeredAt);
  }

  // Last, and in this order: each start of a process on PGlite costs seconds, so the router is
  // started again only because the users case logs in through it, and users not at all.
  it('router: a login in flight when the process gets SIGTERM still succeeds, and the process then exits with code 0', async () => {
    await expectLoginDrainedOnSigterm('router');
    await stack.restart('router');
    // Warms the new router's plan for `login` and its connection to users, as the setup did for
    // the first: the next case's login must reach users well within SIGNAL_AFTER_MS.
    await login(stack.graphqlUrl, admin.email, admin.password);
  });

  it('users: a login in flight when the process gets SIGTERM still succeeds, and the process then exits with code 0', async () => {
    await expectLoginDrainedOnSigterm('users');
  });
});
