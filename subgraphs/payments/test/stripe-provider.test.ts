import Stripe from 'stripe';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StripeStandIn } from '../../../test/support/stripe-stand-in.js';
import { WebhookSignatureError, type PaymentProvider } from '../src/providers/provider.js';
import { stripeProvider } from '../src/providers/stripe.js';

const secretKey = 'sk_test_carrel';
const webhookSecret = 'whsec_carrel_test';
const paymentId = '0b7a9a3e-4c1f-4f3c-9a53-0d7f6c1e2a10';
const tenantId = '5d2e8c61-7b0a-4e7e-8f3c-2f4b9d6a1c33';

const standIn = new StripeStandIn();
let provider: PaymentProvider;

beforeAll(async () => {
  provider = stripeProvider({ secretKey, webhookSecret, apiBase: await standIn.start() });
});
afterAll(() => standIn.stop());
beforeEach(() => {
  standIn.received.length = 0;
});

const paymentRequest = { paymentId, tenantId, amountMinor: 2500, currency: 'EUR', description: 'Booking 42', idempotencyKey: `payment-${paymentId}` };

describe('starting a payment', () => {
  it('creates a payment intent carrying our ids, in lower-case currency, under our idempotency key and secret key', async () => {
    const started = await provider.createPayment(paymentRequest);

    expect(standIn.received).toHaveLength(1);
    const [sent] = standIn.received;
    expect(sent?.path).toBe('/v1/payment_intents');
    expect(Object.fromEntries(sent?.form ?? [])).toMatchObject({
      amount: '2500',
      currency: 'eur',
      description: 'Booking 42',
      'metadata[paymentId]': paymentId,
      'metadata[tenantId]': tenantId,
      'automatic_payment_methods[enabled]': 'true',
    });
    expect(sent?.headers['idempotency-key']).toBe(`payment-${paymentId}`);
    expect(sent?.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(sent?.headers['stripe-version']).toBe('2026-10-28.endive');
    const intent = standIn.intents.get(`payment-${paymentId}`)!;
    expect(started).toEqual({ providerRef: intent.id, clientSecret: intent.client_secret, checkoutUrl: null });
  });

  it('retries an unavailable Stripe under the same idempotency key, so the retry cannot start a second payment', async () => {
    standIn.unavailableCreations = 1;

    const started = await provider.createPayment(paymentRequest);

    expect(standIn.received.map((request) => request.headers['idempotency-key'])).toEqual([`payment-${paymentId}`, `payment-${paymentId}`]);
    expect(started.providerRef).toBe(standIn.intents.get(`payment-${paymentId}`)!.id);
  });
});

describe('refunding', () => {
  it('refunds the amount against the payment intent, keyed by our refund id', async () => {
    const refund = await provider.refund({ providerRef: 'pi_standin', amountMinor: 700, refundId: 'f3a1c2d4-refund' });

    const [sent] = standIn.received;
    expect(sent?.path).toBe('/v1/refunds');
    expect(Object.fromEntries(sent?.form ?? [])).toMatchObject({ payment_intent: 'pi_standin', amount: '700', 'metadata[refundId]': 'f3a1c2d4-refund' });
    expect(sent?.headers['idempotency-key']).toBe('refund-f3a1c2d4-refund');
    expect(sent?.headers.authorization).toBe(`Bearer ${secretKey}`);
    expect(refund).toEqual({ providerRefundRef: 're_standin' });
  });
});

const created = 1_767_225_600; // 2026-01-01T00:00:00Z

function intentEvent(type: string, intent: Record<string, unknown> = {}) {
  return {
    id: `evt_${type.replaceAll('.', '_')}`,
    object: 'event',
    api_version: '2026-10-28.endive',
    created,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: { id: 'pi_paid', object: 'payment_intent', amount: 2500, currency: 'eur', metadata: { paymentId, tenantId }, latest_charge: 'ch_eur', last_payment_error: null, ...intent },
    },
  };
}

/** A delivery as Stripe sends it: the raw body and a signature header made by Stripe's own helper. */
function signed(event: object, options: { secret?: string; timestamp?: number } = {}) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? webhookSecret, timestamp: options.timestamp });
  return { body: Buffer.from(payload), headers: { 'stripe-signature': header } };
}

