import { randomUUID } from 'node:crypto';
import { pollUntil } from '../common/poll.js';
import { call } from './graphql-call.js';

/**
 * Payments of the demo bookings, as the desk would record them: every other booking paid (cash
 * or card), the rest left unpaid, and a quarter of the first payment refunded by the owner.
 */
export async function seedDemoPayments(graphqlUrl: string, ownerToken: string, bookingIds: string[]): Promise<void> {
  const payments: { id: string; amount: { amountMinor: number } }[] = [];
  for (const [index, bookingId] of bookingIds.entries()) {
    if (index % 2 === 1) continue;
    const { recordDeskPayment } = await call<{ recordDeskPayment: (typeof payments)[number] }>(
      graphqlUrl,
      'mutation($bookingId: ID!, $method: DeskPaymentMethod!, $key: String!) { recordDeskPayment(bookingId: $bookingId, method: $method, idempotencyKey: $key) { id amount { amountMinor } } }',
      { bookingId, method: index % 4 === 0 ? 'CASH' : 'CARD', key: randomUUID() },
      ownerToken,
    );
    payments.push(recordDeskPayment);
  }
  const [first] = payments;
  if (first) {
    await call(
      graphqlUrl,
      'mutation($paymentId: ID!, $amountMinor: SafeInt!, $key: String!) { refundPayment(paymentId: $paymentId, amountMinor: $amountMinor, reason: "Arrived to a broken lamp", idempotencyKey: $key) { id } }',
      { paymentId: first.id, amountMinor: Math.floor(first.amount.amountMinor / 4), key: randomUUID() },
      ownerToken,
    );
  }
}

/** The platform's credit pool topped up, and each demo tenant granted SMS, WhatsApp and email credits from it. */
export async function seedDemoCredits(graphqlUrl: string, adminToken: string, tenantIds: string[]): Promise<void> {
  for (const channel of ['SMS', 'WHATSAPP', 'EMAIL']) {
    await call(
      graphqlUrl,
      'mutation($channel: CreditChannel!, $key: String!) { topUpCreditPool(channel: $channel, amount: 100000, reason: "Demo pool", idempotencyKey: $key) { channel } }',
      { channel, key: randomUUID() },
      adminToken,
    );
    for (const tenantId of tenantIds) {
      await call(
        graphqlUrl,
        'mutation($tenantId: ID!, $channel: CreditChannel!, $key: String!) { grantCredits(tenantId: $tenantId, channel: $channel, amount: 500, reason: "Welcome credits", idempotencyKey: $key) { balances { channel } } }',
        { tenantId, channel, key: randomUUID() },
        adminToken,
      );
    }
  }
}

/**
 * One booking paid online with the simulated provider's succeeding test card, as a student's
 * portal would (posting the card to the checkout, on the service `checkoutBase` names), then
 * settled: the platform pays the tenant out what that payment earned it.
 */
export async function seedDemoSettlement(
  graphqlUrl: string,
  { adminToken, studentToken, tenantId, currency, bookingId, checkoutBase }: { adminToken: string; studentToken: string; tenantId: string; currency: string; bookingId: string; checkoutBase: string },
): Promise<void> {
  const { payForBooking } = await call<{ payForBooking: { id: string; checkout: { checkoutUrl: string } } }>(
    graphqlUrl,
    'mutation($bookingId: ID!, $key: String!) { payForBooking(bookingId: $bookingId, idempotencyKey: $key) { id checkout { checkoutUrl } } }',
    { bookingId, key: randomUUID() },
    studentToken,
  );
  await fetch(new URL(payForBooking.checkout.checkoutUrl, checkoutBase), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ cardNumber: '4242424242424242' }) });
  const status = await pollUntil(
    async () => (await call<{ payment: { status: string } }>(graphqlUrl, 'query($id: ID!) { payment(id: $id) { status } }', { id: payForBooking.id }, studentToken)).payment.status,
    (current) => current !== 'PENDING',
    5_000,
  );
  if (status !== 'SUCCEEDED') throw new Error(`The demo's online payment ended ${status}`);
  await call(
    graphqlUrl,
    'mutation($tenantId: ID!, $from: DateTime!, $to: DateTime!, $currency: String!, $key: String!) { createSettlement(tenantId: $tenantId, from: $from, to: $to, currency: $currency, idempotencyKey: $key) { id } }',
    { tenantId, from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString(), currency, key: randomUUID() },
    adminToken,
  );
}
