import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AdjustCreditsDocument,
  BuyCreditsDocument,
  CreditLedgerDocument,
  GrantCreditsDocument,
  PaymentDocument,
  PlatformCreditPoolDocument,
  RefundPaymentDocument,
  RevenueSummaryDocument,
  TenantCreditWalletDocument,
  TopUpCreditPoolDocument,
  type CreditChannel,
} from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { creditApi, presentCard, reserveCredits, SIMULATED_CARDS } from './support/payment-kit.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
});

const order = (channel: CreditChannel, amount: number, idempotencyKey = randomUUID()) => ({ channel, amount, reason: 'Launch offer', idempotencyKey });
const topUp = (amount: number, channel: CreditChannel = 'SMS') => must(stack.graphqlUrl, TopUpCreditPoolDocument, order(channel, amount), admin.token);
const grant = (tenant: TenantFixture, amount: number, channel: CreditChannel = 'SMS', idempotencyKey = randomUUID()) =>
  request(stack.graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, ...order(channel, amount, idempotencyKey) }, admin.token);
const poolOf = async (channel: CreditChannel) => (await must(stack.graphqlUrl, PlatformCreditPoolDocument, {}, admin.token)).platformCreditPool.find((row) => row.channel === channel)!;
const walletAs = async (viewer: Member, tenantId: string) => (await must(stack.graphqlUrl, TenantCreditWalletDocument, { id: tenantId }, viewer.token)).tenant?.creditWallet;
const balanceOf = async (tenantId: string, channel: CreditChannel = 'SMS') => (await walletAs(admin, tenantId))!.balances.find((row) => row.channel === channel)!;

/** Every ledger entry of the tenant's wallet, paging through. */
async function ledgerOf(tenantId: string, after: string | null = null): Promise<CreditLedgerEntry[]> {
  const data = await must(stack.graphqlUrl, CreditLedgerDocument, { id: tenantId, after }, admin.token);
  const page = data.tenant!.creditWallet!.entries!;
  return page.pageInfo.hasNextPage ? [...page.nodes, ...(await ledgerOf(tenantId, page.pageInfo.endCursor ?? null))] : page.nodes;
}
type CreditLedgerEntry = { channel: string; account: string; amount: number; balanceAfter: number };
const sumOf = (entries: { account: string; amount: number }[], account: string) => entries.filter((entry) => entry.account === account).reduce((sum, entry) => sum + entry.amount, 0);

