import { logger } from '../logger.js';
import { signWebhook } from './signature.js';

export interface SignedDelivery {
  url: string;
  body: { id: string };
  secret: string;
  /** The header the signature travels in. */
  header: string;
  /** Tries before giving up; each waits twice as long as the one before, from 100 ms. */
  maxAttempts: number;
  /** Runs `again` after `delayMs` (a provider may want to cancel what is pending when it stops). */
  later: (delayMs: number, again: () => void) => void;
}

/**
 * Posts a signed JSON callback as Carrel's simulated providers send theirs: signed with
 * `signWebhook`, and sent again with doubling waits until it is acknowledged (2xx) or the
 * attempts run out, so the receiver sees redeliveries as from a real provider.
 */
export async function sendSignedWebhook(delivery: SignedDelivery, attempt = 1): Promise<void> {
  const payload = JSON.stringify(delivery.body);
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [delivery.header]: signWebhook(payload, delivery.secret) },
      body: payload,
      signal: AbortSignal.timeout(5_000),
    });
    if (response.ok) return;
    throw new Error(`callback answered ${response.status}`);
  } catch (error) {
    if (attempt >= delivery.maxAttempts) return logger.warn({ err: error, callback: delivery.body.id }, 'a simulated provider gave up delivering a callback');
    delivery.later(100 * 2 ** (attempt - 1), () => void sendSignedWebhook(delivery, attempt + 1));
  }
}
