import { isTenantStaff, type Viewer } from '../../../common/auth/viewer.js';
import type { BookingRow } from './db.js';

/**
 * Who sees a booking: platform admins any, staff and owners their tenant's, students their own.
 * Row-level security has already removed other tenants' rows.
 */
export function canSeeBooking(viewer: Viewer | null, booking: BookingRow): boolean {
  if (!viewer) return false;
  if (viewer.role === 'PLATFORM_ADMIN') return true;
  if (booking.tenant_id !== viewer.tenantId) return false;
  return isTenantStaff(viewer) || booking.user_id === viewer.userId;
}

/** Whether the viewer may see a user's bookings at all. */
export function canSeeBookingsOf(viewer: Viewer | null, userId: string): boolean {
  if (!viewer) return false;
  return viewer.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer) || viewer.userId === userId;
}

/** Libraries and seats: anyone signed in to the tenant (RLS), platform admins all. */
export function canSeeTenantRow(viewer: Viewer | null, row: { tenant_id: string }): boolean {
  if (!viewer) return false;
  return viewer.role === 'PLATFORM_ADMIN' || row.tenant_id === viewer.tenantId;
}
