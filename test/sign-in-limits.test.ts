import { beforeAll, describe, expect, it } from 'vitest';
import { LoginDocument } from './__generated__/operations.js';
import { errorCodes, request } from './support/client.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let tenant: TenantFixture;
let target: Member;
let bystander: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  tenant = await createTenant(stack.graphqlUrl, await loginAdmin(stack.graphqlUrl));
  target = await registerStudent(stack.graphqlUrl, tenant.slug);
  bystander = await registerStudent(stack.graphqlUrl, tenant.slug);
});

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

  it('counts parallel guesses before checking them: at most ten of a burst are ever evaluated', async () => {
    const member = await registerStudent(stack.graphqlUrl, tenant.slug);
    const burst = await Promise.all(Array.from({ length: 40 }, () => attempt(member, 'wrong-password-123')));
    const codes = burst.flatMap((response) => errorCodes(response));
    expect(codes.filter((code) => code === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(10);
    expect(codes.filter((code) => code === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(30);
    expect(new Set(codes)).toEqual(new Set(['UNAUTHENTICATED', 'RATE_LIMITED']));
  });

  it('treats an empty tenant slug as the platform sign-in, not a bucket of its own', async () => {
    const email = `nobody-${Date.now()}@example.test`;
    const signIn = (tenantSlug?: string) => request(stack.graphqlUrl, LoginDocument, { input: { email, password: 'wrong-password-123', ...(tenantSlug === undefined ? {} : { tenantSlug }) } });
    for (let failure = 1; failure <= 5; failure++) await signIn();
    for (let failure = 1; failure <= 5; failure++) await signIn('');
    expect(errorCodes(await signIn(''))).toEqual(['RATE_LIMITED']);
  });

  it('forgets failures after a successful sign-in', async () => {
    const member = await registerStudent(stack.graphqlUrl, tenant.slug);
    for (let failure = 1; failure <= 9; failure++) await attempt(member, 'wrong-password-123');
    expect(errorCodes(await attempt(member, member.password))).toEqual([]);
    for (let failure = 1; failure <= 9; failure++) await attempt(member, 'wrong-password-123');
    expect(errorCodes(await attempt(member, member.password))).toEqual([]);
  });
});
