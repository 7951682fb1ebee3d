import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { BookingWithPaymentDocument, CreateBookingDocument, PaymentDocument, RecordDeskPaymentDocument } from './__generated__/operations.js';
import { must } from './support/client.js';
import { recordEvents, type EventRecorder } from './support/event-recorder.js';
import { createLibraryWithSeats, nextSlot, period } from './support/library-kit.js';
import { providerRefOf, requirePayment, sendWebhook, startPayment, webhookBody, type StartedPayment } from './support/payment-kit.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

let stack: TestStack;
let admin: Member;
let recorder: EventRecorder;

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  recorder = await recordEvents(stack.bus);
});

interface Pending {
  tenant: TenantFixture;
  student: Member;
  bookingId: string;
  payment: StartedPayment;
  /** What a webhook about this payment names. */
  about: { ref: string; paymentId: string; tenantId: string };
}

/** A tenant whose student has started paying for a booking that must be paid; no card presented. */
async function pendingPayment(): Promise<Pending> {
  const tenant = await createTenant(stack.graphqlUrl, admin);
  await requirePayment(stack.graphqlUrl, tenant.owner);
  const { seats } = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 1 });
  const student = await registerStudent(stack.graphqlUrl, tenant.slug);
  const { createBooking } = await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seats[0]!.id, ...period(nextSlot(120), 60) } }, student.token);
  const payment = await startPayment(stack.graphqlUrl, student, createBooking.id);
  return { tenant, student, bookingId: createBooking.id, payment, about: { ref: providerRefOf(payment), paymentId: payment.id, tenantId: tenant.id } };
}

const paymentOf = async (viewer: Member, id: string) => (await must(stack.graphqlUrl, PaymentDocument, { id }, viewer.token)).payment!;
const bookingStatus = async (viewer: Member, id: string) => (await must(stack.graphqlUrl, BookingWithPaymentDocument, { id }, viewer.token)).booking!.status;
const eventsOfPayment = (paymentId: string) => recorder.events.filter((event) => event.keys.paymentId === paymentId).map((event) => event.type);

describe('payment webhooks', () => {
  it('refuses a webhook with a bad, stale or missing signature, and changes nothing', async () => {
    const { student, payment, about } = await pendingPayment();
    const succeeded = webhookBody('payment.succeeded', about);
    expect(await sendWebhook(stack, succeeded, { secret: 'not-the-deployments-secret-at-all-0123456789' })).toBe(400);
    expect(await sendWebhook(stack, succeeded, { signedAt: new Date(Date.now() - 10 * 60_000) })).toBe(400);
    const unsigned = await fetch(new URL('/webhooks/simulated', stack.subgraphs.payments.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(succeeded) });
    expect(unsigned.status).toBe(400);
    expect((await paymentOf(student, payment.id)).status).toBe('PENDING');
  });

  it('applies an event delivered five times once, and ignores an older failure arriving after the success', async () => {
    const { student, payment, bookingId, about } = await pendingPayment();
    const succeeded = webhookBody('payment.succeeded', about);
    const answers = await Promise.all(Array.from({ length: 5 }, () => sendWebhook(stack, succeeded)));
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    const paid = await paymentOf(student, payment.id);
    expect(paid.status).toBe('SUCCEEDED');

    const lateFailure = webhookBody('payment.failed', about, { created: new Date(Date.now() - 60_000) });
    expect(await sendWebhook(stack, lateFailure)).toBe(200);
    expect(await sendWebhook(stack, succeeded)).toBe(200);
    expect(await paymentOf(student, payment.id)).toMatchObject({ status: 'SUCCEEDED', succeededAt: paid.succeededAt, failureReason: null });
    await expect.poll(() => bookingStatus(student, bookingId), { timeout: 2_000, interval: 20 }).toBe('CONFIRMED');
    await expect.poll(() => eventsOfPayment(payment.id), { timeout: 1_000 }).toEqual(['PAYMENT_SUCCEEDED']);
  });

  it('cannot touch a payment of another tenant, whatever the webhook names', async () => {
    const victim = await pendingPayment();
    const attacker = await pendingPayment();
    // Validly signed (say, replayed from the attacker's own payment) but naming the victim's payment.
    expect(await sendWebhook(stack, webhookBody('payment.succeeded', { ...victim.about, tenantId: attacker.tenant.id }))).toBe(200);
    expect(await sendWebhook(stack, webhookBody('payment.succeeded', { ...victim.about, ref: attacker.about.ref }))).toBe(200);
    expect(await sendWebhook(stack, webhookBody('payment.succeeded', { ...attacker.about, paymentId: victim.payment.id }))).toBe(200);
    expect(await sendWebhook(stack, webhookBody('payment.succeeded', { ...victim.about, paymentId: randomUUID() }))).toBe(200);
    expect((await paymentOf(victim.student, victim.payment.id)).status).toBe('PENDING');
    expect(await bookingStatus(victim.student, victim.bookingId)).toBe('PENDING_PAYMENT');
    expect(eventsOfPayment(victim.payment.id)).toEqual([]);
  });

  it('acknowledges events about nothing of ours without acting on them', async () => {
    const { student, payment, about } = await pendingPayment();
    expect(await sendWebhook(stack, webhookBody('other', about))).toBe(200);
    expect(await sendWebhook(stack, webhookBody('payment.succeeded', { ...about, tenantId: 'not-a-uuid' }))).toBe(200);
    expect((await paymentOf(student, payment.id)).status).toBe('PENDING');
  });
});

describe('a payment completed after the booking was paid another way', () => {
  it('is not a second success: it is marked failed and given back, and the booking stays paid once', async () => {
    const { tenant, student, payment, bookingId, about } = await pendingPayment();
    expect(await sendWebhook(stack, webhookBody('payment.failed', about))).toBe(200);
    await must(stack.graphqlUrl, RecordDeskPaymentDocument, { bookingId, method: 'CASH', idempotencyKey: randomUUID() }, tenant.owner.token);
    expect(await sendWebhook(stack, webhookBody('payment.succeeded', about))).toBe(200);
    expect(await paymentOf(tenant.owner, payment.id)).toMatchObject({ status: 'FAILED', failureReason: 'The booking was already paid; this payment is refunded in full.' });
    const { booking } = await must(stack.graphqlUrl, BookingWithPaymentDocument, { id: bookingId }, student.token);
    expect(booking).toMatchObject({ paymentStatus: 'PAID', payment: { status: 'SUCCEEDED' } });
    expect(eventsOfPayment(payment.id)).toEqual(['PAYMENT_FAILED']);
  });
});
