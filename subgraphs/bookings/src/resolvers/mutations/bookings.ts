import type { Transaction } from 'kysely';
import { tenantMember } from '../../../../../common/auth/guards.js';
import { isTenantStaff, type TenantMember, type Viewer } from '../../../../../common/auth/viewer.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, forbidden, notFound } from '../../../../../common/errors.js';
import type { EventType } from '../../../../../common/events/catalogue.js';
import { changeAndPublish, recordEvents } from '../../../../../common/events/outbox.js';
import { awaitActiveMember } from '../../../../../common/membership/tenant-members.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import type { BookingsContext } from '../../context.js';
import {
  expireStaleHolds,
  findBookingPolicy,
  findBookingsByIds,
  findLibrariesByIds,
  findSeatsByIds,
  insertBooking,
  transitionBooking,
  type BookingRow,
  type BookingsDatabase,
} from '../../db.js';
import { priceOf, validateBookingPeriod } from '../../rules/booking-period.js';

const MINUTE = 60_000;
const CANCELLABLE = ['CONFIRMED', 'PENDING_PAYMENT'] as const;

const requireMember = (viewer: Viewer | null) => tenantMember(viewer, 'Bookings are made within a tenant; platform admins do not book.');

/** The events that describe booking changes, written in the same transaction as the changes. */
export function recordBookingEvents(trx: Transaction<BookingsDatabase>, type: BookingChange, bookings: readonly BookingRow[]) {
  return recordEvents(
    trx,
    bookings.map((booking) => ({ tenantId: booking.tenant_id, type, keys: { bookingId: booking.id, seatId: booking.seat_id, libraryId: booking.library_id, userId: booking.user_id } })),
  );
}
type BookingChange = Extract<EventType, 'BOOKING_CREATED' | 'BOOKING_CANCELLED' | 'BOOKING_CHECKED_IN' | 'BOOKING_CONFIRMED' | 'BOOKING_EXPIRED'>;
const recordBookingEvent = (trx: Transaction<BookingsDatabase>, type: BookingChange, booking: BookingRow) => recordBookingEvents(trx, type, [booking]);

/** A booking change and its event, in one transaction in the member's tenant, published at once. */
const changeBooking = <T>(ctx: BookingsContext, member: TenantMember, work: (trx: Transaction<BookingsDatabase>) => Promise<T>): Promise<T> =>
  changeAndPublish(ctx.relay, () => inTenant(ctx.db, member.tenantId, work));

/** Explains why a conditional state change matched no row, without revealing others' bookings. */
async function explainRefusal(trx: Transaction<BookingsDatabase>, member: TenantMember, id: string, action: 'cancel' | 'check in'): Promise<never> {
  const [booking] = await findBookingsByIds(trx, [id]);
  if (!booking || (!isTenantStaff(member) && booking.user_id !== member.userId)) throw notFound('Booking');
  if (booking.status === 'CANCELLED') throw badUserInput('The booking is already cancelled.', 'id');
  if (booking.status === 'EXPIRED') throw badUserInput('The booking was not paid in time and has expired.', 'id');
  if (booking.status === 'PENDING_PAYMENT' && action === 'check in') throw badUserInput('The booking must be paid before check-in.', 'bookingId');
  if (booking.status === 'CHECKED_IN') throw badUserInput(action === 'cancel' ? 'A checked-in booking cannot be cancelled.' : 'The booking is already checked in.', 'id');
  throw badUserInput(action === 'cancel' ? 'It is too late to cancel this booking.' : 'Check-in is not open for this booking now.', 'id');
}

