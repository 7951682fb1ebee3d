import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BookingWithPaymentDocument,
  CancelBookingDocument,
  CreateBookingDocument,
  MyPaymentsDocument,
  PaymentDocument,
  PayForBookingDocument,
  RecordDeskPaymentDocument,
  RefundPaymentDocument,
  RevenueSummaryDocument,
  SeatAvailabilityDocument,
  TenantBookingPolicyDocument,
  TenantPaymentPolicyDocument,
  UpdateBookingPolicyDocument,
  UpdatePaymentPolicyDocument,
} from './__generated__/operations.js';
import { errorCodes, must, request } from './support/client.js';
import { recordEvents } from './support/event-recorder.js';
import { createLibraryWithSeats, nextSlot, period, type LibraryFixture } from './support/library-kit.js';
import { presentCard, requirePayment, SIMULATED_CARDS, startPayment } from './support/payment-kit.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
});

/** A tenant of its own per case, as each sets its own booking policy. */
async function tenantWithLibrary(policy?: { holdSeconds: number }): Promise<{ tenant: TenantFixture; owner: Member; library: LibraryFixture; student: Member }> {
  const tenant = await createTenant(stack.graphqlUrl, admin);
  if (policy) await requirePayment(stack.graphqlUrl, tenant.owner, policy.holdSeconds);
  const library = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 2, hourlyPrice: { amountMinor: 10_000, currency: 'INR' } });
  const student = await registerStudent(stack.graphqlUrl, tenant.slug);
  return { tenant, owner: tenant.owner, library, student };
}

const slot = (hoursAhead = 2) => period(nextSlot(hoursAhead * 60), 60);
const book = async (student: Member, seatId: string, when = slot()) => (await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId, ...when } }, student.token)).createBooking;
const bookingAs = async (viewer: Member, id: string) => (await must(stack.graphqlUrl, BookingWithPaymentDocument, { id }, viewer.token)).booking!;
const paymentAs = async (viewer: Member, id: string) => (await must(stack.graphqlUrl, PaymentDocument, { id }, viewer.token)).payment!;
const refund = (by: Member, paymentId: string, amountMinor?: number, idempotencyKey = randomUUID()) =>
  request(stack.graphqlUrl, RefundPaymentDocument, { paymentId, amountMinor, reason: 'Goodwill', idempotencyKey }, by.token);

