import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ApproveSettlementDocument,
  CreateBookingDocument,
  CreateSettlementDocument,
  MarkSettlementPaidDocument,
  PaymentDocument,
  PaymentsDocument,
  RecordDeskPaymentDocument,
  RefundPaymentDocument,
  SettlementDocument,
  SettlementsDocument,
} from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createLibraryWithSeats, nextSlot, period } from './support/library-kit.js';
import { presentCard, requirePayment, SIMULATED_CARDS, startPayment } from './support/payment-kit.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
});

const utr = () => `UTR${randomBytes(6).toString('hex').toUpperCase()}`;
const lastHour = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() });

/** A tenant whose student paid `paidOnline` bookings online (10,000 paise each) and one at the desk. */
async function tenantWithPayments(paidOnline: number): Promise<{ tenant: TenantFixture; paymentIds: string[] }> {
  const tenant = await createTenant(stack.graphqlUrl, admin);
  await requirePayment(stack.graphqlUrl, tenant.owner);
  const { seats } = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: paidOnline + 1, hourlyPrice: { amountMinor: 10_000, currency: 'INR' } });
  const student = await registerStudent(stack.graphqlUrl, tenant.slug);
  const when = period(nextSlot(180), 60);
  const book = async (seatId: string) => (await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId, ...when } }, student.token)).createBooking.id;
  const paymentIds: string[] = [];
  for (const seat of seats.slice(0, paidOnline)) {
    const payment = await startPayment(stack.graphqlUrl, student, await book(seat.id));
    await presentCard(stack, payment, SIMULATED_CARDS.succeeds);
    paymentIds.push(payment.id);
  }
  for (const id of paymentIds) {
    await expect.poll(async () => (await must(stack.graphqlUrl, PaymentDocument, { id }, tenant.owner.token)).payment?.status, { timeout: 2_000, interval: 20 }).toBe('SUCCEEDED');
  }
  await must(stack.graphqlUrl, RecordDeskPaymentDocument, { bookingId: await book(seats[paidOnline]!.id), method: 'CASH', idempotencyKey: randomUUID() }, tenant.owner.token);
  return { tenant, paymentIds };
}

const settle = (tenant: TenantFixture, idempotencyKey = randomUUID(), range = lastHour()) =>
  request(stack.graphqlUrl, CreateSettlementDocument, { tenantId: tenant.id, ...range, currency: 'INR', idempotencyKey }, admin.token);

