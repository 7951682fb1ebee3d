import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Express } from 'express';
import express from 'express';
import { sendSignedWebhook } from '../../../../common/webhooks/send.js';
import { signWebhook, verifyWebhook } from '../../../../common/webhooks/signature.js';
import { type PaymentProvider, type PaymentRequest, type ProviderEvent, type ProviderEventType, type StartedPayment } from './provider.js';

/** Cards the simulated provider knows, as Stripe's test cards: one pays, one is declined at once, one fails later. */
export const SIMULATED_CARDS = {
  succeeds: '4242424242424242',
  declined: '4000000000000002',
  failsLater: '4000000000000341',
} as const;

export const SIMULATED_SIGNATURE_HEADER = 'carrel-simulated-signature';
/** The simulated gateway keeps 2% of each payment, as a card network and processor would. */
const GATEWAY_FEE_BPS = 200;

interface SimulatedPayment {
  request: PaymentRequest;
  state: 'awaiting card' | 'processing' | 'succeeded' | 'failed';
  refundedMinor: number;
}

/** How the simulated provider signs its webhooks (as Stripe does). */
export const signSimulatedWebhook = signWebhook;

/** The JSON body of a simulated webhook delivery. */
export interface SimulatedWebhookBody {
  id: string;
  type: ProviderEventType;
  created: number;
  data: { ref: string; metadata: { paymentId: string; tenantId: string }; gatewayFeeMinor: number | null; failureReason: string | null };
}

export interface SimulatedProviderOptions {
  /** Signs the webhooks; whoever verifies them must hold the same. */
  webhookSecret: string;
  /** How long after a card is presented its outcome is sent, as a provider takes. */
  settleDelayMs?: number;
}

/**
 * A payment provider that behaves like a real one, for the embedded default and tests: a payment
 * is started without an outcome; the payer presents a card at its checkout URL (the route
 * `/simulated-provider/checkout/<ref>` on the payments service); the outcome arrives later as a
 * signed webhook, redelivered with backoff until it is acknowledged, possibly more than once.
 */
export function simulatedProvider({ webhookSecret, settleDelayMs = 50 }: SimulatedProviderOptions): PaymentProvider & { routes(app: Express): void } {
  const payments = new Map<string, SimulatedPayment>();
  const refByIdempotencyKey = new Map<string, string>();
  const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('hex')}`;

  const deliver = (url: string, body: SimulatedWebhookBody) =>
    sendSignedWebhook({ url, body, secret: webhookSecret, header: SIMULATED_SIGNATURE_HEADER, maxAttempts: 6, later: (delayMs, again) => setTimeout(again, delayMs).unref() });

  function settle(webhookUrl: string, ref: string, payment: SimulatedPayment, outcome: 'succeeded' | 'failed', failureReason: string | null) {
    setTimeout(() => {
      payment.state = outcome;
      const gatewayFeeMinor = outcome === 'succeeded' ? Math.floor((payment.request.amountMinor * GATEWAY_FEE_BPS) / 10_000) : null;
      void deliver(webhookUrl, {
        id: id('sim_evt'),
        type: outcome === 'succeeded' ? 'payment.succeeded' : 'payment.failed',
        created: Math.floor(Date.now() / 1000),
        data: { ref, metadata: { paymentId: payment.request.paymentId, tenantId: payment.request.tenantId }, gatewayFeeMinor, failureReason },
      });
    }, settleDelayMs).unref();
  }

  return {
    name: 'simulated',

    async createPayment(request): Promise<StartedPayment> {
      const known = refByIdempotencyKey.get(request.idempotencyKey);
      const ref = known ?? id('sim_pi');
      if (!known) {
        refByIdempotencyKey.set(request.idempotencyKey, ref);
        payments.set(ref, { request, state: 'awaiting card', refundedMinor: 0 });
      }
      return { providerRef: ref, clientSecret: `${ref}_secret_${randomBytes(8).toString('hex')}`, checkoutUrl: `/simulated-provider/checkout/${ref}` };
    },

    async refund({ providerRef, amountMinor }) {
      const payment = payments.get(providerRef);
      if (!payment || payment.state !== 'succeeded') throw new Error(`simulated provider: ${providerRef} was not paid`);
      if (payment.refundedMinor + amountMinor > payment.request.amountMinor) throw new Error('simulated provider: refund exceeds the charge');
      payment.refundedMinor += amountMinor;
      return { providerRefundRef: id('sim_re') };
    },

    async readWebhook(rawBody: Buffer, headers: IncomingHttpHeaders): Promise<ProviderEvent> {
      verifyWebhook(headers[SIMULATED_SIGNATURE_HEADER], rawBody, webhookSecret);
      const body = JSON.parse(rawBody.toString('utf8')) as SimulatedWebhookBody;
      return {
        id: body.id,
        type: body.type,
        occurredAt: new Date(body.created * 1000),
        providerRef: body.data.ref,
        tenantId: body.data.metadata.tenantId ?? null,
        paymentId: body.data.metadata.paymentId ?? null,
        gatewayFeeMinor: body.data.gatewayFeeMinor,
        failureReason: body.data.failureReason,
      };
    },

    /** The checkout a payer's portal posts a card to: `{ cardNumber }`. */
    routes(app: Express) {
      app.post('/simulated-provider/checkout/:ref', express.json({ limit: '4kb' }), (req, res) => {
        const payment = payments.get(req.params.ref!);
        if (!payment) return void res.status(404).json({ error: 'no such payment' });
        if (payment.state !== 'awaiting card') return void res.status(409).json({ error: `payment is ${payment.state}` });
        // The webhook goes back to the service this checkout runs in, at the address it was reached on.
        const { localAddress, localPort } = req.socket;
        const host = localAddress?.includes(':') ? `[${localAddress}]` : localAddress;
        const webhookUrl = `http://${host}:${localPort}/webhooks/simulated`;
        const card = String((req.body as { cardNumber?: unknown })?.cardNumber ?? '').replace(/\s/g, '');
        if (card === SIMULATED_CARDS.declined) {
          payment.state = 'failed';
          settle(webhookUrl, req.params.ref!, payment, 'failed', 'Your card was declined.');
          return void res.status(402).json({ status: 'declined' });
        }
        if (card !== SIMULATED_CARDS.succeeds && card !== SIMULATED_CARDS.failsLater) return void res.status(400).json({ error: 'unknown test card' });
        payment.state = 'processing';
        settle(webhookUrl, req.params.ref!, payment, card === SIMULATED_CARDS.succeeds ? 'succeeded' : 'failed', card === SIMULATED_CARDS.succeeds ? null : 'Insufficient funds.');
        res.status(202).json({ status: 'processing' });
      });
    },
  };
}
