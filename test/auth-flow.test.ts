import { beforeAll, describe, expect, it } from 'vitest';
import { LogoutDocument, MeDocument, RefreshSessionDocument, SuspendTenantDocument, ReactivateTenantDocument } from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
});

describe('a student through the router', () => {
  it('registers into a tenant and reads themselves with the tenant name from the other subgraph', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Asha');
    const { me } = await must(stack.graphqlUrl, MeDocument, {}, student.token);
    expect(me).toMatchObject({ email: student.email, role: 'STUDENT', tenant: { id: tenant.id, name: `Tenant ${tenant.slug}` } });
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const first = await must(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: student.refreshToken });
    const newer = first.refreshSession.refreshToken;
    expect(newer).not.toBe(student.refreshToken);

    const replay = await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: student.refreshToken });
    expect(errorCodes(replay)).toEqual(['UNAUTHENTICATED']);

    const afterReuse = await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: newer });
    expect(errorCodes(afterReuse)).toEqual(['UNAUTHENTICATED']);
  });

  it('logs out: the refresh token stops working', async () => {
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    await must(stack.graphqlUrl, LogoutDocument, { refreshToken: student.refreshToken });
    expect(errorCodes(await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: student.refreshToken }))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('tenant suspension', () => {
  it('refuses the tenant’s users within a second and lets them back after reactivation', async () => {
    const suspended = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, suspended.slug);
    const other = await registerStudent(stack.graphqlUrl, tenant.slug);

    await must(stack.graphqlUrl, SuspendTenantDocument, { id: suspended.id, reason: 'Unpaid invoice' }, admin.token);
    const deadline = Date.now() + 1_000;
    let codes: unknown[] = [];
    while (Date.now() < deadline) {
      codes = errorCodes(await request(stack.graphqlUrl, MeDocument, {}, student.token));
      if (codes.includes('TENANT_SUSPENDED')) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(codes).toEqual(['TENANT_SUSPENDED']);
    expect(errorCodes(await request(stack.graphqlUrl, MeDocument, {}, other.token))).toEqual([]);
    expect(errorCodes(await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: student.refreshToken }))).toEqual(['TENANT_SUSPENDED']);

    await must(stack.graphqlUrl, ReactivateTenantDocument, { id: suspended.id }, admin.token);
    await expect.poll(async () => errorCodes(await request(stack.graphqlUrl, MeDocument, {}, student.token)), { timeout: 1_000 }).toEqual([]);
    // The refresh refused during the suspension did not use the token up.
    await expect.poll(async () => errorCodes(await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: student.refreshToken })), { timeout: 2_000 }).toEqual([]);
  });
});
