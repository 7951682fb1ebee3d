import type { BookingEventResolvers, BookingEventType } from '../__generated__/resolvers-types.js';

export const BOOKING_EVENT_TYPES: Record<string, BookingEventType> = {
  BOOKING_CREATED: 'CREATED',
  BOOKING_CANCELLED: 'CANCELLED',
  BOOKING_CHECKED_IN: 'CHECKED_IN',
};

export const BookingEvent: BookingEventResolvers = {
  eventId: (event) => event.id,
  type: (event) => BOOKING_EVENT_TYPES[event.type]!,
  occurredAt: (event) => event.occurredAt,
  booking: (event, _args, { loaders }) => (event.keys.bookingId ? loaders.booking.load(event.keys.bookingId) : null),
};
