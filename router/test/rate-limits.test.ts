import { randomBytes } from 'node:crypto';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Env } from '../../common/config.js';
import type { RunningServer } from '../../common/server/http.js';
import { LoginDocument } from '../../test/__generated__/operations.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../test/support/seed-kit.js';
import { OwnRedis, redisServerInstalled } from '../../test/support/own-redis.js';
import { startRouterReplica } from '../../test/support/replica.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

let stack: TestStack;
let tenant: TenantFixture;
let other: TenantFixture;
let student: Member;
const routers: RunningServer[] = [];

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  [tenant, other] = [await createTenant(stack.graphqlUrl, admin), await createTenant(stack.graphqlUrl, admin)];
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
});
afterAll(async () => {
  for (const router of routers) await router.stop();
});

/**
 * A router in front of the stack with real limits; it believes X-Forwarded-For from this machine,
 * as from a load balancer. Its counts in Redis are its own unless it is given another's `counts`.
 */
async function routerWith(limits: Env, counts = `${stack.redisKeyPrefix}limits-${randomBytes(4).toString('hex')}:`): Promise<string> {
  const router = await startRouterReplica(stack, {
    RATE_LIMIT_PER_IP: '100',
    RATE_LIMIT_PER_TENANT: '6000',
    RATE_LIMIT_CREDENTIALS_PER_IP: '10',
    RATE_LIMIT_COST_PER_IP: '60000',
    TRUSTED_PROXIES: '127.0.0.1,::1',
    REDIS_KEY_PREFIX: counts,
    ...limits,
  });
  routers.push(router);
  return router.url;
}

/** A client address of its own for each use, so no test spends another's allowance. */
const newIp = () => `198.51.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function post(routerUrl: string, ip: string, body: unknown, token?: string) {
  const response = await fetch(`${routerUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string; retryAfterSeconds?: number } }[] } };
}

const codes = (response: Awaited<ReturnType<typeof post>>) => (response.body.errors ?? []).map((error) => error.extensions?.code);
const TYPENAME = { query: '{ __typename }' };
/** 1 for the field, 100 times its nodes' 20 fields: a cost of 2,001, charged 2,001 × 2,001 / 1,200 = 3,337. */
const LARGE_PAGE = { query: `{ users(first: 100) { nodes { id email displayName role status ${Array.from({ length: 15 }, (_, index) => `a${index}: id`).join(' ')} } } }` };

function expectRateLimited(response: Awaited<ReturnType<typeof post>>) {
  expect(response.status).toBe(429);
  expect(codes(response)).toEqual(['RATE_LIMITED']);
  expect(Number(response.retryAfter)).toBeGreaterThan(0);
  expect(Number(response.retryAfter)).toBeLessThanOrEqual(60);
  expect(response.body.errors?.[0]?.extensions?.retryAfterSeconds).toBe(Number(response.retryAfter));
}

describe('requests from one client IP', () => {
  it('are answered a hundred a minute; the 101st is 429 RATE_LIMITED with Retry-After, and another IP is unaffected', async () => {
    const router = await routerWith({});
    const ip = newIp();
    for (let request = 1; request <= 100; request++) expect((await post(router, ip, TYPENAME)).status, `request ${request}`).toBe(200);
    expectRateLimited(await post(router, ip, TYPENAME));
    expect((await post(router, newIp(), TYPENAME)).status).toBe(200);
  });

  it.skipIf(!redisServerInstalled())('stay refused once over the limit while Redis is down, and other addresses are counted in memory meanwhile', async () => {
    const redis = await OwnRedis.start();
    try {
      const router = await routerWith({ RATE_LIMIT_PER_IP: '3', REDIS_URL: redis.url });
      const ip = newIp();
      for (let request = 1; request <= 3; request++) expect((await post(router, ip, TYPENAME)).status, `request ${request}`).toBe(200);
      expectRateLimited(await post(router, ip, TYPENAME));
      await redis.kill();
      expectRateLimited(await post(router, ip, TYPENAME));
      expect((await post(router, newIp(), TYPENAME)).status).toBe(200);
    } finally {
      await redis.kill();
    }
  });

  it.skipIf(!process.env.REDIS_URL)('are counted once across two router replicas sharing Redis', async () => {
    const counts = `${stack.redisKeyPrefix}limits-shared:`;
    const [first, second] = [await routerWith({}, counts), await routerWith({}, counts)];
    const ip = newIp();
    for (let request = 1; request <= 50; request++) {
      expect((await post(first, ip, TYPENAME)).status).toBe(200);
      expect((await post(second, ip, TYPENAME)).status).toBe(200);
    }
    expectRateLimited(await post(first, ip, TYPENAME));
    expectRateLimited(await post(second, ip, TYPENAME));
  });

  it('include WebSocket connection attempts', async () => {
    const router = await routerWith({ RATE_LIMIT_PER_IP: '2' });
    const ip = newIp();
    const connect = () =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${router.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', { headers: { 'x-forwarded-for': ip } });
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('unexpected-response', (_request, response) => resolve(`${response.statusCode} retry after ${response.headers['retry-after']}`));
      });
    expect(await connect()).toBe('open');
    expect((await post(router, ip, TYPENAME)).status).toBe(200);
    expect(await connect()).toMatch(/^429 retry after \d+$/);
  });

  it('are told apart only by a proxy the router trusts: X-Forwarded-For from anyone else is ignored', async () => {
    const router = await routerWith({ RATE_LIMIT_PER_IP: '3', TRUSTED_PROXIES: '' });
    for (let request = 1; request <= 3; request++) expect((await post(router, newIp(), TYPENAME)).status).toBe(200);
    expectRateLimited(await post(router, newIp(), TYPENAME));
  });
});

