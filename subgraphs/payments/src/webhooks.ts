import type { Express } from 'express';
import express from 'express';
import { asPlatform, inTenant } from '../../../common/db/scope.js';
import { changeAndPublish, recordEvents } from '../../../common/events/outbox.js';
import { logger } from '../../../common/logger.js';
import { isUuid } from '../../../common/validation.js';
import type { PaymentsServices } from './context.js';
import { findPaidPaymentOfBooking, findPaymentsByIds, markFailed, markSucceeded, type PaymentRow } from './db/payments.js';
import { recordProviderEvent } from './db/provider-events.js';
import { WebhookSignatureError, type ProviderEvent } from './providers/provider.js';
import { grantPurchase } from './wallets.js';

/**
 * `POST /webhooks/<provider>`: the provider's word on a payment, signed. Not GraphQL, and not
 * routed by the router: the provider reaches the payments service directly (through the
 * deployment's ingress). Verified, then recorded once per provider event id: a redelivery is
 * acknowledged and changes nothing, and state changes are conditional, so a late or reordered
 * event cannot undo a later one. The event is applied in the tenant its metadata names, and must
 * name a payment of that tenant started with this provider under that reference: a validly
 * signed event about another tenant's payment finds nothing to change.
 */
export function webhookRoutes(app: Express, services: PaymentsServices): void {
  app.post(`/webhooks/${services.provider.name}`, express.raw({ type: '*/*', limit: '256kb' }), async (req, res) => {
    let event: ProviderEvent;
    try {
      event = await services.provider.readWebhook(req.body as Buffer, req.headers);
    } catch (error) {
      if (error instanceof WebhookSignatureError) return void res.status(400).json({ error: 'signature verification failed' });
      // The provider redelivers what we do not acknowledge.
      logger.warn({ err: error }, 'reading a payment webhook failed');
      return void res.status(503).json({ error: 'try again' });
    }
    if (event.type === 'other' || !event.tenantId || !event.paymentId || !isUuid(event.tenantId) || !isUuid(event.paymentId)) return void res.json({ received: true });
    const about = event as PaymentProviderEvent;
    try {
      if ((await applyPaymentEvent(services, about)) === 'credit purchase') await applyCreditPurchaseEvent(services, about);
    } catch (error) {
      // Not acknowledged, so the provider delivers it again (a credit grant waiting for the pool, say).
      logger.warn({ err: error, event: about.id }, 'applying a payment webhook failed; the provider will redeliver it');
      return void res.status(503).json({ error: 'try again' });
    }
    res.json({ received: true });
  });
}

type PaymentProviderEvent = ProviderEvent & { tenantId: string; paymentId: string };

/** The payment the event is about, if it is one of the tenant's started with this provider under this reference. */
const isAbout = (payment: PaymentRow | undefined, event: PaymentProviderEvent, provider: string): payment is PaymentRow =>
  payment !== undefined && payment.tenant_id === event.tenantId && payment.provider === provider && payment.provider_ref === event.providerRef;

/** Applies an event about a booking's payment; a credit purchase is left untouched and named, for the platform path. */
async function applyPaymentEvent(services: PaymentsServices, event: PaymentProviderEvent): Promise<'credit purchase' | void> {
  const { db, relay, provider, platformFeeBps } = services;
  const outcome = await changeAndPublish(relay, () =>
    inTenant(db, event.tenantId, async (trx) => {
      const [payment] = await findPaymentsByIds(trx, [event.paymentId]);
      if (!isAbout(payment, event, provider.name)) return null;
      if (payment.purpose === 'CREDITS') return 'credit purchase' as const;
      const first = await recordProviderEvent(trx, { provider: provider.name, eventId: event.id, tenantId: event.tenantId, paymentId: payment.id, type: event.type, occurredAt: event.occurredAt });
      if (!first) return null;
      const keys = { paymentId: payment.id, bookingId: payment.booking_id!, userId: payment.user_id };
      if (event.type !== 'payment.succeeded') {
        const failed = await markFailed(trx, payment.id, event.failureReason ?? 'The payment failed.');
        if (failed) await recordEvents(trx, [{ tenantId: failed.tenant_id, type: 'PAYMENT_FAILED', keys }]);
        return null;
      }
      // A failed attempt the provider later completed, for a booking paid meanwhile (at the desk):
      // the booking cannot be paid twice, so this money goes back in full.
      const other = await findPaidPaymentOfBooking(trx, keys.bookingId);
      if (other && other.id !== payment.id) {
        return markFailed(trx, payment.id, PAID_TWICE, ['PENDING', 'FAILED']);
      }
      const paid = await markSucceeded(trx, payment.id, { gatewayFeeMinor: event.gatewayFeeMinor ?? 0, platformFeeBps }, event.occurredAt);
      if (paid) await recordEvents(trx, [{ tenantId: paid.tenant_id, type: 'PAYMENT_SUCCEEDED', keys }]);
      return null;
    }),
  );
  if (outcome === 'credit purchase') return outcome;
  // A payment marked failed here was taken twice for one booking.
  if (outcome) await refundPaidTwice(services, outcome);
}

/**
 * A credit purchase succeeding grants its credits from the platform's pool in the same
 * transaction, on the audited platform path (the pool belongs to no tenant), keyed by the payment
 * so a redelivery grants nothing more. A pool too short to cover it fails the delivery, which the
 * provider repeats until a top-up lets it through.
 */
async function applyCreditPurchaseEvent(services: PaymentsServices, event: PaymentProviderEvent): Promise<void> {
  const { db, relay, provider } = services;
  await changeAndPublish(relay, () =>
    asPlatform(db, { actor: 'system:payment-webhooks', action: `apply a ${provider.name} event to a credit purchase of tenant ${event.tenantId}` }, async (trx) => {
      const [payment] = await findPaymentsByIds(trx, [event.paymentId]);
      if (!isAbout(payment, event, provider.name) || payment.purpose !== 'CREDITS') return;
      const first = await recordProviderEvent(trx, { provider: provider.name, eventId: event.id, tenantId: event.tenantId, paymentId: payment.id, type: event.type, occurredAt: event.occurredAt });
      if (!first) return;
      if (event.type !== 'payment.succeeded') return void (await markFailed(trx, payment.id, event.failureReason ?? 'The payment failed.'));
      const paid = await markSucceeded(trx, payment.id, { gatewayFeeMinor: event.gatewayFeeMinor ?? 0, platformFeeBps: 'all' }, event.occurredAt);
      if (paid) await grantPurchase(trx, paid);
    }),
  );
}

const PAID_TWICE = 'The booking was already paid; this payment is refunded in full.';

/** Gives back a payment the provider took for a booking already paid; an operator is told if the provider refuses. */
async function refundPaidTwice({ provider }: PaymentsServices, payment: PaymentRow): Promise<void> {
  try {
    await provider.refund({ providerRef: payment.provider_ref!, amountMinor: Number(payment.amount_minor), refundId: payment.id });
  } catch (error) {
    logger.error({ err: error, paymentId: payment.id, tenantId: payment.tenant_id }, 'a payment taken twice for one booking could not be refunded; refund it by hand');
  }
}
