import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingWithPaymentDocument, CreateBookingDocument, PaymentDocument, RefundPaymentDocument } from './__generated__/operations.js';
import { must } from './support/client.js';
import { createLibraryWithSeats, nextSlot, period } from './support/library-kit.js';
import { requirePayment, startPayment } from './support/payment-kit.js';
import { createTenant, loginAdmin, registerStudent } from './support/seed-kit.js';
import { startTestStack, type TestStack } from './support/stack.js';
import { StripeStandIn } from './support/stripe-stand-in.js';

const WEBHOOK_SECRET = 'whsec_carrel_stack_test';
const standIn = new StripeStandIn();
let stack: TestStack;

// A stack of its own: the payments service talks to Stripe (a local stand-in of its API) instead
// of the simulated provider.
beforeAll(async () => {
  const apiBase = await standIn.start();
  stack = await startTestStack({ env: { STRIPE_SECRET_KEY: 'sk_test_carrel', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: apiBase.href } });
});
afterAll(async () => {
  await stack?.stop();
  await standIn.stop();
});

/** Posts a Stripe event to the payments service, signed by Stripe's own helper with `secret`. */
async function deliver(event: object, secret = WEBHOOK_SECRET): Promise<number> {
  const payload = JSON.stringify(event);
  const response = await fetch(new URL('/webhooks/stripe', stack.subgraphs.payments.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': Stripe.webhooks.generateTestHeaderString({ payload, secret }) },
    body: payload,
  });
  return response.status;
}

describe('paying with Stripe', () => {
  it('starts a payment intent for the booking’s price, confirms the booking on Stripe’s signed webhook with Stripe’s fee, and refunds through Stripe', async () => {
    const admin = await loginAdmin(stack.graphqlUrl);
    const tenant = await createTenant(stack.graphqlUrl, admin);
    await requirePayment(stack.graphqlUrl, tenant.owner);
    const { seats } = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 1, hourlyPrice: { amountMinor: 10_000, currency: 'INR' } });
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const { createBooking } = await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seats[0]!.id, ...period(nextSlot(120), 60) } }, student.token);

    const payment = await startPayment(stack.graphqlUrl, student, createBooking.id);
    const intent = standIn.intents.get(payment.id)!;
    expect(payment.checkout).toEqual({ provider: 'stripe', clientSecret: intent.client_secret, checkoutUrl: null });
    const created = standIn.received.find((request) => request.path === '/v1/payment_intents')!;
    expect(Object.fromEntries(created.form)).toMatchObject({ amount: '10000', currency: 'inr', 'metadata[paymentId]': payment.id, 'metadata[tenantId]': tenant.id });

    standIn.charges.set('ch_paid', { currency: 'inr', balanceTransaction: { fee: 236, currency: 'inr' } });
    const succeeded = {
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'payment_intent.succeeded',
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: intent.id, object: 'payment_intent', amount: 10_000, currency: 'inr', metadata: { paymentId: payment.id, tenantId: tenant.id }, latest_charge: 'ch_paid' } },
    };
    expect(await deliver(succeeded, 'whsec_someone_else')).toBe(400);
    expect((await must(stack.graphqlUrl, PaymentDocument, { id: payment.id }, student.token)).payment?.status).toBe('PENDING');
    expect(await deliver(succeeded)).toBe(200);
    expect(await deliver(succeeded)).toBe(200);

    await expect.poll(async () => (await must(stack.graphqlUrl, BookingWithPaymentDocument, { id: createBooking.id }, student.token)).booking?.status, { timeout: 2_000, interval: 20 }).toBe('CONFIRMED');
    const paid = (await must(stack.graphqlUrl, PaymentDocument, { id: payment.id }, tenant.owner.token)).payment!;
    expect(paid).toMatchObject({ status: 'SUCCEEDED', fees: { gateway: { amountMinor: 236 }, platform: { amountMinor: 300 }, net: { amountMinor: 9_464 } } });

    const { refundPayment } = await must(stack.graphqlUrl, RefundPaymentDocument, { paymentId: payment.id, amountMinor: 1_000, reason: 'Goodwill', idempotencyKey: randomUUID() }, tenant.owner.token);
    expect(refundPayment).toMatchObject({ status: 'SUCCEEDED', amount: { amountMinor: 1_000 } });
    const refunded = standIn.received.find((request) => request.path === '/v1/refunds')!;
    expect(Object.fromEntries(refunded.form)).toMatchObject({ payment_intent: intent.id, amount: '1000' });
    expect(refunded.headers['idempotency-key']).toBe(`refund-${refundPayment.id}`);
  });
});
