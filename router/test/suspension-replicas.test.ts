import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisEventBus } from '../../common/events/redis-bus.js';
import type { RunningServer } from '../../common/server/http.js';
import { MeDocument, ReactivateTenantDocument, SuspendTenantDocument } from '../../test/__generated__/operations.js';
import { errorCodes, must, request } from '../../test/support/client.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../test/support/seed-kit.js';
import { startTestStack, type TestStack } from '../../test/support/stack.js';
import { startRouter } from '../src/server.js';

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let student: Member;
const replicas: RunningServer[] = [];

beforeAll(async () => {
  stack = await startTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
});
afterAll(async () => {
  for (const replica of replicas) await replica.stop();
  await stack?.stop();
});

/** Another router replica: with Redis, its own connection to the same stream, as a second process would have. */
async function startReplica(): Promise<string> {
  const bus = process.env.REDIS_URL ? new RedisEventBus(process.env.REDIS_URL, stack.redisKeyPrefix) : stack.bus;
  const replica = await startRouter({
    supergraphSdl: readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
    subgraphUrls: { users: `${stack.subgraphs.users.url}/graphql`, tenants: `${stack.subgraphs.tenants.url}/graphql` },
    jwksUrl: `${stack.subgraphs.users.url}/.well-known/jwks.json`,
    suspendedTenantsUrl: `${stack.subgraphs.tenants.url}/internal/suspended-tenants`,
    bus,
    port: 0,
    subgraphTimeoutMs: 5_000,
  });
  replicas.push({ ...replica, stop: async () => { await replica.stop(); if (bus !== stack.bus) await bus.close(); } });
  return `${replica.url}/graphql`;
}

const meCodes = async (graphqlUrl: string) => errorCodes(await request(graphqlUrl, MeDocument, {}, student.token));

describe('suspension across router replicas', () => {
  it('reaches every replica within a second, and a replica started later knows it at once', async () => {
    const other = await startReplica();
    expect(await meCodes(other)).toEqual([]);

    await must(stack.graphqlUrl, SuspendTenantDocument, { id: tenant.id, reason: 'Chargeback' }, admin.token);
    await expect.poll(() => meCodes(other), { timeout: 1_000, interval: 20 }).toEqual(['TENANT_SUSPENDED']);

    const late = await startReplica();
    expect(await meCodes(late)).toEqual(['TENANT_SUSPENDED']);

    await must(stack.graphqlUrl, ReactivateTenantDocument, { id: tenant.id }, admin.token);
    await expect.poll(() => meCodes(other), { timeout: 1_000, interval: 20 }).toEqual([]);
    await expect.poll(() => meCodes(late), { timeout: 1_000, interval: 20 }).toEqual([]);
  });
});
