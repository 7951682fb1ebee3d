import { notFound } from '../../../common/errors.js';
import { askEndpoint } from '../../../common/subgraph-kit/ask-endpoint.js';

/** What a booking costs and who owes it, from the service that owns bookings (`bookingCharges`). */
export interface BookingCharge {
  bookingId: string;
  tenantId: string;
  userId: string;
  libraryId: string;
  status: 'PENDING_PAYMENT' | 'CONFIRMED' | 'CHECKED_IN' | 'CANCELLED' | 'EXPIRED';
  priceMinor: number;
  currency: string;
  holdExpiresAt: string | null;
}

export type BookingChargeLookup = (tenantId: string, bookingId: string) => Promise<BookingCharge>;

/**
 * Asks the bookings service what a booking costs: the amount of a payment is always the server's
 * price, never one a client sends. A booking of another tenant is NOT_FOUND like a missing one.
 */
export function bookingChargeLookup(endpoint: string, serviceSecret: string): BookingChargeLookup {
  return async (tenantId, bookingId) => {
    const charge = await askEndpoint<BookingCharge>(endpoint, { tenantId, bookingId }, serviceSecret, 'bookings');
    if (!charge) throw notFound('Booking');
    return charge;
  };
}
