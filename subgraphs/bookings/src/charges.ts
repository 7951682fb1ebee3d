import type { RequestHandler } from 'express';
import { inTenant } from '../../../common/db/scope.js';
import { isUuid } from '../../../common/validation.js';
import type { BookingsCore } from './context.js';
import { findBookingsByIds } from './db.js';

/** What a booking costs and who owes it, as the service that takes payments asks (`bookingCharges`). */
export interface BookingCharge {
  bookingId: string;
  tenantId: string;
  userId: string;
  libraryId: string;
  status: string;
  priceMinor: number;
  currency: string;
  holdExpiresAt: string | null;
}

/**
 * `GET /internal/booking-charges?tenantId=…&bookingId=…`, for Carrel services only (the platform
 * checks the service proof on `/internal/*`): the price is the server's, never a client's. Read in
 * the named tenant, so a booking of another tenant is 404 like one that does not exist.
 */
export const bookingCharges = ({ db }: BookingsCore): RequestHandler =>
  async (req, res) => {
    const { tenantId, bookingId } = req.query;
    if (typeof tenantId !== 'string' || typeof bookingId !== 'string' || !isUuid(tenantId) || !isUuid(bookingId)) {
      res.status(400).json({ error: 'tenantId and bookingId must be UUIDs' });
      return;
    }
    const [booking] = await inTenant(db, tenantId, (trx) => findBookingsByIds(trx, [bookingId]));
    if (!booking) {
      res.status(404).json({ error: 'no such booking' });
      return;
    }
    const charge: BookingCharge = {
      bookingId: booking.id,
      tenantId: booking.tenant_id,
      userId: booking.user_id,
      libraryId: booking.library_id,
      status: booking.status,
      priceMinor: Number(booking.price_minor),
      currency: booking.currency.trim(),
      holdExpiresAt: booking.hold_expires_at?.toISOString() ?? null,
    };
    res.json(charge);
  };
