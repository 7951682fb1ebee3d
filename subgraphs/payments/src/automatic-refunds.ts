import { inTenant } from '../../../common/db/scope.js';
import type { CarrelEvent, EventHandler } from '../../../common/events/event.js';
import type { PaymentsServices } from './context.js';
import { findPaidPaymentOfBooking } from './db/payments.js';
import { findPaymentPolicies } from './db/policies.js';
import { refund } from './refunding.js';

const REASONS: Partial<Record<CarrelEvent['type'], string>> = {
  BOOKING_CANCELLED: 'The booking was cancelled.',
  BOOKING_PAYMENT_REFUSED: 'The booking was no longer held when its payment arrived.',
};

/**
 * Refunds in full what remains of a booking's payment when the booking is cancelled (students may
 * cancel only before the library's cut-off; owners any time) and the tenant's policy says so (it
 * does unless an owner turned it off), or when a payment arrives for a booking that stopped
 * waiting for it. Keyed by the event, so a redelivered event refunds nothing more.
 */
export function automaticRefunds(services: PaymentsServices): EventHandler {
  return async (event: CarrelEvent) => {
    const reason = REASONS[event.type];
    const { bookingId, paymentId } = event.keys;
    if (!reason || !bookingId) return;
    const [paid, [policy]] = await inTenant(services.db, event.tenantId, (trx) => Promise.all([findPaidPaymentOfBooking(trx, bookingId), findPaymentPolicies(trx, [event.tenantId])]));
    // A cancellation is refunded as the tenant chose; a payment the booking refused, always.
    if (event.type === 'BOOKING_CANCELLED' && !policy!.refund_on_cancellation) return;
    // A refused payment is that payment alone, never another that paid the booking.
    const payment = paymentId && paid?.id !== paymentId ? undefined : paid;
    if (!payment || Number(payment.refunded_minor) >= Number(payment.amount_minor)) return;
    await refund(services, { tenantId: event.tenantId, paymentId: payment.id, amountMinor: null, reason, actor: 'system:automatic-refunds', idempotencyKey: `event:${event.id}` });
  };
}
