import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEntities } from '../../../test/support/entities.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../../test/support/stack.js';

const SELECTIONS = { Tenant: '__typename id slug name status plan settings { timezone currency } branding { primaryColor } suspensionReason' };

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let other: TenantFixture;
let student: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  other = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
});

const tenants = (ids: string[], token?: string) =>
  resolveEntities(stack.subgraphs.tenants.url, SELECTIONS, ids.map((id) => ({ __typename: 'Tenant', id })), token);

describe('Tenant entities of the tenants subgraph', () => {
  it('resolves a member’s own tenant with every field, and null for any other or none', async () => {
    const { data, errors } = await tenants([tenant.id, other.id, randomUUID(), 'not-an-id'], student.token);
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      {
        __typename: 'Tenant',
        id: tenant.id,
        slug: tenant.slug,
        name: `Tenant ${tenant.slug}`,
        status: 'ACTIVE',
        plan: 'STARTER',
        settings: { timezone: 'Asia/Kolkata', currency: 'INR' },
        branding: { primaryColor: null },
        suspensionReason: null,
      },
      null,
      null,
      null,
    ]);
  });

  it('resolves every tenant for a platform admin and none for anonymous callers', async () => {
    expect((await tenants([tenant.id, other.id], admin.token)).data?._entities).toEqual([expect.objectContaining({ id: tenant.id }), expect.objectContaining({ id: other.id })]);
    expect((await tenants([tenant.id])).data?._entities).toEqual([null]);
  });
});
