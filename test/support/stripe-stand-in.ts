import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stand-in received it. */
export interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  form: URLSearchParams;
}

/**
 * The few Stripe endpoints the adapter calls, answering as Stripe does (JSON, Stripe's error
 * shape), and keeping every request so tests can read what the adapter actually sent.
 */
export class StripeStandIn {
  readonly received: Received[] = [];
  /** Payment intents made, by the idempotency key they were made under: a retry gets the same one, as from Stripe. */
  readonly intents = new Map<string, { id: string; client_secret: string }>();
  /** How many of the next payment intent creations answer 503 before one succeeds. */
  unavailableCreations = 0;
  readonly charges = new Map<string, { currency: string; balanceTransaction: { fee: number; currency: string } | null }>();
  private readonly server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const request = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, form: new URLSearchParams(Buffer.concat(chunks).toString()) };
    this.received.push(request);
    const [status, body] = this.answer(request);
    res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${this.received.length}` }).end(JSON.stringify(body));
  });

  async start(): Promise<URL> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return new URL(`http://127.0.0.1:${(this.server.address() as AddressInfo).port}`);
  }

  async stop() {
    // The library keeps connections alive; close() alone would wait for them.
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer({ method, path, query, headers, form }: Received): [number, unknown] {
    if (method === 'POST' && path === '/v1/payment_intents') {
      if (this.unavailableCreations > 0) {
        this.unavailableCreations--;
        return [503, { error: { type: 'api_error', message: 'Stand-in briefly unavailable.' } }];
      }
      const key = String(headers['idempotency-key'] ?? randomUUID());
      const intent = this.intents.get(key) ?? { id: `pi_standin_${this.intents.size + 1}`, client_secret: `pi_standin_${this.intents.size + 1}_secret_abc` };
      this.intents.set(key, intent);
      return [200, { ...intent, object: 'payment_intent', amount: Number(form.get('amount')), currency: form.get('currency'), status: 'requires_payment_method' }];
    }
    if (method === 'POST' && path === '/v1/refunds') {
      return [200, { id: 're_standin', object: 'refund', payment_intent: form.get('payment_intent'), amount: Number(form.get('amount')), status: 'pending' }];
    }
    const chargeId = method === 'GET' && /^\/v1\/charges\/([^/]+)$/.exec(path)?.[1];
    const charge = chargeId ? this.charges.get(chargeId) : undefined;
    if (chargeId && charge) {
      const expanded = [...query].some(([key, value]) => key.startsWith('expand[') && value === 'balance_transaction');
      const transaction = charge.balanceTransaction && { id: `txn_${chargeId}`, object: 'balance_transaction', ...charge.balanceTransaction };
      return [200, { id: chargeId, object: 'charge', currency: charge.currency, balance_transaction: expanded ? transaction : transaction && transaction.id }];
    }
    return [404, { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such route or object: ${method} ${path}` } }];
  }
}

