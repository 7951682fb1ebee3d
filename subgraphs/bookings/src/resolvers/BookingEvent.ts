import { eventStream } from '../../../../common/events/event-stream.js';
import type { BookingEventResolvers } from '../__generated__/resolvers-types.js';

/** What feeds `bookingEvents`: every booking change; students receive their own bookings' only. */
export const bookingEventStream = eventStream({
  types: { BOOKING_CREATED: 'CREATED', BOOKING_CONFIRMED: 'CONFIRMED', BOOKING_CANCELLED: 'CANCELLED', BOOKING_CHECKED_IN: 'CHECKED_IN', BOOKING_EXPIRED: 'EXPIRED' },
  studentKey: 'userId',
});

export const BookingEvent: BookingEventResolvers = {
  eventId: (event) => event.id,
  type: (event) => bookingEventStream.nameOf(event),
  occurredAt: (event) => event.occurredAt,
  booking: (event, _args, { loaders }) => (event.keys.bookingId ? loaders.booking.load(event.keys.bookingId) : null),
};
