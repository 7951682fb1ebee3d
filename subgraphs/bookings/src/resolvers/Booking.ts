import { money } from '../../../../common/money.js';
import type { BookingResolvers } from '../__generated__/resolvers-types.js';

export const Booking: BookingResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.booking.load(reference.id),
  startsAt: (booking) => booking.starts_at,
  endsAt: (booking) => booking.ends_at,
  price: (booking) => money(booking.price_minor, booking.currency),
  user: (booking) => ({ id: booking.user_id }),
  bookedBy: (booking) => ({ id: booking.booked_by }),
  seat: (booking, _args, { loaders }) => loaders.seat.loadNow(booking.seat_id),
  library: (booking, _args, { loaders }) => loaders.library.loadNow(booking.library_id),
  createdAt: (booking) => booking.created_at,
  checkedInAt: (booking) => booking.checked_in_at,
  cancelledAt: (booking) => booking.cancelled_at,
  cancellationReason: (booking) => booking.cancellation_reason,
  holdExpiresAt: (booking) => booking.hold_expires_at,
};
