import { randomUUID } from 'node:crypto';
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
