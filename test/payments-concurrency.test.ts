import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateBookingDocument, PaymentDocument, PayForBookingDocument, RefundPaymentDocument } from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { createLibraryWithSeats, nextSlot, period } from './support/library-kit.js';
import { presentCard, requirePayment, SIMULATED_CARDS, startPayment } from './support/payment-kit.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let tenant: TenantFixture;
let student: Member;
let seats: { id: string }[];

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  await requirePayment(stack.graphqlUrl, tenant.owner);
  ({ seats } = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 2, hourlyPrice: { amountMinor: 10_000, currency: 'INR' } }));
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
});

const bookSeat = async (index: number) =>
  (await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seats[index]!.id, ...period(nextSlot(180), 60) } }, student.token)).createBooking;

describe('racing with money', () => {
  it('runs payForBooking once for one key sent 50 times at once; the other 49 get the first result', async () => {
    const booking = await bookSeat(0);
    const idempotencyKey = randomUUID();
    const responses = await Promise.all(Array.from({ length: 50 }, () => request(stack.graphqlUrl, PayForBookingDocument, { bookingId: booking.id, idempotencyKey }, student.token)));
    expect(responses.flatMap((response) => response.errors ?? [])).toEqual([]);
    const ids = new Set(responses.map((response) => response.data!.payForBooking.id));
    expect(ids.size).toBe(1);
    const checkouts = new Set(responses.map((response) => response.data!.payForBooking.checkout?.checkoutUrl));
    expect(checkouts.size).toBe(1);
  });

  it('never refunds more than was paid, however many refunds race', async () => {
    const booking = await bookSeat(1);
    const payment = await startPayment(stack.graphqlUrl, student, booking.id);
    await presentCard(stack, payment, SIMULATED_CARDS.succeeds);
    await expect.poll(async () => (await must(stack.graphqlUrl, PaymentDocument, { id: payment.id }, tenant.owner.token)).payment?.status, { timeout: 2_000, interval: 20 }).toBe('SUCCEEDED');

    // 50 owners' clicks of 300 each against 10,000: at most 33 can stand.
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => request(stack.graphqlUrl, RefundPaymentDocument, { paymentId: payment.id, amountMinor: 300, reason: 'Race', idempotencyKey: randomUUID() }, tenant.owner.token)),
    );
    const refunded = responses.filter((response) => response.data?.refundPayment.status === 'SUCCEEDED');
    expect(refunded).toHaveLength(33);
    expect(responses.filter((response) => errorCodes(response).includes('BAD_USER_INPUT'))).toHaveLength(17);
    const { payment: after } = await must(stack.graphqlUrl, PaymentDocument, { id: payment.id }, tenant.owner.token);
    expect(after!.refunded.amountMinor).toBe(9_900);
    expect(after!.refunds.reduce((sum, refund) => sum + refund.amount.amountMinor, 0)).toBe(9_900);
  });
});
