import { asPlatform, inTenant } from '../../../common/db/scope.js';
import type { CarrelEvent, EventHandler } from '../../../common/events/event.js';
import { changeAndPublish, recordEvents } from '../../../common/events/outbox.js';
import { logger } from '../../../common/logger.js';
import type { BookingsCore } from './context.js';
import { expireStaleHolds, findBookingsByIds, OCCUPYING, transitionBooking } from './db.js';
import { recordBookingEvents } from './resolvers/mutations/bookings.js';

/**
 * The bookings side of paying for a booking: a successful payment confirms the hold it was for;
 * a payment that arrives for a booking no longer waiting (expired, cancelled) is handed back to
 * be refunded. Redelivered events change nothing the second time.
 */
export function paymentOutcomes({ db, relay }: BookingsCore): EventHandler {
  return async (event: CarrelEvent) => {
    if (event.type !== 'PAYMENT_SUCCEEDED') return;
    const { bookingId, paymentId, userId } = event.keys;
    if (!bookingId || !paymentId || !userId) return;
    await changeAndPublish(relay, () =>
      inTenant(db, event.tenantId, async (trx) => {
        const confirmed = await transitionBooking(trx, bookingId, { status: 'CONFIRMED' }, { from: ['PENDING_PAYMENT'] });
        if (confirmed) return recordBookingEvents(trx, 'BOOKING_CONFIRMED', [confirmed]);
        const [booking] = await findBookingsByIds(trx, [bookingId]);
        if (booking && OCCUPYING.includes(booking.status)) return;
        await recordEvents(trx, [{ tenantId: event.tenantId, type: 'BOOKING_PAYMENT_REFUSED', keys: { bookingId, paymentId, userId } }]);
      }),
    );
  };
}

/**
 * Expires the holds whose time is up, every `intervalMs`, across tenants: bookings made in the
 * meantime already treat them as free (createBooking expires a seat's stale holds first), so the
 * sweep only makes the expiry visible and sends its events. Safe on every replica at once.
 */
export function startHoldSweeper({ db, relay }: BookingsCore, intervalMs: number): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () =>
    changeAndPublish(relay, () =>
      asPlatform(db, { actor: 'system:hold-sweeper', action: 'expire unpaid booking holds' }, async (trx) => recordBookingEvents(trx, 'BOOKING_EXPIRED', await expireStaleHolds(trx, 'all'))),
    ).catch((error: unknown) => logger.warn({ err: error }, 'expiring unpaid holds failed; the next sweep retries'));
  const timer = setInterval(() => (running = sweep()), intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