describe('settlements', () => {
  it('pays out a tenant’s online payments of a period once, with totals equal to its payments, through approval and a unique UTR', async () => {
    const { tenant, paymentIds } = await tenantWithPayments(2);
    await must(stack.graphqlUrl, RefundPaymentDocument, { paymentId: paymentIds[0]!, amountMinor: 1_000, reason: 'Goodwill', idempotencyKey: randomUUID() }, tenant.owner.token);

    const made = await settle(tenant);
    expect(made.errors).toBeUndefined();
    const settlement = made.data!.createSettlement;
    // Two online payments of 10,000: 2% gateway and 3% platform fees each, 1,000 refunded; the desk payment is not the platform's to pay out.
    expect(settlement).toMatchObject({
      tenant: { id: tenant.id },
      status: 'DRAFT',
      currency: 'INR',
      paymentCount: 2,
      gross: { amountMinor: 20_000 },
      refunded: { amountMinor: 1_000 },
      gatewayFees: { amountMinor: 400 },
      platformFees: { amountMinor: 600 },
      payout: { amountMinor: 18_000, currency: 'INR' },
      utr: null,
    });
    const { payments } = await must(stack.graphqlUrl, PaymentsDocument, { filter: { settlementId: settlement.id }, first: 100 }, tenant.owner.token);
    expect(payments.nodes.map((payment) => payment.id).sort()).toEqual([...paymentIds].sort());
    expect(payments.nodes.reduce((sum, payment) => sum + payment.amount.amountMinor, 0)).toBe(settlement.gross.amountMinor);

    const again = await settle(tenant);
    expect(again.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });

    expect(errorCodes(await request(stack.graphqlUrl, MarkSettlementPaidDocument, { id: settlement.id, utr: utr() }, admin.token))).toEqual(['BAD_USER_INPUT']);
    const approved = await must(stack.graphqlUrl, ApproveSettlementDocument, { id: settlement.id }, admin.token);
    expect(approved.approveSettlement).toMatchObject({ status: 'APPROVED', approvedAt: expect.any(String) });
    const reference = utr();
    const paid = await must(stack.graphqlUrl, MarkSettlementPaidDocument, { id: settlement.id, utr: reference }, admin.token);
    expect(paid.markSettlementPaid).toMatchObject({ status: 'PAID', utr: reference, paidAt: expect.any(String) });
    expect(errorCodes(await request(stack.graphqlUrl, MarkSettlementPaidDocument, { id: settlement.id, utr: utr() }, admin.token))).toEqual(['BAD_USER_INPUT']);

    // Owners see their settlements.
    const { settlements } = await must(stack.graphqlUrl, SettlementsDocument, { first: 10 }, tenant.owner.token);
    expect(settlements.nodes).toEqual([paid.markSettlementPaid]);

    // One bank transfer pays one settlement.
    const other = await tenantWithPayments(1);
    const second = (await settle(other.tenant)).data!.createSettlement;
    await must(stack.graphqlUrl, ApproveSettlementDocument, { id: second.id }, admin.token);
    const reused = await request(stack.graphqlUrl, MarkSettlementPaidDocument, { id: second.id, utr: reference }, admin.token);
    expect(reused.errors?.[0]).toMatchObject({ message: 'That UTR is recorded for another settlement.', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('puts each payment in at most one settlement when two are made at once', async () => {
    const { tenant } = await tenantWithPayments(3);
    const attempts = await Promise.all(Array.from({ length: 5 }, () => settle(tenant)));
    const made = attempts.filter((attempt) => attempt.data?.createSettlement);
    expect(made).toHaveLength(1);
    expect(made[0]!.data!.createSettlement.paymentCount).toBe(3);
    expect(attempts.filter((attempt) => errorCodes(attempt).includes('BAD_USER_INPUT'))).toHaveLength(4);
  });

  it('answers a replayed creation with the first settlement', async () => {
    const { tenant } = await tenantWithPayments(1);
    const key = randomUUID();
    const range = lastHour();
    const first = await settle(tenant, key, range);
    const replay = await settle(tenant, key, range);
    expect(replay.data?.createSettlement.id).toBe(first.data?.createSettlement.id);
    expect(errorCodes(await settle(tenant, key, { ...range, from: new Date(Date.parse(range.from) - 1).toISOString() }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  });

  it('is the platform admins’ to make and move on; owners only read their own', async () => {
    const { tenant } = await tenantWithPayments(1);
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    expect(errorCodes(await request(stack.graphqlUrl, CreateSettlementDocument, { tenantId: tenant.id, ...lastHour(), currency: 'INR', idempotencyKey: randomUUID() }, tenant.owner.token))).toEqual(['FORBIDDEN']);
    const settlement = (await settle(tenant)).data!.createSettlement;
    expect(errorCodes(await request(stack.graphqlUrl, ApproveSettlementDocument, { id: settlement.id }, tenant.owner.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, SettlementsDocument, { first: 10 }, staff.token))).toEqual(['FORBIDDEN']);
    expect((await must(stack.graphqlUrl, SettlementDocument, { id: settlement.id }, tenant.owner.token)).settlement?.id).toBe(settlement.id);
    expect(errorCodes(await request(stack.graphqlUrl, ApproveSettlementDocument, { id: randomUUID() }, admin.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await settle(tenant, randomUUID(), { from: lastHour().to, to: lastHour().from }))).toEqual(['BAD_USER_INPUT']);
  });
});
