import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { byIdsLoader, listsLoader, type ListKey, type RowLoader } from '../../../common/db/loaders.js';
import { readAsViewer } from '../../../common/db/viewer-scope.js';
import type { Page } from '../../../common/pagination.js';
import { canSeeBooking, canSeeTenantRow } from './access.js';
import {
  bookingsOfUsers,
  findBookingPolicies,
  findBookingsByIds,
  findLibrariesByIds,
  findSeatsByIds,
  librariesOfTenants,
  seatsOfLibraries,
  type BookingPolicy,
  type BookingRow,
  type BookingsDatabase,
  type BookingStatus,
  type LibraryRow,
  type SeatRow,
} from './db.js';

export interface BookingsLoaders {
  library: RowLoader<LibraryRow>;
  seat: RowLoader<SeatRow>;
  booking: RowLoader<BookingRow>;
  seatsOfLibrary: DataLoader<ListKey<{ includeInactive: boolean }>, Page<SeatRow>, string>;
  bookingsOfUser: DataLoader<ListKey<{ status: BookingStatus | null }>, Page<BookingRow>, string>;
  librariesOfTenant: DataLoader<ListKey<Record<string, never>>, Page<LibraryRow>, string>;
  /** By tenant id; only tenants the viewer may see are asked (see Tenant.__resolveReference). */
  bookingPolicy: DataLoader<string, BookingPolicy>;
}

export function createLoaders(db: Kysely<BookingsDatabase>, viewer: Viewer | null): BookingsLoaders {
  return {
    library: byIdsLoader(db, viewer, 'load libraries', findLibrariesByIds, (row) => canSeeTenantRow(viewer, row)),
    seat: byIdsLoader(db, viewer, 'load seats', findSeatsByIds, (row) => canSeeTenantRow(viewer, row)),
    booking: byIdsLoader(db, viewer, 'load bookings', findBookingsByIds, (row) => canSeeBooking(viewer, row)),
    seatsOfLibrary: listsLoader(db, viewer, 'load seats of libraries', (trx, ids, page, args: { includeInactive: boolean }) => seatsOfLibraries(trx, ids, page, args.includeInactive)),
    bookingsOfUser: listsLoader(db, viewer, 'load bookings of users', (trx, ids, page, args: { status: BookingStatus | null }) => bookingsOfUsers(trx, ids, args.status, page)),
    librariesOfTenant: listsLoader(db, viewer, 'load libraries of tenants', (trx, ids, page) => librariesOfTenants(trx, ids, page)),
    bookingPolicy: new DataLoader((tenantIds) => readAsViewer(db, viewer, 'load booking policies', (trx) => findBookingPolicies(trx, tenantIds))),
  };
}

/**
 * Loads the seats and libraries a page of bookings will be asked for (`asked`: the fields selected
 * on its bookings, and on their seats), together, before the page is returned: graphql-js then
 * completes every booking at once instead of waiting on each one's seat and library.
 */
export async function withPlacesLoaded(page: Page<BookingRow>, asked: { booking: Set<string>; seat: Set<string> }, loaders: BookingsLoaders): Promise<Page<BookingRow>> {
  await Promise.all([
    asked.booking.has('seat') ? loaders.seat.loadMany(page.nodes.map((booking) => booking.seat_id)) : null,
    // A seat's library is its booking's.
    asked.booking.has('library') || asked.seat.has('library') ? loaders.library.loadMany(page.nodes.map((booking) => booking.library_id)) : null,
  ]);
  return page;
}