describe('credit wallets', () => {
  it('opens an empty wallet for a new tenant, which staff and owners see and students do not', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    await expect.poll(async () => (await walletAs(tenant.owner, tenant.id))?.balances).toEqual(
      ['SMS', 'WHATSAPP', 'EMAIL'].map((channel) => ({ channel, available: 0, reserved: 0, consumed: 0 })),
    );
    expect((await walletAs(tenant.owner, tenant.id))?.entries?.nodes).toEqual([]);
    expect((await walletAs(staff, tenant.id))).toMatchObject({ balances: expect.any(Array), entries: null });
    expect(await walletAs(student, tenant.id)).toBeNull();
  });

  it('moves granted credits out of the platform pool, so nothing is created outside a top-up', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    await topUp(1_000, 'WHATSAPP');
    const before = await poolOf('WHATSAPP');
    const granted = await grant(tenant, 300, 'WHATSAPP');
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.grantCredits.balances.find((row) => row.channel === 'WHATSAPP')).toEqual({ channel: 'WHATSAPP', available: 300, reserved: 0, consumed: 0 });
    expect(await poolOf('WHATSAPP')).toEqual({ channel: 'WHATSAPP', pool: before.pool - 300, issued: before.issued });
    expect(granted.data!.grantCredits.entries?.nodes).toEqual([{ channel: 'WHATSAPP', account: 'AVAILABLE', movement: 'GRANT', amount: 300, balanceAfter: 300, reason: 'Launch offer' }]);

    const back = await request(stack.graphqlUrl, AdjustCreditsDocument, { tenantId: tenant.id, ...order('WHATSAPP', -100) }, admin.token);
    expect(back.data?.adjustCredits.balances.find((row) => row.channel === 'WHATSAPP')?.available).toBe(200);
    expect((await poolOf('WHATSAPP')).pool).toBe(before.pool - 200);
  });

  it('refuses to grant more than the pool holds or take back more than a tenant has, moving nothing', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const { pool } = await poolOf('EMAIL');
    const tooMuch = await grant(tenant, pool + 1, 'EMAIL');
    expect(tooMuch.errors?.[0]?.extensions).toMatchObject({ code: 'INSUFFICIENT_CREDITS', channel: 'EMAIL', wanted: pool + 1, available: pool });
    expect((await poolOf('EMAIL')).pool).toBe(pool);
    const below = await request(stack.graphqlUrl, AdjustCreditsDocument, { tenantId: tenant.id, ...order('EMAIL', -1) }, admin.token);
    expect(errorCodes(below)).toEqual(['INSUFFICIENT_CREDITS']);
    expect(await balanceOf(tenant.id, 'EMAIL')).toEqual({ channel: 'EMAIL', available: 0, reserved: 0, consumed: 0 });
  });

  it('grants once for a replayed key, and refuses the key for another amount', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    await topUp(100);
    const key = randomUUID();
    const replies = await Promise.all(Array.from({ length: 10 }, () => grant(tenant, 7, 'SMS', key)));
    expect(replies.flatMap((reply) => reply.errors ?? [])).toEqual([]);
    expect((await balanceOf(tenant.id)).available).toBe(7);
    expect(errorCodes(await grant(tenant, 8, 'SMS', key))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('is the platform admins’ to fill: members are refused, and a tenant that does not exist is NOT_FOUND', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const forOwner = await request(stack.graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, ...order('SMS', 5) }, tenant.owner.token);
    expect(errorCodes(forOwner)).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, TopUpCreditPoolDocument, order('SMS', 5), tenant.owner.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, PlatformCreditPoolDocument, {}, tenant.owner.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, GrantCreditsDocument, { tenantId: randomUUID(), ...order('SMS', 5) }, admin.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await request(stack.graphqlUrl, TopUpCreditPoolDocument, order('SMS', 0), admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await request(stack.graphqlUrl, TopUpCreditPoolDocument, order('SMS', -5), admin.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('the internal credit reservation API', () => {
  it('lets 1,000 concurrent reservations take exactly what the wallet holds, leaving its balances equal to its ledger', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    await topUp(500);
    expect((await grant(tenant, 500)).errors).toBeUndefined();
    const replies = await Promise.all(
      Array.from({ length: 1_000 }, (_, index) => creditApi(stack, '', { tenantId: tenant.id, channel: 'SMS', amount: 1, reference: `race-${index}`, service: 'test' })),
    );
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(500);
    const refused = replies.filter((reply) => reply.status !== 200);
    expect(refused).toHaveLength(500);
    expect(new Set(refused.map((reply) => `${reply.status} ${reply.body.error?.code}`))).toEqual(new Set(['409 INSUFFICIENT_CREDITS']));

    const balance = await balanceOf(tenant.id);
    expect(balance).toEqual({ channel: 'SMS', available: 0, reserved: 500, consumed: 0 });
    const ledger = (await ledgerOf(tenant.id)).filter((entry) => entry.channel === 'SMS');
    expect(ledger).toHaveLength(1 + 2 * 500);
    expect(sumOf(ledger, 'AVAILABLE')).toBe(balance.available);
    expect(sumOf(ledger, 'RESERVED')).toBe(balance.reserved);
    expect(ledger.every((entry) => entry.balanceAfter >= 0)).toBe(true);
  });

  it('captures what was delivered and releases what failed, never more than was reserved, once per reference', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    await topUp(10);
    await grant(tenant, 10);
    const reservation = await reserveCredits(stack, { tenantId: tenant.id, channel: 'SMS', amount: 5, reference: 'announcement-1', service: 'test' });
    expect(reservation).toMatchObject({ amount: 5, captured: 0, released: 0 });
    // The same reservation asked again is the same reservation, not five more credits.
    expect((await reserveCredits(stack, { tenantId: tenant.id, channel: 'SMS', amount: 5, reference: 'announcement-1', service: 'test' })).id).toBe(reservation.id);
    expect((await creditApi(stack, '', { tenantId: tenant.id, channel: 'SMS', amount: 6, reference: 'announcement-1', service: 'test' })).body.error?.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const settle = (path: '/capture' | '/release', amount: number, settlementReference: string) =>
      creditApi(stack, path, { tenantId: tenant.id, reference: 'announcement-1', amount, settlementReference, service: 'test' });
    for (let attempt = 0; attempt < 3; attempt++) expect((await settle('/capture', 3, 'delivered-batch-1')).body).toMatchObject({ captured: 3, released: 0 });
    expect((await settle('/release', 2, 'failed-batch-1')).body).toMatchObject({ captured: 3, released: 2 });
    const beyond = await settle('/capture', 1, 'delivered-batch-2');
    expect(beyond).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    expect(await balanceOf(tenant.id)).toEqual({ channel: 'SMS', available: 7, reserved: 0, consumed: 3 });
    expect((await settle('/capture', 1, 'unknown')).status).toBe(400);
    expect((await creditApi(stack, '/capture', { tenantId: tenant.id, reference: 'no-such-reservation', amount: 1, settlementReference: 'x', service: 'test' })).status).toBe(404);
  });

  it('answers only Carrel services, and refuses malformed calls', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const withoutSecret = await creditApi(stack, '', { tenantId: tenant.id, channel: 'SMS', amount: 1, reference: 'x', service: 'test' }, 'a-guess-that-is-long-enough-to-pass-the-length-check');
    expect(withoutSecret.status).toBe(401);
    for (const body of [{}, { tenantId: 'nope', channel: 'SMS', amount: 1, reference: 'x', service: 'test' }, { tenantId: tenant.id, channel: 'FAX', amount: 1, reference: 'x', service: 'test' }, { tenantId: tenant.id, channel: 'SMS', amount: -1, reference: 'x', service: 'test' }]) {
      expect((await creditApi(stack, '', body)).status).toBe(400);
    }
  });
});

describe('buying credits', () => {
  it('lets an owner pay for a package with the provider, and grants it from the pool when the payment succeeds', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    await topUp(1_000, 'WHATSAPP');
    const before = await poolOf('WHATSAPP');
    const { buyCredits } = await must(stack.graphqlUrl, BuyCreditsDocument, { channel: 'WHATSAPP', amount: 200, idempotencyKey: randomUUID() }, tenant.owner.token);
    // 200 WhatsApp credits at the platform's 50 paise each.
    expect(buyCredits).toMatchObject({ purpose: 'CREDITS', status: 'PENDING', booking: null, credits: { channel: 'WHATSAPP', amount: 200 }, amount: { amountMinor: 10_000, currency: 'INR' } });
    expect((await balanceOf(tenant.id, 'WHATSAPP')).available).toBe(0);

    await presentCard(stack, buyCredits, SIMULATED_CARDS.succeeds);
    await expect.poll(async () => (await balanceOf(tenant.id, 'WHATSAPP')).available, { timeout: 2_000, interval: 20 }).toBe(200);
    expect(await poolOf('WHATSAPP')).toEqual({ channel: 'WHATSAPP', pool: before.pool - 200, issued: before.issued });
    const bought = (await must(stack.graphqlUrl, PaymentDocument, { id: buyCredits.id }, tenant.owner.token)).payment!;
    // The platform keeps what the gateway left; the tenant is owed nothing of it.
    expect(bought).toMatchObject({ status: 'SUCCEEDED', fees: { gateway: { amountMinor: 200 }, platform: { amountMinor: 9_800 }, net: { amountMinor: 0 } } });
    expect((await walletAs(tenant.owner, tenant.id))!.entries!.nodes[0]).toMatchObject({ channel: 'WHATSAPP', account: 'AVAILABLE', movement: 'PURCHASE', amount: 200 });

    // Not the tenant's revenue, and not refundable as a booking's payment is.
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    expect((await must(stack.graphqlUrl, RevenueSummaryDocument, range, tenant.owner.token)).revenueSummary).toEqual([]);
    expect(errorCodes(await request(stack.graphqlUrl, RefundPaymentDocument, { paymentId: buyCredits.id, reason: 'Changed my mind', idempotencyKey: randomUUID() }, tenant.owner.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('is the owners’, within package sizes, and refused when the pool cannot cover it', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    const buy = (member: Member, amount: number, channel: CreditChannel = 'SMS') => request(stack.graphqlUrl, BuyCreditsDocument, { channel, amount, idempotencyKey: randomUUID() }, member.token);
    expect(errorCodes(await buy(staff, 100))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await buy(admin, 100))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await buy(tenant.owner, 99))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await buy(tenant.owner, 1_000_001))).toEqual(['BAD_USER_INPUT']);
    const { pool } = await poolOf('EMAIL');
    expect(errorCodes(await buy(tenant.owner, Math.max(pool + 1, 100), 'EMAIL'))).toEqual(['INSUFFICIENT_CREDITS']);
  });
});
