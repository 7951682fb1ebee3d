import type { IncomingHttpHeaders } from 'node:http';

/**
 * A payment provider as the payments subgraph uses one: start collecting an amount, refund part
 * of it, and read the provider's signed webhooks. The outcome of a payment never comes back from
 * `createPayment`; it arrives later on the webhook, as with every real provider.
 */
export interface PaymentProvider {
  /** Stored with each payment, and the last segment of its webhook route. */
  readonly name: ProviderName;
  createPayment(request: PaymentRequest): Promise<StartedPayment>;
  refund(request: RefundRequest): Promise<ProviderRefund>;
  /** Verifies the signature and reads the event; throws `WebhookSignatureError` for anything not signed by the provider. */
  readWebhook(rawBody: Buffer, headers: IncomingHttpHeaders): Promise<ProviderEvent>;
}

export type ProviderName = 'simulated' | 'stripe';

export interface PaymentRequest {
  /** Our payment's id and tenant, sent as metadata and returned on every webhook about it. */
  paymentId: string;
  tenantId: string;
  amountMinor: number;
  /** ISO 4217, upper case. */
  currency: string;
  description: string;
  /** Sent to the provider, so a retried call starts one payment, not two. */
  idempotencyKey: string;
}

/** What a portal needs to let the payer complete the payment with the provider. */
export interface StartedPayment {
  providerRef: string;
  clientSecret: string | null;
  checkoutUrl: string | null;
}

export interface RefundRequest {
  providerRef: string;
  amountMinor: number;
  /** Our refund's id; doubles as the provider's idempotency key. */
  refundId: string;
}

export interface ProviderRefund {
  providerRefundRef: string;
}

export type ProviderEventType = 'payment.succeeded' | 'payment.failed' | 'other';

/** One webhook delivery, as the subgraph records it. */
export interface ProviderEvent {
  /** The provider's event id: a delivery seen before is acknowledged and changes nothing. */
  id: string;
  type: ProviderEventType;
  occurredAt: Date;
  /** The provider's id of the payment the event is about. */
  providerRef: string;
  /** From the metadata we sent; null for events not about a payment we started. */
  tenantId: string | null;
  paymentId: string | null;
  /** What the provider kept, in the payment's minor units, when it says (on success). */
  gatewayFeeMinor: number | null;
  failureReason: string | null;
}

export { WebhookSignatureError } from '../../../../common/webhooks/signature.js';