describe('paying for a booking that must be paid', () => {
  it('holds the seat until paid, then confirms the booking within a second of the webhook', async () => {
    const { owner, library, student } = await tenantWithLibrary({ holdSeconds: 900 });
    const booking = await book(student, library.seats[0]!.id);
    expect(booking.status).toBe('PENDING_PAYMENT');
    const pending = await bookingAs(student, booking.id);
    expect(pending).toMatchObject({ paymentStatus: 'UNPAID', payment: null, price: { amountMinor: 10_000, currency: 'INR' } });
    expect(Date.parse(pending.holdExpiresAt!) - Date.now()).toBeGreaterThan(890_000);

    const payment = await startPayment(stack.graphqlUrl, student, booking.id);
    expect(payment).toMatchObject({ status: 'PENDING', method: 'ONLINE', amount: { amountMinor: 10_000, currency: 'INR' }, checkout: { provider: 'simulated' } });
    expect((await bookingAs(student, booking.id)).paymentStatus).toBe('PENDING');

    const presented = await presentCard(stack, payment, SIMULATED_CARDS.succeeds);
    expect(presented.status).toBe(202);
    const started = Date.now();
    await expect.poll(async () => (await bookingAs(student, booking.id)).status, { timeout: 2_000, interval: 20 }).toBe('CONFIRMED');
    // The provider sends its webhook 50 ms after the card; the rest is ours.
    expect(Date.now() - started).toBeLessThan(1_050);

    const paid = await paymentAs(owner, payment.id);
    expect(paid).toMatchObject({ status: 'SUCCEEDED', checkout: null });
    // 2% kept by the simulated gateway, 3% by the platform, frozen at payment time.
    expect(paid.fees).toEqual({ gateway: { amountMinor: 200 }, platform: { amountMinor: 300 }, platformFeeBps: 300, net: { amountMinor: 9_500 } });
    expect((await paymentAs(student, payment.id)).fees).toBeNull();
    expect((await bookingAs(student, booking.id)).paymentStatus).toBe('PAID');
  });

  it('leaves a booking paid with a declined card pending, then expires its hold and frees the seat', async () => {
    const { library, student, tenant } = await tenantWithLibrary({ holdSeconds: 5 });
    const when = slot();
    const booking = await book(student, library.seats[0]!.id, when);
    const payment = await startPayment(stack.graphqlUrl, student, booking.id);
    expect((await presentCard(stack, payment, SIMULATED_CARDS.declined)).status).toBe(402);
    await expect.poll(async () => (await paymentAs(student, payment.id)).status, { timeout: 2_000, interval: 20 }).toBe('FAILED');
    expect((await bookingAs(student, booking.id)).status).toBe('PENDING_PAYMENT');

    const rival = await registerStudent(stack.graphqlUrl, tenant.slug);
    const whileHeld = await request(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: library.seats[0]!.id, ...when } }, rival.token);
    expect(errorCodes(whileHeld)).toEqual(['BOOKING_CONFLICT']);

    await expect.poll(async () => (await bookingAs(student, booking.id)).status, { timeout: 8_000, interval: 100 }).toBe('EXPIRED');
    const { seatAvailability } = await must(stack.graphqlUrl, SeatAvailabilityDocument, { libraryId: library.library.id, ...when }, rival.token);
    expect(seatAvailability.find((entry) => entry.seat.id === library.seats[0]!.id)?.free).toBe(true);
    expect((await book(rival, library.seats[0]!.id, when)).status).toBe('PENDING_PAYMENT');
    // An expired booking cannot be paid any more.
    expect(errorCodes(await request(stack.graphqlUrl, PayForBookingDocument, { bookingId: booking.id, idempotencyKey: randomUUID() }, student.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('fails a payment whose card fails after checkout, and lets the student pay again', async () => {
    const { library, student } = await tenantWithLibrary({ holdSeconds: 900 });
    const booking = await book(student, library.seats[0]!.id);
    const first = await startPayment(stack.graphqlUrl, student, booking.id);
    expect((await presentCard(stack, first, SIMULATED_CARDS.failsLater)).status).toBe(202);
    await expect.poll(async () => (await paymentAs(student, first.id)).status, { timeout: 2_000, interval: 20 }).toBe('FAILED');
    expect((await paymentAs(student, first.id)).failureReason).toBe('Insufficient funds.');

    const second = await startPayment(stack.graphqlUrl, student, booking.id);
    expect(second.id).not.toBe(first.id);
    await presentCard(stack, second, SIMULATED_CARDS.succeeds);
    await expect.poll(async () => (await bookingAs(student, booking.id)).status, { timeout: 2_000, interval: 20 }).toBe('CONFIRMED');
  });
});

describe('idempotency of payForBooking', () => {
  it('answers a replay with the first payment, and refuses the key for another booking', async () => {
    const { library, student } = await tenantWithLibrary();
    const one = await book(student, library.seats[0]!.id);
    const other = await book(student, library.seats[1]!.id);
    const key = randomUUID();
    const first = await startPayment(stack.graphqlUrl, student, one.id, key);
    const replay = await startPayment(stack.graphqlUrl, student, one.id, key);
    expect(replay.id).toBe(first.id);
    expect(replay.checkout).toEqual(first.checkout);
    const reused = await request(stack.graphqlUrl, PayForBookingDocument, { bookingId: other.id, idempotencyKey: key }, student.token);
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    // A new key while a payment is in progress resumes it rather than starting a second.
    expect((await startPayment(stack.graphqlUrl, student, one.id)).id).toBe(first.id);
  });

  it('refuses keys that are not tokens', async () => {
    const { library, student } = await tenantWithLibrary();
    const booking = await book(student, library.seats[0]!.id);
    for (const idempotencyKey of ['', 'short', 'has spaces in it', 'x'.repeat(101)]) {
      expect(errorCodes(await request(stack.graphqlUrl, PayForBookingDocument, { bookingId: booking.id, idempotencyKey }, student.token))).toEqual(['BAD_USER_INPUT']);
    }
  });
});

describe('who pays what', () => {
  it('keeps a student to their own bookings, and platform admins out of paying', async () => {
    const { library, student, tenant } = await tenantWithLibrary();
    const booking = await book(student, library.seats[0]!.id);
    const classmate = await registerStudent(stack.graphqlUrl, tenant.slug);
    expect(errorCodes(await request(stack.graphqlUrl, PayForBookingDocument, { bookingId: booking.id, idempotencyKey: randomUUID() }, classmate.token))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await request(stack.graphqlUrl, PayForBookingDocument, { bookingId: booking.id, idempotencyKey: randomUUID() }, admin.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await request(stack.graphqlUrl, PayForBookingDocument, { bookingId: booking.id, idempotencyKey: randomUUID() }))).toEqual(['UNAUTHENTICATED']);

    const payment = await startPayment(stack.graphqlUrl, student, booking.id);
    expect(errorCodes(await request(stack.graphqlUrl, PaymentDocument, { id: payment.id }, classmate.token))).toEqual(['NOT_FOUND']);
    const { me } = await must(stack.graphqlUrl, MyPaymentsDocument, {}, student.token);
    expect(me!.payments.nodes.map((node) => node.id)).toEqual([payment.id]);
  });

  it('lets staff record a desk payment of a pay-later booking, once', async () => {
    const { tenant, library, student, owner } = await tenantWithLibrary();
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    const booking = await book(student, library.seats[0]!.id);
    expect(booking.status).toBe('CONFIRMED');
    const key = randomUUID();
    const { recordDeskPayment } = await must(stack.graphqlUrl, RecordDeskPaymentDocument, { bookingId: booking.id, method: 'CASH', idempotencyKey: key }, staff.token);
    expect(recordDeskPayment).toMatchObject({ status: 'SUCCEEDED', method: 'CASH', amount: { amountMinor: 10_000 }, fees: null });
    expect((await paymentAs(owner, recordDeskPayment.id)).fees).toEqual({ gateway: { amountMinor: 0 }, platform: { amountMinor: 0 }, platformFeeBps: 0, net: { amountMinor: 10_000 } });
    const again = await request(stack.graphqlUrl, RecordDeskPaymentDocument, { bookingId: booking.id, method: 'CASH', idempotencyKey: randomUUID() }, staff.token);
    expect(again.errors?.[0]).toMatchObject({ message: 'This booking is already paid.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(errorCodes(await request(stack.graphqlUrl, RecordDeskPaymentDocument, { bookingId: booking.id, method: 'CASH', idempotencyKey: randomUUID() }, student.token))).toEqual(['FORBIDDEN']);
    expect((await bookingAs(student, booking.id)).paymentStatus).toBe('PAID');
  });
});

describe('refunds and revenue', () => {
  it('shows the owner the revenue, refunds part and then the rest, and refuses a third refund', async () => {
    const { owner, library, student } = await tenantWithLibrary({ holdSeconds: 900 });
    const booking = await book(student, library.seats[0]!.id);
    const payment = await startPayment(stack.graphqlUrl, student, booking.id);
    await presentCard(stack, payment, SIMULATED_CARDS.succeeds);
    await expect.poll(async () => (await paymentAs(owner, payment.id)).status, { timeout: 2_000, interval: 20 }).toBe('SUCCEEDED');

    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    const [before] = (await must(stack.graphqlUrl, RevenueSummaryDocument, range, owner.token)).revenueSummary;
    expect(before).toMatchObject({ currency: 'INR', count: 1, gross: 10_000, refunded: 0, gatewayFees: 200, platformFees: 300, net: 9_500, average: 10_000 });
    expect(before!.byLibrary).toEqual([{ key: library.library.id, count: 1, gross: 10_000, net: 9_500 }]);
    expect(before!.byMethod).toEqual([{ key: 'ONLINE', count: 1, gross: 10_000 }]);

    const part = await refund(owner, payment.id, 4_000);
    expect(part.data?.refundPayment).toMatchObject({ status: 'SUCCEEDED', amount: { amountMinor: 4_000, currency: 'INR' } });
    expect((await bookingAs(owner, booking.id)).paymentStatus).toBe('PARTIALLY_REFUNDED');
    const rest = await refund(owner, payment.id);
    expect(rest.data?.refundPayment).toMatchObject({ status: 'SUCCEEDED', amount: { amountMinor: 6_000 } });
    const third = await refund(owner, payment.id, 1);
    expect(errorCodes(third)).toEqual(['BAD_USER_INPUT']);

    expect(await paymentAs(owner, payment.id)).toMatchObject({ refunded: { amountMinor: 10_000 }, refunds: [{ amount: { amountMinor: 4_000 }, refundedBy: { id: owner.id } }, { amount: { amountMinor: 6_000 } }] });
    expect((await bookingAs(owner, booking.id)).paymentStatus).toBe('REFUNDED');
    const [after] = (await must(stack.graphqlUrl, RevenueSummaryDocument, range, owner.token)).revenueSummary;
    expect(after).toMatchObject({ gross: 10_000, refunded: 10_000, net: -500 });
  });

  it('refunds a paid booking in full when it is cancelled', async () => {
    const { owner, library, student } = await tenantWithLibrary({ holdSeconds: 900 });
    const booking = await book(student, library.seats[0]!.id, slot(4));
    const payment = await startPayment(stack.graphqlUrl, student, booking.id);
    await presentCard(stack, payment, SIMULATED_CARDS.succeeds);
    await expect.poll(async () => (await bookingAs(student, booking.id)).status, { timeout: 2_000, interval: 20 }).toBe('CONFIRMED');
    await must(stack.graphqlUrl, CancelBookingDocument, { id: booking.id }, student.token);
    await expect.poll(async () => (await paymentAs(owner, payment.id)).refunded.amountMinor, { timeout: 3_000, interval: 50 }).toBe(10_000);
    expect((await paymentAs(owner, payment.id)).refunds).toMatchObject([{ status: 'SUCCEEDED', reason: 'The booking was cancelled.', refundedBy: null }]);
  });

  it('leaves a cancelled paid booking to the owner when the tenant turned automatic refunds off', async () => {
    const { owner, library, student, tenant } = await tenantWithLibrary({ holdSeconds: 900 });
    expect((await must(stack.graphqlUrl, TenantPaymentPolicyDocument, { id: tenant.id }, student.token)).tenant?.paymentPolicy).toEqual({ refundOnCancellation: true });
    expect(errorCodes(await request(stack.graphqlUrl, UpdatePaymentPolicyDocument, { input: { refundOnCancellation: false } }, student.token))).toEqual(['FORBIDDEN']);
    await must(stack.graphqlUrl, UpdatePaymentPolicyDocument, { input: { refundOnCancellation: false } }, owner.token);
    expect((await must(stack.graphqlUrl, TenantPaymentPolicyDocument, { id: tenant.id }, student.token)).tenant?.paymentPolicy).toEqual({ refundOnCancellation: false });

    const booking = await book(student, library.seats[0]!.id, slot(4));
    const payment = await startPayment(stack.graphqlUrl, student, booking.id);
    await presentCard(stack, payment, SIMULATED_CARDS.succeeds);
    await expect.poll(async () => (await bookingAs(student, booking.id)).status, { timeout: 2_000, interval: 20 }).toBe('CONFIRMED');
    const recorder = await recordEvents(stack.bus);
    await must(stack.graphqlUrl, CancelBookingDocument, { id: booking.id }, student.token);
    // The payments service has handled the cancellation once the event has reached every consumer.
    await expect.poll(() => recorder.events.some((event) => event.type === 'BOOKING_CANCELLED' && event.keys.bookingId === booking.id)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await paymentAs(owner, payment.id)).toMatchObject({ refunded: { amountMinor: 0 }, refunds: [] });
  });

  it('lets only owners and platform admins refund and see revenue', async () => {
    const { tenant, owner, library, student } = await tenantWithLibrary();
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    const booking = await book(student, library.seats[0]!.id);
    const { recordDeskPayment } = await must(stack.graphqlUrl, RecordDeskPaymentDocument, { bookingId: booking.id, method: 'CARD', idempotencyKey: randomUUID() }, staff.token);
    expect(errorCodes(await refund(staff, recordDeskPayment.id, 100))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await refund(student, recordDeskPayment.id, 100))).toEqual(['FORBIDDEN']);
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };
    expect(errorCodes(await request(stack.graphqlUrl, RevenueSummaryDocument, range, staff.token))).toEqual(['FORBIDDEN']);
    expect((await refund(admin, recordDeskPayment.id, 100)).data?.refundPayment).toMatchObject({ status: 'SUCCEEDED', amount: { amountMinor: 100 } });
    const forTenant = await must(stack.graphqlUrl, RevenueSummaryDocument, { ...range, tenantId: tenant.id }, admin.token);
    expect(forTenant.revenueSummary).toMatchObject([{ count: 1, gross: 10_000, refunded: 100, byMethod: [{ key: 'CARD' }] }]);
    expect(errorCodes(await request(stack.graphqlUrl, RevenueSummaryDocument, { from: range.to, to: range.from }, owner.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('booking policy', () => {
  it('is the owner’s to set, within bounds, and every member sees it', async () => {
    const { tenant, owner, student } = await tenantWithLibrary();
    expect((await must(stack.graphqlUrl, TenantBookingPolicyDocument, { id: tenant.id }, student.token)).tenant?.bookingPolicy).toEqual({ paymentRequired: false, holdSeconds: 900 });
    await must(stack.graphqlUrl, UpdateBookingPolicyDocument, { input: { paymentRequired: true, holdSeconds: 600 } }, owner.token);
    expect((await must(stack.graphqlUrl, TenantBookingPolicyDocument, { id: tenant.id }, student.token)).tenant?.bookingPolicy).toEqual({ paymentRequired: true, holdSeconds: 600 });
    expect(errorCodes(await request(stack.graphqlUrl, UpdateBookingPolicyDocument, { input: { holdSeconds: 4 } }, owner.token))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await request(stack.graphqlUrl, UpdateBookingPolicyDocument, { input: { paymentRequired: false } }, student.token))).toEqual(['FORBIDDEN']);
  });
});
