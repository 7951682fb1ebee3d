import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { asViewer, inKeyOrder } from '../../../common/db/viewer-scope.js';
import type { Page, PageRequest } from '../../../common/pagination.js';
import { existingIdsOnly } from '../../../common/validation.js';
import { canSeeBooking, canSeeTenantRow } from './access.js';
import {
  bookingsOfUsers,
  findBookingsByIds,
  findLibrariesByIds,
  findSeatsByIds,
  librariesOfTenants,
  seatsOfLibraries,
  type BookingRow,
  type BookingsDatabase,
  type BookingsDb,
  type BookingStatus,
  type LibraryRow,
  type SeatRow,
} from './db.js';

/** A nested list's arguments; parents asked with the same arguments share one statement. */
interface ListKey<Args> {
  parentId: string;
  page: PageRequest;
  args: Args;
}

export interface BookingsLoaders {
  library: DataLoader<string, LibraryRow | null>;
  seat: DataLoader<string, SeatRow | null>;
  booking: DataLoader<string, BookingRow | null>;
  seatsOfLibrary: DataLoader<ListKey<{ includeInactive: boolean }>, Page<SeatRow>, string>;
  bookingsOfUser: DataLoader<ListKey<{ status: BookingStatus | null }>, Page<BookingRow>, string>;
  librariesOfTenant: DataLoader<ListKey<Record<string, never>>, Page<LibraryRow>, string>;
}

export function createLoaders(db: Kysely<BookingsDatabase>, viewer: Viewer | null): BookingsLoaders {
  const byIds = <Row extends { id: string }>(action: string, find: (trx: BookingsDb, ids: string[]) => Promise<Row[]>, visible: (row: Row) => boolean) =>
    new DataLoader<string, Row | null>(async (ids) => {
      const existing = existingIdsOnly(ids);
      const rows = viewer && existing.length ? await asViewer(db, viewer, action, (trx) => find(trx, existing)) : [];
      return inKeyOrder(ids, rows.filter(visible), (row) => row.id);
    });

  /** Groups keys by their arguments and runs one windowed query per group. */
  const lists = <Args, Row>(action: string, load: (trx: BookingsDb, parentIds: string[], page: PageRequest, args: Args) => Promise<Page<Row>[]>) =>
    new DataLoader<ListKey<Args>, Page<Row>, string>(
      async (keys) => {
        const groups = new Map<string, ListKey<Args>[]>();
        for (const key of keys) {
          const group = JSON.stringify([key.page, key.args]);
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const pages = new Map<ListKey<Args>, Page<Row>>();
        await asViewer(db, viewer, action, async (trx) => {
          for (const group of groups.values()) {
            const parentIds = [...new Set(group.map((key) => key.parentId))];
            const results = await load(trx, parentIds, group[0]!.page, group[0]!.args);
            for (const key of group) pages.set(key, results[parentIds.indexOf(key.parentId)]!);
          }
        });
        return keys.map((key) => pages.get(key)!);
      },
      { cacheKeyFn: (key) => JSON.stringify(key) },
    );

  return {
    library: byIds('load libraries', findLibrariesByIds, (row) => canSeeTenantRow(viewer, row)),
    seat: byIds('load seats', findSeatsByIds, (row) => canSeeTenantRow(viewer, row)),
    booking: byIds('load bookings', findBookingsByIds, (row) => canSeeBooking(viewer, row)),
    seatsOfLibrary: lists('load seats of libraries', (trx, ids, page, args: { includeInactive: boolean }) => seatsOfLibraries(trx, ids, page, args.includeInactive)),
    bookingsOfUser: lists('load bookings of users', (trx, ids, page, args: { status: BookingStatus | null }) => bookingsOfUsers(trx, ids, args.status, page)),
    librariesOfTenant: lists('load libraries of tenants', (trx, ids, page) => librariesOfTenants(trx, ids, page)),
  };
}
