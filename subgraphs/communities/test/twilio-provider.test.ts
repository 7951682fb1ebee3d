import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookSignatureError } from '../../../common/webhooks/signature.js';
import { twilioMessaging, twilioSignature } from '../src/announcements/channels/twilio.js';
import type { ProviderMessage } from '../src/announcements/channels/messaging-provider.js';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const TOKEN = 'twilio-auth-token-0123456789';
const RECEIPTS = 'https://carrel.example/webhooks/messaging';

interface Posted {
  path: string;
  authorization: string | undefined;
  form: Record<string, string>;
}

/** Twilio's Messages API as far as the adapter uses it: 201 with a sid, or Twilio's error shape, by the recipient's number. */
let api: Server;
let apiBase: URL;
const posted: Posted[] = [];

beforeAll(async () => {
  api = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const form = Object.fromEntries(new URLSearchParams(body));
    posted.push({ path: req.url!, authorization: req.headers.authorization, form });
    const reply = (status: number, answer: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    if (form.To?.endsWith('+15005550001')) return reply(400, { code: 21211, message: "The 'To' number is not a valid phone number.", status: 400 });
    if (form.To?.endsWith('+15005550503')) return reply(503, { code: 20503, message: 'Service unavailable', status: 503 });
    reply(201, { sid: `SM${posted.length.toString().padStart(32, '0')}`, status: 'queued' });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiBase = new URL(`http://127.0.0.1:${(api.address() as AddressInfo).port}`);
});
afterAll(() => new Promise((resolve) => api.close(resolve)));

const provider = () => twilioMessaging({ accountSid: ACCOUNT, authToken: TOKEN, smsFrom: '+15550001111', whatsappFrom: '+15550002222', receiptsUrl: RECEIPTS, apiBase });
const message = (overrides: Partial<ProviderMessage> = {}): ProviderMessage => ({
  channel: 'SMS',
  to: '+447700900123',
  text: 'Library closed Friday',
  idempotencyKey: '6f1c2a9e-0000-4000-8000-000000000001',
  metadata: { tenantId: '6f1c2a9e-0000-4000-8000-0000000000aa', deliveryId: '6f1c2a9e-0000-4000-8000-000000000001' },
  statusCallback: 'ignored: Twilio is told the public address',
  ...overrides,
});

describe('the Twilio adapter', () => {
  it('signs as Twilio documents it (its published example)', () => {
    const params = { CallSid: 'CA1234567890ABCDE', Caller: '+14158675309', Digits: '1234', From: '+14158675309', To: '+18005551212' };
    expect(twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', params)).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('sends SMS and WhatsApp through the Messages API with the account’s credentials, asking for receipts at the public address', async () => {
    posted.length = 0;
    expect(await provider().send(message())).toEqual({ ok: true, providerMessageId: expect.stringMatching(/^SM/) });
    expect(await provider().send(message({ channel: 'WHATSAPP' }))).toMatchObject({ ok: true });
    expect(posted[0]).toEqual({
      path: `/2010-04-01/Accounts/${ACCOUNT}/Messages.json`,
      authorization: `Basic ${Buffer.from(`${ACCOUNT}:${TOKEN}`).toString('base64')}`,
      form: { To: '+447700900123', From: '+15550001111', Body: 'Library closed Friday', StatusCallback: `${RECEIPTS}?tenantId=6f1c2a9e-0000-4000-8000-0000000000aa&deliveryId=6f1c2a9e-0000-4000-8000-000000000001` },
    });
    expect(posted[1]!.form).toMatchObject({ To: 'whatsapp:+447700900123', From: 'whatsapp:+15550002222' });
  });

  it('tells a number Twilio refuses (no retry) from Twilio being down (retry)', async () => {
    expect(await provider().send(message({ to: '+15005550001' }))).toMatchObject({ ok: false, permanent: true });
    expect(await provider().send(message({ to: '+15005550503' }))).toMatchObject({ ok: false, permanent: false });
    const unreachable = twilioMessaging({ accountSid: ACCOUNT, authToken: TOKEN, smsFrom: '+15550001111', whatsappFrom: '+15550002222', receiptsUrl: RECEIPTS, apiBase: new URL('http://127.0.0.1:9') });
    expect(await unreachable.send(message())).toMatchObject({ ok: false, permanent: false });
  });

  it('reads a status callback Twilio signed, and refuses one it did not', () => {
    const path = '/webhooks/messaging?tenantId=6f1c2a9e-0000-4000-8000-0000000000aa&deliveryId=6f1c2a9e-0000-4000-8000-000000000001';
    const params = { MessageSid: 'SM123', MessageStatus: 'delivered', AccountSid: ACCOUNT, To: '+447700900123' };
    const body = Buffer.from(new URLSearchParams(params).toString());
    const signature = twilioSignature(TOKEN, `https://carrel.example${path}`, params);
    expect(provider().readReceipt(body, { 'x-twilio-signature': signature }, path)).toEqual({
      providerMessageId: 'SM123',
      state: 'DELIVERED',
      tenantId: '6f1c2a9e-0000-4000-8000-0000000000aa',
      deliveryId: '6f1c2a9e-0000-4000-8000-000000000001',
    });
    // Another delivery named in the URL, or another status in the body, breaks the signature.
    expect(() => provider().readReceipt(body, { 'x-twilio-signature': signature }, path.replace('000000000001', '000000000002'))).toThrow(WebhookSignatureError);
    expect(() => provider().readReceipt(Buffer.from(body.toString().replace('delivered', 'undelivered')), { 'x-twilio-signature': signature }, path)).toThrow(WebhookSignatureError);
    expect(() => provider().readReceipt(body, {}, path)).toThrow(WebhookSignatureError);
    const queued = { ...params, MessageStatus: 'sent' };
    expect(provider().readReceipt(Buffer.from(new URLSearchParams(queued).toString()), { 'x-twilio-signature': twilioSignature(TOKEN, `https://carrel.example${path}`, queued) }, path)).toBeNull();
  });
});
