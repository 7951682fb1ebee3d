import { serviceProofHeaders } from '../../../common/auth/service-proof.js';
import { notFound, serviceUnavailable } from '../../../common/errors.js';

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
    const url = new URL(endpoint);
    url.search = new URLSearchParams({ tenantId, bookingId }).toString();
    let response: Response;
    try {
      response = await fetch(url, { headers: serviceProofHeaders(serviceSecret), signal: AbortSignal.timeout(5_000) });
    } catch {
      throw serviceUnavailable('bookings', 'unreachable');
    }
    if (response.status === 404 || response.status === 400) throw notFound('Booking');
    if (!response.ok) throw serviceUnavailable('bookings', 'unreachable');
    return (await response.json()) as BookingCharge;
  };
}
