import { createHmac, timingSafeEqual } from 'node:crypto';

/** A callback not signed by who it claims to come from (or signed too long ago): answered 400, never acted on. */
export class WebhookSignatureError extends Error {}

/** A delivery signed longer ago than this is refused, so a captured one cannot be replayed later. */
const TOLERANCE_SECONDS = 300;

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, as Stripe signs its webhooks: how Carrel's
 * simulated providers sign the callbacks they send, so they are verified as a real one's would be.
 */
export function signWebhook(body: string, secret: string, at = new Date()): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${signature}`;
}

/** Throws `WebhookSignatureError` unless `header` is `signWebhook`'s signature of `rawBody` with `secret`, made within the tolerance. */
export function verifyWebhook(header: string | string[] | undefined, rawBody: Buffer, secret: string): void {
  const parts = typeof header === 'string' ? Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string])) : {};
  const timestamp = Number(parts.t);
  if (!parts.v1 || !Number.isInteger(timestamp)) throw new WebhookSignatureError('missing or malformed signature');
  if (Math.abs(Date.now() / 1000 - timestamp) > TOLERANCE_SECONDS) throw new WebhookSignatureError('signature too old');
  const expected = createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest();
  const offered = Buffer.from(parts.v1, 'hex');
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) throw new WebhookSignatureError('signature does not match');
}
