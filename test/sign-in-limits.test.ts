import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginDocument } from './__generated__/operations.js';
import { errorCodes, request } from './support/client.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { startTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let tenant: TenantFixture;
let target: Member;
let bystander: Member;

beforeAll(async () => {
  stack = await startTestStack();
  tenant = await createTenant(stack.graphqlUrl, await loginAdmin(stack.graphqlUrl));
  target = await registerStudent(stack.graphqlUrl, tenant.slug);
  bystander = await registerStudent(stack.graphqlUrl, tenant.slug);
});
afterAll(() => stack?.stop());

const attempt = (member: Member, password: string) =>
  request(stack.graphqlUrl, LoginDocument, { input: { email: member.email, password, tenantSlug: tenant.slug } });

describe('password guessing', () => {
  it('refuses an account with RATE_LIMITED after ten failed sign-ins, even with the right password, and no other account', async () => {
    for (let failure = 1; failure <= 10; failure++) {
      expect(errorCodes(await attempt(target, 'wrong-password-123'))).toEqual(['UNAUTHENTICATED']);
    }
    const refused = await attempt(target, target.password);
    expect(errorCodes(refused)).toEqual(['RATE_LIMITED']);
    const retryAfter = refused.errors?.[0]?.extensions?.retryAfterSeconds as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    expect(errorCodes(await attempt(bystander, bystander.password))).toEqual([]);
  });

  it('forgets failures after a successful sign-in', async () => {
    const member = await registerStudent(stack.graphqlUrl, tenant.slug);
    for (let failure = 1; failure <= 9; failure++) await attempt(member, 'wrong-password-123');
    expect(errorCodes(await attempt(member, member.password))).toEqual([]);
    for (let failure = 1; failure <= 9; failure++) await attempt(member, 'wrong-password-123');
    expect(errorCodes(await attempt(member, member.password))).toEqual([]);
  });
});
