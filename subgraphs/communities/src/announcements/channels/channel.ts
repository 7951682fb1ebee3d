/** One message to one recipient on one channel: a delivery of an announcement. */
export interface OutgoingMessage {
  /** Also the provider's idempotency key and the email's Message-ID: a resend is recognisably the same message. */
  deliveryId: string;
  tenantId: string;
  /** The announcement it delivers; none for a copy of a notification. */
  announcementId: string | null;
  recipientId: string;
  /** The email address or phone number; none in-app. */
  to: string | null;
  subject: string;
  text: string;
  /** Where a provider posts the message's delivery receipt, for the channels that have them. */
  statusCallback?: string;
}

/**
 * What a send came to: taken by the provider (with its id for the message, to match receipts),
 * or refused, for good (an invalid address: no retry) or for now (the provider is down: retried).
 */
export type SendResult = { ok: true; providerMessageId: string | null } | { ok: false; permanent: boolean; error: string };

/** A way of reaching a recipient: in-app, email, SMS, WhatsApp. */
export interface DeliveryChannel {
  send(message: OutgoingMessage): Promise<SendResult>;
}
