import { beforeAll, describe, expect, it } from 'vitest';
import { CreateTenantDocument, TenantsDocument } from '../../../test/__generated__/operations.js';
import { errorCodes, must, request } from '../../../test/support/client.js';
import { createTenant, loginAdmin, type Member, type TenantFixture } from '../../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../../test/support/stack.js';

let stack: TestStack;
let admin: Member;
let existing: TenantFixture;

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  existing = await createTenant(stack.graphqlUrl, admin);
});

describe('creating a tenant', () => {
  it('refuses a slug that is taken with BAD_USER_INPUT on slug, and creates nothing', async () => {
    const countOf = async () => (await must(stack.graphqlUrl, TenantsDocument, { first: 100 }, admin.token)).tenants.nodes.filter((tenant) => tenant.slug === existing.slug).length;
    const response = await request(stack.graphqlUrl, CreateTenantDocument, { input: { slug: existing.slug, name: 'Copycat', settings: { timezone: 'UTC', currency: 'GBP' } } }, admin.token);
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]).toMatchObject({ message: 'That slug is taken.', extensions: { code: 'BAD_USER_INPUT', field: 'slug' } });
    expect(response.data ?? null).toBeNull();
    expect(await countOf()).toBe(1);
  });
});
