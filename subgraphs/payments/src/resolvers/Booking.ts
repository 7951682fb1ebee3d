import type { BookingResolvers } from '../__generated__/resolvers-types.js';
import type { PaymentRow } from '../db/payments.js';

function paymentStatusOf(payment: PaymentRow | null) {
  if (!payment || payment.status === 'FAILED') return 'UNPAID' as const;
  if (payment.status === 'PENDING') return 'PENDING' as const;
  const refunded = Number(payment.refunded_minor);
  if (refunded === 0) return 'PAID' as const;
  return refunded === Number(payment.amount_minor) ? ('REFUNDED' as const) : ('PARTIALLY_REFUNDED' as const);
}

export const Booking: BookingResolvers = {
  // The booking itself is the bookings service's to show or hide; its payment is shown here only to those who may see it.
  __resolveReference: (reference) => ({ id: reference.id }),
  payment: (booking, _args, { loaders }) => loaders.paymentOfBooking.load(booking.id),
  paymentStatus: async (booking, _args, { viewer, loaders }) => (viewer ? paymentStatusOf(await loaders.paymentOfBooking.load(booking.id)) : null),
};
