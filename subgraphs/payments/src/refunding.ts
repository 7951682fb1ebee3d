import { inTenant } from '../../../common/db/scope.js';
import { badUserInput, notFound, serviceUnavailable } from '../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../common/events/outbox.js';
import { logger } from '../../../common/logger.js';
import type { PaymentsServices } from './context.js';
import { once } from './db/idempotency.js';
import { findPaymentsByIds, releaseRefund, reserveRefund, type PaymentRow } from './db/payments.js';
import { completeRefund, findRefundsByIds, insertRefund, type RefundRow } from './db/refunds.js';

export interface RefundOrder {
  tenantId: string;
  paymentId: string;
  /** All that remains refundable when null. */
  amountMinor: number | null;
  reason: string;
  /** A user id, or `system:<process>`. */
  actor: string;
  idempotencyKey: string;
}

/**
 * Refunds part of a successful payment, never more than remains: the amount is set aside on the
 * payment by a conditional update (so racing refunds cannot add up past it) together with the
 * refund row and its idempotency key, then asked of the provider. If the provider refuses, the
 * amount is given back and the refund is FAILED; if this process dies in between, the refund
 * stays PENDING with its amount set aside, and a replay with the same key asks the provider again
 * (it answers the same refund, as it is keyed by the refund's id).
 */
export async function refund(services: PaymentsServices, order: RefundOrder): Promise<RefundRow> {
  const { db, relay, provider } = services;
  const { id } = await inTenant(db, order.tenantId, (trx) =>
    once(trx, { tenantId: order.tenantId, actor: order.actor, key: order.idempotencyKey, operation: 'refundPayment', request: { paymentId: order.paymentId, amountMinor: order.amountMinor, reason: order.reason } }, async () => {
      const [payment] = await findPaymentsByIds(trx, [order.paymentId]);
      if (!payment) throw notFound('Payment');
      if (payment.status !== 'SUCCEEDED') throw badUserInput('Only a successful payment can be refunded.', 'paymentId');
      // Credits bought are not taken back by a refund: a platform admin adjusts them.
      if (payment.purpose !== 'BOOKING') throw badUserInput('A credit purchase is not refunded here; ask the platform to adjust your credits.', 'paymentId');
      const remaining = Number(payment.amount_minor) - Number(payment.refunded_minor);
      const amount = order.amountMinor ?? remaining;
      if (amount <= 0) throw badUserInput(remaining === 0 ? 'This payment is already refunded in full.' : 'amountMinor must be positive.', 'amountMinor');
      if (!(await reserveRefund(trx, payment.id, amount))) {
        throw badUserInput(`Only ${remaining} (minor units) of this payment remain refundable.`, 'amountMinor');
      }
      // Money given back at the desk needs no provider.
      const atDesk = payment.method !== 'ONLINE';
      const row = await insertRefund(trx, {
        tenant_id: order.tenantId,
        payment_id: payment.id,
        amount_minor: amount,
        status: atDesk ? 'SUCCEEDED' : 'PENDING',
        reason: order.reason,
        actor: order.actor,
        completed_at: atDesk ? new Date() : null,
      });
      if (atDesk) await recordRefunded(trx, payment, row.id);
      return row.id;
    }),
  );
  const [row] = await inTenant(db, order.tenantId, (trx) => findRefundsByIds(trx, [id]));
  if (row!.status !== 'PENDING') return row!;

  const [payment] = await inTenant(db, order.tenantId, (trx) => findPaymentsByIds(trx, [row!.payment_id]));
  let outcome: Parameters<typeof completeRefund>[2];
  try {
    const { providerRefundRef } = await provider.refund({ providerRef: payment!.provider_ref!, amountMinor: Number(row!.amount_minor), refundId: row!.id });
    outcome = { status: 'SUCCEEDED', providerRefundRef };
  } catch (error) {
    logger.warn({ err: error, refundId: row!.id }, 'the payment provider refused a refund');
    outcome = { status: 'FAILED', failureReason: 'The payment provider refused the refund.' };
  }
  const completed = await changeAndPublish(relay, () =>
    inTenant(db, order.tenantId, async (trx) => {
      const done = await completeRefund(trx, row!.id, outcome);
      if (done?.status === 'FAILED') await releaseRefund(trx, done.payment_id, Number(done.amount_minor));
      if (done?.status === 'SUCCEEDED') await recordRefunded(trx, payment!, done.id);
      return done ?? (await findRefundsByIds(trx, [row!.id]))[0]!;
    }),
  );
  if (completed.status === 'FAILED') throw serviceUnavailable('payment provider', 'unreachable');
  return completed;
}

/** Only a booking's payment is refunded (see above), so it has a booking. */
function recordRefunded(trx: Parameters<typeof recordEvents>[0], payment: Pick<PaymentRow, 'id' | 'tenant_id' | 'booking_id' | 'user_id'>, refundId: string) {
  return recordEvents(trx, [{ tenantId: payment.tenant_id, type: 'PAYMENT_REFUNDED', keys: { paymentId: payment.id, refundId, bookingId: payment.booking_id!, userId: payment.user_id } }]);
}
