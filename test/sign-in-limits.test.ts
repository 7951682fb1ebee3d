import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../common/server/http.js';
import { LoginDocument } from './__generated__/operations.js';
import { errorCodes, request } from './support/client.js';
import { startRouterReplica } from './support/replica.js';
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

describe('guessing from other addresses', () => {
  // A router behind a load balancer on this machine: X-Forwarded-For tells it the client's address.
  let router: RunningServer;
  beforeAll(async () => {
    router = await startRouterReplica(stack, { TRUSTED_PROXIES: '127.0.0.1,::1' });
  });
  afterAll(() => router?.stop());

  let address = 0;
  const newAddress = () => `192.0.2.${++address}`;
  const attemptFrom = async (clientIp: string, member: Member, password: string) => {
    const response = await fetch(`${router.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': clientIp },
      body: JSON.stringify({ query: print(LoginDocument), variables: { input: { email: member.email, password, tenantSlug: tenant.slug } } }),
    });
    return errorCodes({ status: response.status, ...((await response.json()) as object) });
  };

  it('cannot lock an account out for its owner, who signs in from another address', async () => {
    const member = await registerStudent(stack.graphqlUrl, tenant.slug);
    const stranger = newAddress();
    for (let failure = 1; failure <= 10; failure++) expect(await attemptFrom(stranger, member, 'wrong-password-123')).toEqual(['UNAUTHENTICATED']);
    expect(await attemptFrom(stranger, member, member.password)).toEqual(['RATE_LIMITED']);
    expect(await attemptFrom(newAddress(), member, member.password)).toEqual([]);
  });

  it('stops a guess spread over a hundred addresses: then the account is refused from everywhere for a while', async () => {
    const member = await registerStudent(stack.graphqlUrl, tenant.slug);
    for (let failure = 1; failure <= 100; failure++) expect(await attemptFrom(newAddress(), member, 'wrong-password-123'), `failure ${failure}`).toEqual(['UNAUTHENTICATED']);
    expect(await attemptFrom(newAddress(), member, member.password)).toEqual(['RATE_LIMITED']);
  });
});
