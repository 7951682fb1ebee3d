import { asPlatform, inTenant } from '../../../common/db/scope.js';
import type { CarrelEvent, EventHandler } from '../../../common/events/event.js';
import { changeAndPublish, recordEvents } from '../../../common/events/outbox.js';
import { logger } from '../../../common/logger.js';
import type { BookingsCore } from './context.js';
import { expireStaleHolds, findBookingsByIds, nextHoldExpiry, OCCUPYING, transitionBooking } from './db.js';
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

/** Expires holds, and is told of new ones so each is expired as its time runs out. */
export interface HoldSweeper {
  /** A hold was placed that runs out at `expiresAt`: the sweeper comes by then, if not sooner. */
  holdPlaced(expiresAt: Date): void;
  stop(): Promise<void>;
}

/** Past its expiry by this much, a hold is surely past the database's `now()` too. */
const SLACK_MS = 5;

/**
 * Expires the holds whose time is up, across tenants: when the soonest known hold runs out (told
 * by `holdPlaced`, or read after each sweep), and at least every `intervalMs` for holds placed on
 * other replicas. Bookings made in the meantime already treat stale holds as free (createBooking
 * expires a seat's stale holds first), so the sweep only makes the expiry visible and sends its
 * events. Safe on every replica at once.
 */
export function startHoldSweeper({ db, relay }: BookingsCore, intervalMs: number): HoldSweeper {
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  let stopped = false;

  const sweep = (): Promise<Date | null> =>
    changeAndPublish(relay, () =>
      asPlatform(db, { actor: 'system:hold-sweeper', action: 'expire unpaid booking holds' }, async (trx) => {
        await recordBookingEvents(trx, 'BOOKING_EXPIRED', await expireStaleHolds(trx, 'all'));
        return nextHoldExpiry(trx);
      }),
    ).catch((error: unknown) => {
      logger.warn({ err: error }, 'expiring unpaid holds failed; the next sweep retries');
      return null;
    });

  const comeBy = (at: number) => {
    if (stopped || at >= dueAt) return;
    clearTimeout(timer);
    dueAt = at;
    timer = setTimeout(run, Math.max(0, at - Date.now()));
    timer.unref();
  };
  function run() {
    dueAt = Number.POSITIVE_INFINITY;
    running = sweep().then((next) => comeBy(Math.min(Date.now() + intervalMs, next ? next.getTime() + SLACK_MS : Number.POSITIVE_INFINITY)));
  }

  comeBy(Date.now() + intervalMs);
  return {
    holdPlaced: (expiresAt) => comeBy(expiresAt.getTime() + SLACK_MS),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