export const bookingMutations: Pick<MutationResolvers, 'createBooking' | 'cancelBooking' | 'checkIn'> = {
  createBooking: async (_parent, { input }, ctx) => {
    const member = requireMember(ctx.viewer);
    let userId = member.userId;
    if (input.userId && input.userId !== member.userId) {
      if (!isTenantStaff(member)) throw forbidden('Students book for themselves.');
      // Another tenant's user and an id that exists nowhere look the same: not one of ours.
      if (!isUuid(input.userId) || !(await awaitActiveMember(ctx.db, member.tenantId, input.userId))) throw notFound('User');
      userId = input.userId;
    }
    const made = await changeBooking(ctx, member, async (trx) => {
      const [seat] = isUuid(input.seatId) ? await findSeatsByIds(trx, [input.seatId]) : [];
      if (!seat) throw notFound('Seat');
      const [library] = await findLibrariesByIds(trx, [seat.library_id]);
      if (!library) throw notFound('Seat');
      if (library.status !== 'OPEN') throw badUserInput(`${library.name} is closed for new bookings.`, 'seatId');
      if (!seat.active) throw badUserInput(`Seat ${seat.label} cannot be booked.`, 'seatId');
      validateBookingPeriod(library, input.startsAt, input.endsAt, ctx.now());
      // A hold that ran out no longer occupies the seat, even before the sweeper has been by.
      await recordBookingEvents(trx, 'BOOKING_EXPIRED', await expireStaleHolds(trx, { seatId: seat.id }));
      const policy = await findBookingPolicy(trx, member.tenantId);
      const holdExpiresAt = policy.payment_required ? new Date(ctx.now().getTime() + policy.hold_seconds * 1000) : null;
      const booking = await insertBooking(trx, {
        tenant_id: member.tenantId,
        library_id: library.id,
        seat_id: seat.id,
        user_id: userId,
        booked_by: member.userId,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        price_minor: priceOf(library, input.startsAt, input.endsAt),
        currency: library.currency,
        ...(holdExpiresAt ? { status: 'PENDING_PAYMENT' as const, hold_expires_at: holdExpiresAt } : {}),
      });
      await recordBookingEvent(trx, 'BOOKING_CREATED', booking);
      return booking;
    });
    // The sweeper comes by when the hold runs out, so its expiry is seen (and told) on time.
    if (made.hold_expires_at) ctx.holdSweeper.holdPlaced(made.hold_expires_at);
    return made;
  },

  cancelBooking: async (_parent, { id, reason }, ctx) => {
    const member = requireMember(ctx.viewer);
    if (member.role === 'STAFF') throw forbidden('Staff check bookings in; owners and students cancel them.');
    const cancellationReason = reason == null ? null : requireText(reason, 'reason', { max: 500 });
    if (!isUuid(id)) throw notFound('Booking');
    return changeBooking(ctx, member, async (trx) => {
      const changes = { status: 'CANCELLED' as const, cancelled_at: ctx.now(), cancellation_reason: cancellationReason };
      let cancelled: BookingRow | undefined;
      if (member.role === 'OWNER') {
        cancelled = await transitionBooking(trx, id, changes, { from: CANCELLABLE });
      } else {
        const [booking] = await findBookingsByIds(trx, [id]);
        const [library] = booking ? await findLibrariesByIds(trx, [booking.library_id]) : [];
        const cutoff = new Date(ctx.now().getTime() + (library?.cancellation_cutoff_minutes ?? 0) * MINUTE);
        cancelled = await transitionBooking(trx, id, changes, { from: CANCELLABLE, userId: member.userId, startsAfter: cutoff });
      }
      if (!cancelled) return explainRefusal(trx, member, id, 'cancel');
      await recordBookingEvent(trx, 'BOOKING_CANCELLED', cancelled);
      return cancelled;
    });
  },

  checkIn: async (_parent, { bookingId }, ctx) => {
    const member = requireMember(ctx.viewer);
    if (!isUuid(bookingId)) throw notFound('Booking');
    return changeBooking(ctx, member, async (trx) => {
      const [booking] = await findBookingsByIds(trx, [bookingId]);
      if (!booking || (!isTenantStaff(member) && booking.user_id !== member.userId)) throw notFound('Booking');
      const [library] = await findLibrariesByIds(trx, [booking.library_id]);
      const window = (library?.check_in_window_minutes ?? 0) * MINUTE;
      const now = ctx.now();
      const checkedIn = await transitionBooking(
        trx,
        bookingId,
        { status: 'CHECKED_IN', checked_in_at: now },
        { from: ['CONFIRMED'], ...(isTenantStaff(member) ? {} : { userId: member.userId }), startsBetween: [new Date(now.getTime() - window), new Date(now.getTime() + window)] },
      );
      if (!checkedIn) return explainRefusal(trx, member, bookingId, 'check in');
      await recordBookingEvent(trx, 'BOOKING_CHECKED_IN', checkedIn);
      return checkedIn;
    });
  },
};