describe('the cost of one client IP\'s operations', () => {
  it('is summed over a minute: past the budget a client is refused with 429 RATE_LIMITED, and another IP is unaffected', async () => {
    const router = await routerWith({ RATE_LIMIT_COST_PER_IP: '1000' });
    // 1 for the field, 100 times its nodes' 3: 301.
    const page = { query: '{ users(first: 100) { nodes { id email } } }' };
    const ip = newIp();
    for (let request = 1; request <= 3; request++) expect((await post(router, ip, page, tenant.owner.token)).status, `request ${request}`).toBe(200);
    expectRateLimited(await post(router, ip, page, tenant.owner.token));
    expect((await post(router, newIp(), page, tenant.owner.token)).status).toBe(200);
  });

  it('is spent at most a third at a time: a burst is refused for some seconds, long before the minute\u2019s budget is gone', async () => {
    // 100,000 a minute: 33,334 in any twenty seconds; each operation below is charged 3,337.
    const router = await routerWith({ RATE_LIMIT_COST_PER_IP: '100000' });
    const ip = newIp();
    for (let request = 1; request <= 9; request++) expect((await post(router, ip, LARGE_PAGE, tenant.owner.token)).status, `request ${request}`).toBe(200);
    const refused = await post(router, ip, LARGE_PAGE, tenant.owner.token);
    expectRateLimited(refused);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(20);
  });

  it('charges an operation larger than a portal page more than its cost: two such operations overspend a minute their costs fit in', async () => {
    const router = await routerWith({ RATE_LIMIT_COST_PER_IP: '6000' });
    const ip = newIp();
    expect((await post(router, ip, LARGE_PAGE, tenant.owner.token)).status).toBe(200);
    // 4,002 of cost would fit the minute's 6,000.
    const refused = await post(router, ip, LARGE_PAGE, tenant.owner.token);
    expectRateLimited(refused);
    expect(Number(refused.retryAfter), 'the minute\u2019s budget refused it, not the twenty seconds\u2019').toBeGreaterThan(20);
    expect((await post(router, newIp(), LARGE_PAGE, tenant.owner.token)).status).toBe(200);
  });
});

describe('requests of one tenant', () => {
  it('are limited together, whichever member and address they come from, and another tenant is unaffected', async () => {
    const router = await routerWith({ RATE_LIMIT_PER_TENANT: '3' });
    const ownerIp = newIp();
    expect((await post(router, ownerIp, { query: '{ me { id } }' }, tenant.owner.token)).status).toBe(200);
    expect((await post(router, newIp(), { query: '{ me { id } }' }, student.token)).status).toBe(200);
    expect((await post(router, ownerIp, { query: '{ me { id } }' }, tenant.owner.token)).status).toBe(200);
    expectRateLimited(await post(router, newIp(), { query: '{ me { id } }' }, student.token));
    expect((await post(router, ownerIp, { query: '{ me { id } }' }, other.owner.token)).status).toBe(200);
  });
});

describe('operations that check or set a password', () => {
  const login = (password: string) => ({ query: print(LoginDocument), variables: { input: { email: student.email, password, tenantSlug: tenant.slug } } });

  it('are limited more tightly per IP than other requests, through fragments too, and leave other requests and IPs alone', async () => {
    const router = await routerWith({ RATE_LIMIT_CREDENTIALS_PER_IP: '3' });
    const ip = newIp();
    for (let attempt = 1; attempt <= 2; attempt++) expect(codes(await post(router, ip, login('wrong-password-1')))).toEqual(['UNAUTHENTICATED']);
    const spread = {
      query: 'mutation Hidden($input: LoginInput!) { ...SignIn } fragment SignIn on Mutation { login(input: $input) { accessToken } }',
      variables: login('wrong-password-1').variables,
    };
    expect(codes(await post(router, ip, spread))).toEqual(['UNAUTHENTICATED']);
    expectRateLimited(await post(router, ip, login(student.password)));
    expect((await post(router, ip, { query: '{ me { id } }' }, student.token)).status).toBe(200);
    expect(codes(await post(router, newIp(), login(student.password)))).toEqual([]);
  });
});
