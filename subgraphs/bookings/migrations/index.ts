import type { Migration } from 'kysely';
import * as librariesSeatsBookings from './2026_11_23_0001_libraries_seats_bookings.js';
import * as tenantMembers from './2026_11_23_0002_tenant_members.js';
import * as paymentHolds from './2026_12_01_0003_payment_holds.js';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_libraries_seats_bookings': librariesSeatsBookings,
  '2026_11_23_0002_tenant_members': tenantMembers,
  '2026_12_01_0003_payment_holds': paymentHolds,
};
