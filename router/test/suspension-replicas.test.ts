import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../common/server/http.js';
import { MeDocument, ReactivateTenantDocument, SuspendTenantDocument } from '../../test/__generated__/operations.js';
import { errorCodes, must, request } from '../../test/support/client.js';
import { startRouterReplica } from '../../test/support/replica.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let student: Member;
const replicas: RunningServer[] = [];

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
});
afterAll(async () => {
  for (const replica of replicas) await replica.stop();
});

async function startReplica(): Promise<string> {
  const replica = await startRouterReplica(stack);
  replicas.push(replica);
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
