import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveEntities } from '../../../test/support/entities.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../../test/support/stack.js';

const SELECTIONS = { User: '__typename id email displayName role status tenant { id }' };

let stack: TestStack;
let tenant: TenantFixture;
let other: TenantFixture;
let staff: Member;
let student: Member;
let classmate: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  other = await createTenant(stack.graphqlUrl, admin);
  staff = await createMember(stack.graphqlUrl, tenant.owner, tenant.id, tenant.slug, 'STAFF');
  student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Mira');
  classmate = await registerStudent(stack.graphqlUrl, tenant.slug, 'Noor');
});

const users = (ids: string[], token?: string) =>
  resolveEntities(stack.subgraphs.users.url, SELECTIONS, ids.map((id) => ({ __typename: 'User', id })), token);

describe('User entities of the users subgraph', () => {
  it('resolves the tenant’s users for staff, in the order asked, with every field', async () => {
    const { data, errors } = await users([student.id, staff.id, randomUUID(), 'not-an-id'], staff.token);
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { __typename: 'User', id: student.id, email: student.email, displayName: 'Mira', role: 'STUDENT', status: 'ACTIVE', tenant: { id: tenant.id } },
      expect.objectContaining({ id: staff.id, role: 'STAFF', tenant: { id: tenant.id } }),
      null,
      null,
    ]);
  });

  it('shows a student only themselves, another tenant nothing, and anonymous callers nothing', async () => {
    expect((await users([student.id, classmate.id], student.token)).data?._entities).toEqual([expect.objectContaining({ id: student.id }), null]);
    expect((await users([student.id], other.owner.token)).data?._entities).toEqual([null]);
    expect((await users([student.id])).data?._entities).toEqual([null]);
  });
});
