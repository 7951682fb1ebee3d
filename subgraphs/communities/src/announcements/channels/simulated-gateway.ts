import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendSignedWebhook } from '../../../../../common/webhooks/send.js';

export const SIMULATED_RECEIPT_SIGNATURE_HEADER = 'carrel-simulated-signature';

/** Numbers the simulated gateway treats specially, as Twilio's test numbers: every other valid one is delivered. */
export const SIMULATED_NUMBERS = {
  /** Refused at once as an invalid number: the delivery fails, and its credit comes back. */
  rejected: '+15005550001',
  /** Taken, then reported undelivered by its receipt (still charged, as carriers do). */
  undeliverable: '+15005550009',
} as const;

/** A message the gateway took. */
export interface GatewayMessage {
  id: string;
  channel: 'SMS' | 'WHATSAPP';
  to: string;
  body: string;
  idempotencyKey: string;
  metadata: Record<string, string>;
  receivedAt: Date;
}

/** The body of a simulated delivery receipt. */
export interface GatewayReceipt {
  id: string;
  status: 'delivered' | 'undelivered';
  metadata: Record<string, string>;
}

export interface SimulatedGateway {
  url: string;
  /** Every message taken, once each: a send repeated with the same idempotency key is not a new message. */
  readonly messages: readonly GatewayMessage[];
  /** Refuses sends to these numbers permanently (invalid number), as the rejected test number is. */
  reject(numbers: Iterable<string>): void;
  /** Answers 503 to the next `times` sends to a number, as a provider under load does. */
  failNext(number: string, times: number): void;
  close(): Promise<void>;
}

export interface SimulatedGatewayOptions {
  /** Authenticates API calls and signs receipts; whoever calls it and verifies them must hold the same. */
  secret: string;
  /** How long after taking a message its receipt is sent. */
  receiptDelayMs?: number;
  /** How long the API takes to answer a send, as a real one over the internet does. */
  answerDelayMs?: number;
  host?: string;
  port?: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * An SMS and WhatsApp provider that behaves like a real one, for the embedded default and tests:
 * `POST /v1/messages` (bearer secret) takes a message and answers its id at once, idempotently on
 * the caller's key; refuses invalid and rejected numbers (400) and answers 503 when told to fail;
 * later POSTs a signed receipt to the message's `statusCallback`, redelivered with backoff until
 * it is acknowledged (2xx).
 */
export async function startSimulatedGateway({ secret, receiptDelayMs = 50, answerDelayMs = 0, host = '127.0.0.1', port = 0 }: SimulatedGatewayOptions): Promise<SimulatedGateway> {
  const messages: GatewayMessage[] = [];
  const byKey = new Map<string, GatewayMessage>();
  const rejected = new Set<string>([SIMULATED_NUMBERS.rejected]);
  const failures = new Map<string, number>();
  const pending = new Set<NodeJS.Timeout>();
  let closing = false;

  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      if (!closing) run();
    }, ms);
    pending.add(timer);
  };

  const sendReceipt = (url: string, body: GatewayReceipt) => sendSignedWebhook({ url, body, secret, header: SIMULATED_RECEIPT_SIGNATURE_HEADER, maxAttempts: 9, later });

  function take(body: Record<string, unknown>): { status: number; answer: object } {
    const { channel, to, text, idempotencyKey, statusCallback, metadata } = body;
    if ((channel !== 'SMS' && channel !== 'WHATSAPP') || typeof text !== 'string' || typeof idempotencyKey !== 'string' || typeof statusCallback !== 'string') {
      return { status: 400, answer: { code: 'invalid_request', message: 'channel, to, text, idempotencyKey and statusCallback are required' } };
    }
    if (typeof to !== 'string' || !E164.test(to) || rejected.has(to)) return { status: 400, answer: { code: 'invalid_number', message: `${String(to)} cannot receive messages` } };
    const known = byKey.get(idempotencyKey);
    if (known) return { status: 200, answer: { id: known.id, status: 'queued' } };
    const failuresLeft = failures.get(to) ?? 0;
    if (failuresLeft > 0) {
      failures.set(to, failuresLeft - 1);
      return { status: 503, answer: { code: 'temporarily_unavailable', message: 'try again later' } };
    }
    const message: GatewayMessage = { id: `sim_msg_${randomBytes(10).toString('hex')}`, channel, to, body: text, idempotencyKey, metadata: (metadata ?? {}) as Record<string, string>, receivedAt: new Date() };
    messages.push(message);
    byKey.set(idempotencyKey, message);
    const status = to === SIMULATED_NUMBERS.undeliverable ? 'undelivered' : 'delivered';
    later(receiptDelayMs, () => void sendReceipt(statusCallback, { id: message.id, status, metadata: message.metadata }));
    return { status: 201, answer: { id: message.id, status: 'queued' } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const reply = (status: number, answer: object) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    if (req.method !== 'POST' || req.url !== '/v1/messages') return reply(404, { code: 'not_found' });
    if (req.headers.authorization !== `Bearer ${secret}`) return reply(401, { code: 'unauthorized' });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
    } catch {
      return reply(400, { code: 'invalid_json' });
    }
    if (answerDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, answerDelayMs));
    const { status, answer } = take(body ?? {});
    reply(status, answer);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}`,
    messages,
    reject: (numbers) => {
      for (const number of numbers) rejected.add(number);
    },
    failNext: (number, times) => void failures.set(number, times),
    async close() {
      closing = true;
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