describe('reading a webhook', () => {
  beforeAll(() => {
    standIn.charges.set('ch_eur', { currency: 'eur', balanceTransaction: { fee: 59, currency: 'eur' } });
    standIn.charges.set('ch_settled_in_usd', { currency: 'eur', balanceTransaction: { fee: 64, currency: 'usd' } });
    standIn.charges.set('ch_unsettled', { currency: 'eur', balanceTransaction: null });
  });

  it('reads a succeeded payment intent with the fee from its charge’s balance transaction', async () => {
    const { body, headers } = signed(intentEvent('payment_intent.succeeded'));

    expect(await provider.readWebhook(body, headers)).toEqual({
      id: 'evt_payment_intent_succeeded',
      type: 'payment.succeeded',
      occurredAt: new Date('2026-01-01T00:00:00Z'),
      providerRef: 'pi_paid',
      tenantId,
      paymentId,
      gatewayFeeMinor: 59,
      failureReason: null,
    });
    const [lookup] = standIn.received;
    expect(lookup?.path).toBe('/v1/charges/ch_eur');
    expect(lookup?.query.get('expand[0]')).toBe('balance_transaction');
  });

  it('reads no fee when the charge has no balance transaction yet, or settles in another currency', async () => {
    for (const latest_charge of ['ch_unsettled', 'ch_settled_in_usd']) {
      const { body, headers } = signed(intentEvent('payment_intent.succeeded', { latest_charge }));
      expect(await provider.readWebhook(body, headers)).toMatchObject({ type: 'payment.succeeded', gatewayFeeMinor: null });
    }
  });

  it('reads no fee, without asking Stripe, when the succeeded intent names no charge', async () => {
    const { body, headers } = signed(intentEvent('payment_intent.succeeded', { latest_charge: null }));

    expect(await provider.readWebhook(body, headers)).toMatchObject({ type: 'payment.succeeded', gatewayFeeMinor: null });
    expect(standIn.received).toEqual([]);
  });

  it('reads a failed payment intent with the reason Stripe gives, or its code when there is no message', async () => {
    const declined = signed(intentEvent('payment_intent.payment_failed', { last_payment_error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } }));
    expect(await provider.readWebhook(declined.body, declined.headers)).toEqual({
      id: 'evt_payment_intent_payment_failed',
      type: 'payment.failed',
      occurredAt: new Date('2026-01-01T00:00:00Z'),
      providerRef: 'pi_paid',
      tenantId,
      paymentId,
      gatewayFeeMinor: null,
      failureReason: 'Your card was declined.',
    });

    const unexplained = signed(intentEvent('payment_intent.payment_failed', { last_payment_error: { type: 'card_error', code: 'expired_card' } }));
    expect(await provider.readWebhook(unexplained.body, unexplained.headers)).toMatchObject({ failureReason: 'expired_card' });
    expect(standIn.received).toEqual([]);
  });

  it('reads any other event type as other, keeping its object’s id and knowing no payment of ours', async () => {
    const event = { ...intentEvent('charge.dispute.created'), data: { object: { id: 'dp_1', object: 'dispute', charge: 'ch_eur', metadata: {} } } };
    const { body, headers } = signed(event);

    expect(await provider.readWebhook(body, headers)).toEqual({
      id: 'evt_charge_dispute_created',
      type: 'other',
      occurredAt: new Date('2026-01-01T00:00:00Z'),
      providerRef: 'dp_1',
      tenantId: null,
      paymentId: null,
      gatewayFeeMinor: null,
      failureReason: null,
    });
  });

  describe('rejects, with WebhookSignatureError, a delivery Stripe did not sign', () => {
    const event = intentEvent('payment_intent.succeeded');

    it('when the signature is not the body’s', async () => {
      const payload = JSON.stringify(event);
      const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, signature: 'a'.repeat(64) });
      await expect(provider.readWebhook(Buffer.from(payload), { 'stripe-signature': forged })).rejects.toThrow(WebhookSignatureError);
    });

    it('when it was signed with another secret', async () => {
      const { body, headers } = signed(event, { secret: 'whsec_someone_else' });
      await expect(provider.readWebhook(body, headers)).rejects.toThrow(WebhookSignatureError);
    });

    it('when the signature header is missing', async () => {
      const { body } = signed(event);
      await expect(provider.readWebhook(body, {})).rejects.toThrow(WebhookSignatureError);
    });

    it('when the body was changed after signing', async () => {
      const { body, headers } = signed(event);
      const tampered = Buffer.from(body.toString().replace('"amount":2500', '"amount":1'));
      expect(tampered.equals(body)).toBe(false);
      await expect(provider.readWebhook(tampered, headers)).rejects.toThrow(WebhookSignatureError);
    });

    it('when a once-valid delivery is replayed past Stripe’s five-minute tolerance', async () => {
      const { body, headers } = signed(event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
      await expect(provider.readWebhook(body, headers)).rejects.toThrow(WebhookSignatureError);
    });
  });
});
