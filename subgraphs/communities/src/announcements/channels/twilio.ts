import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureError } from '../../../../../common/webhooks/signature.js';
import type { SendResult } from './channel.js';
import type { DeliveryReceipt, MessagingProvider } from './messaging-provider.js';

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** The sender of SMS: a Twilio number (E.164) or a messaging service. */
  smsFrom: string;
  /** The WhatsApp sender, a number approved for WhatsApp (E.164, without the `whatsapp:` prefix). */
  whatsappFrom: string;
  /** The public address Twilio posts status callbacks to (`/webhooks/messaging` of this service, through the ingress). */
  receiptsUrl: string;
  /** Twilio's API, or a stand-in of it. */
  apiBase?: URL;
}

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the auth token, of the full URL
 * followed by every POST parameter, sorted by name, as name then value.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  const signed = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac('sha1', authToken).update(signed, 'utf8').digest('base64');
}

/** Twilio error codes that no retry will change: an invalid or unreachable number, a recipient who opted out. */
const PERMANENT_CODES = new Set([21211, 21408, 21610, 21612, 21614, 63003]);

/**
 * SMS and WhatsApp through Twilio's Messages API. Twilio takes no idempotency key, so the one
 * resend a crash can cause (between Twilio's answer and our record of it) may reach a recipient
 * twice; everything else about a delivery (its lease, its credit) is settled once. Status
 * callbacks carry the tenant and delivery in their URL, which Twilio's signature covers.
 */
export function twilioMessaging(settings: TwilioSettings): MessagingProvider {
  const api = new URL(`/2010-04-01/Accounts/${settings.accountSid}/Messages.json`, settings.apiBase ?? 'https://api.twilio.com');
  const authorization = `Basic ${Buffer.from(`${settings.accountSid}:${settings.authToken}`).toString('base64')}`;
  return {
    name: 'twilio',
    async send(message): Promise<SendResult> {
      const callback = new URL(settings.receiptsUrl);
      callback.searchParams.set('tenantId', message.metadata.tenantId);
      callback.searchParams.set('deliveryId', message.metadata.deliveryId);
      const whatsapp = message.channel === 'WHATSAPP';
      const form = new URLSearchParams({
        To: whatsapp ? `whatsapp:${message.to}` : message.to,
        From: whatsapp ? `whatsapp:${settings.whatsappFrom}` : settings.smsFrom,
        Body: message.text,
        StatusCallback: callback.href,
      });
      let response: Response;
      try {
        response = await fetch(api, { method: 'POST', headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' }, body: form, signal: AbortSignal.timeout(10_000) });
      } catch (error) {
        return { ok: false, permanent: false, error: `Twilio unreachable: ${(error as Error).message}` };
      }
      const answer = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
      if (response.ok && answer.sid) return { ok: true, providerMessageId: answer.sid };
      return { ok: false, permanent: answer.code !== undefined && PERMANENT_CODES.has(answer.code), error: `Twilio ${response.status} ${answer.code ?? ''}: ${answer.message ?? ''}` };
    },
    readReceipt(rawBody, headers, requestPath): DeliveryReceipt | null {
      const params = Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));
      const query = new URL(requestPath, settings.receiptsUrl).search;
      const url = `${settings.receiptsUrl.split('?')[0]}${query}`;
      const offered = Buffer.from(String(headers['x-twilio-signature'] ?? ''), 'base64');
      const expected = Buffer.from(twilioSignature(settings.authToken, url, params), 'base64');
      if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) throw new WebhookSignatureError('Twilio signature does not match');
      const { searchParams } = new URL(url);
      const status = params.MessageStatus;
      const state = status === 'delivered' || status === 'read' ? 'DELIVERED' : status === 'undelivered' || status === 'failed' ? 'UNDELIVERED' : null;
      if (!state || !params.MessageSid) return null;
      return { providerMessageId: params.MessageSid, state, tenantId: searchParams.get('tenantId') ?? '', deliveryId: searchParams.get('deliveryId') ?? '' };
    },
  };
}
