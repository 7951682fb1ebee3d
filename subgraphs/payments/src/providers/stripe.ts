import Stripe from 'stripe';
import { WebhookSignatureError, type PaymentProvider, type ProviderEvent } from './provider.js';

/**
 * Pinned rather than taken from the package: `stripe`'s types accept only the version they were
 * generated for, so upgrading the package fails type-checking here until someone moves the API
 * version on purpose (together with the webhook endpoint's version, which shapes event payloads).
 */
const API_VERSION = '2026-10-28.endive';

export function stripeProvider(options: { secretKey: string; webhookSecret: string; apiBase?: URL }): PaymentProvider {
  const stripe = new Stripe(options.secretKey, {
    apiVersion: API_VERSION,
    // Every attempt resends the same Idempotency-Key, so Stripe replays a payment or refund rather than repeating it.
    maxNetworkRetries: 2,
    // Stripe's default of 80 s would hold a mutation long after the router has answered the client.
    timeout: 10_000,
    ...(options.apiBase ? address(options.apiBase) : {}),
  });

  function verifiedEvent(rawBody: Buffer, signature: string | string[] | undefined): Stripe.Event {
    if (typeof signature !== 'string') throw new WebhookSignatureError('no single stripe-signature header');
    try {
      return stripe.webhooks.constructEvent(rawBody, signature, options.webhookSecret);
    } catch (error) {
      // Not only StripeSignatureVerificationError: the library throws plain Errors for some bad input too.
      throw new WebhookSignatureError(error instanceof Error ? error.message : 'unverifiable webhook', { cause: error });
    }
  }

  /**
   * The event names the charge but carries no fee: that lives on the charge's balance transaction.
   * A failed lookup throws rather than record "no fee", so the delivery fails and Stripe sends it again.
   */
  async function gatewayFee(intent: Stripe.PaymentIntent): Promise<number | null> {
    const chargeId = typeof intent.latest_charge === 'string' ? intent.latest_charge : intent.latest_charge?.id;
    if (!chargeId) return null;
    const charge = await stripe.charges.retrieve(chargeId, { expand: ['balance_transaction'] });
    const transaction = charge.balance_transaction;
    if (!transaction || typeof transaction === 'string') return null;
    // Stripe states the fee in the settlement currency; in any other it is not the payment's minor units.
    return transaction.currency === intent.currency ? transaction.fee : null;
  }

  return {
    name: 'stripe',

    async createPayment(request) {
      const intent = await stripe.paymentIntents.create(
        {
          amount: request.amountMinor,
          currency: request.currency.toLowerCase(),
          description: request.description,
          metadata: { paymentId: request.paymentId, tenantId: request.tenantId },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: request.idempotencyKey },
      );
      return { providerRef: intent.id, clientSecret: intent.client_secret, checkoutUrl: null };
    },

    async refund(request) {
      const refund = await stripe.refunds.create(
        { payment_intent: request.providerRef, amount: request.amountMinor, metadata: { refundId: request.refundId } },
        { idempotencyKey: `refund-${request.refundId}` },
      );
      return { providerRefundRef: refund.id };
    },

    async readWebhook(rawBody, headers): Promise<ProviderEvent> {
      const event = verifiedEvent(rawBody, headers['stripe-signature']);
      // Typed as an empty interface because it can be any Stripe object; these two fields are common to most.
      const object = event.data.object as { id?: unknown; metadata?: Stripe.Metadata | null };
      const read = {
        id: event.id,
        occurredAt: new Date(event.created * 1000),
        providerRef: typeof object.id === 'string' ? object.id : '',
        tenantId: object.metadata?.tenantId ?? null,
        paymentId: object.metadata?.paymentId ?? null,
        gatewayFeeMinor: null,
        failureReason: null,
      };
      switch (event.type) {
        case 'payment_intent.succeeded':
          return { ...read, type: 'payment.succeeded', gatewayFeeMinor: await gatewayFee(event.data.object) };
        case 'payment_intent.payment_failed': {
          const error = event.data.object.last_payment_error;
          return { ...read, type: 'payment.failed', failureReason: error?.message ?? error?.code ?? null };
        }
        default:
          return { ...read, type: 'other' };
      }
    },
  };
}

/** The library takes host, port and protocol apart, and would pair plain http with port 443. */
function address(apiBase: URL) {
  const protocol = apiBase.protocol === 'http:' ? 'http' : 'https';
  return { host: apiBase.hostname, port: apiBase.port || (protocol === 'http' ? 80 : 443), protocol } as const;
}
