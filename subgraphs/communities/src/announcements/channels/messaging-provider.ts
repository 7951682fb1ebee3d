import type { IncomingHttpHeaders } from 'node:http';
import type { SendResult } from './channel.js';

/** An SMS or WhatsApp message as a provider takes it. */
export interface ProviderMessage {
  channel: 'SMS' | 'WHATSAPP';
  /** E.164. */
  to: string;
  text: string;
  /** The delivery's id: a provider that supports idempotency takes a repeated send once. */
  idempotencyKey: string;
  /** Handed back in the receipt: which tenant and delivery it is about. */
  metadata: { tenantId: string; deliveryId: string };
  /** Where the provider posts the message's delivery receipt. */
  statusCallback: string;
}

/** A provider's word on a message it took. */
export interface DeliveryReceipt {
  providerMessageId: string;
  state: 'DELIVERED' | 'UNDELIVERED';
  tenantId: string;
  deliveryId: string;
}

/**
 * An SMS and WhatsApp provider: the built-in simulated one, or a real one (Twilio). Receipts come
 * back asynchronously, signed; `readReceipt` throws `WebhookSignatureError` for anything the
 * provider did not sign, and answers null for a status that is not final yet.
 */
export interface MessagingProvider {
  name: string;
  send(message: ProviderMessage): Promise<SendResult>;
  /** `requestPath` is the path and query the receipt was posted to. */
  readReceipt(rawBody: Buffer, headers: IncomingHttpHeaders, requestPath: string): DeliveryReceipt | null;
}
