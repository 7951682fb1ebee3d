import { sql, type Generated, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { OutboxTables } from '../../../common/events/outbox.js';
import type { TenantMembersTables } from '../../../common/membership/tenant-members.js';
import { newerThan, olderThan, pageOf, pagesByParent, type Page, type PageRequest } from '../../../common/pagination.js';

/** Opening hours as stored: ISO weekday (1 = Monday) and minutes after local midnight. */
export interface StoredOpeningHours {
  weekday: number;
  opens: number;
  closes: number;
}

interface LibrariesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  address: string;
  timezone: string;
  opening_hours: StoredOpeningHours[];
  hourly_price_minor: string | number;
  currency: string;
  slot_minutes: number;
  max_booking_minutes: number;
  cancellation_cutoff_minutes: number;
  check_in_window_minutes: number;
  status: Generated<'OPEN' | 'CLOSED'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

interface SeatsTable {
  id: Generated<string>;
  tenant_id: string;
  library_id: string;
  label: string;
  zone: string | null;
  features: Generated<string[]>;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export type BookingStatus = 'PENDING_PAYMENT' | 'CONFIRMED' | 'CHECKED_IN' | 'CANCELLED' | 'EXPIRED';
/** The statuses in which a booking occupies its seat (the exclusion constraint's). */
export const OCCUPYING: readonly BookingStatus[] = ['PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'];

interface BookingsTable {
  id: Generated<string>;
  tenant_id: string;
  library_id: string;
  seat_id: string;
  user_id: string;
  booked_by: string;
  /** A tstzrange; read through `bookingColumns` as starts_at / ends_at. */
  period: string;
  status: Generated<BookingStatus>;
  price_minor: string | number;
  currency: string;
  created_at: Generated<Date>;
  checked_in_at: Date | null;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
  /** Until when an unpaid PENDING_PAYMENT booking holds its seat. */
  hold_expires_at: Date | null;
}

interface BookingPoliciesTable {
  tenant_id: string;
  payment_required: Generated<boolean>;
  hold_seconds: Generated<number>;
  updated_at: Generated<Date>;
}

export interface BookingsDatabase extends OutboxTables, TenantMembersTables {
  libraries: LibrariesTable;
  seats: SeatsTable;
  bookings: BookingsTable;
  booking_policies: BookingPoliciesTable;
}

export type BookingsDb = Kysely<BookingsDatabase> | Transaction<BookingsDatabase>;
export type LibraryRow = Selectable<LibrariesTable>;
export type NewLibrary = Insertable<LibrariesTable>;
export type LibraryUpdate = Updateable<LibrariesTable>;
export type SeatRow = Selectable<SeatsTable>;
export type NewSeat = Insertable<SeatsTable>;
export type SeatUpdate = Updateable<SeatsTable>;
export type BookingRow = Omit<Selectable<BookingsTable>, 'period'> & { starts_at: Date; ends_at: Date };
export type NewBooking = Omit<Insertable<BookingsTable>, 'period'> & { starts_at: Date; ends_at: Date };
export type BookingPolicyRow = Selectable<BookingPoliciesTable>;
export type BookingPolicyUpdate = Pick<Updateable<BookingPoliciesTable>, 'payment_required' | 'hold_seconds'>;

const START = sql<Date>`lower(period)`;

/** A booking as code reads it, its period as starts_at / ends_at: selected, or returned by a write. */
const BOOKING_COLUMNS = [
  'id', 'tenant_id', 'library_id', 'seat_id', 'user_id', 'booked_by', 'status', 'price_minor', 'currency',
  'created_at', 'checked_in_at', 'cancelled_at', 'cancellation_reason', 'hold_expires_at',
  sql<Date>`lower(period)`.as('starts_at'),
  sql<Date>`upper(period)`.as('ends_at'),
] as const;

function selectBookings(db: BookingsDb) {
  return db.selectFrom('bookings').select(BOOKING_COLUMNS);
}

const bookingPosition = (row: BookingRow) => ({ key: row.starts_at, id: row.id });
const createdPosition = (row: { created_at: Date; id: string }) => ({ key: row.created_at, id: row.id });
const period = (startsAt: Date, endsAt: Date) => sql<string>`tstzrange(${startsAt}, ${endsAt}, '[)')`;

export function findLibrariesByIds(db: BookingsDb, ids: readonly string[]): Promise<LibraryRow[]> {
  return db.selectFrom('libraries').selectAll().where('id', 'in', ids).execute();
}

/** Newest first; one tenant when `tenantId` is given (platform admins), else whatever RLS shows. */
export async function listLibraries(db: BookingsDb, tenantId: string | null, page: PageRequest): Promise<Page<LibraryRow>> {
  let query = db.selectFrom('libraries').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.first + 1);
  if (tenantId) query = query.where('tenant_id', '=', tenantId);
  if (page.after) query = query.where(olderThan(page.after));
  return pageOf(await query.execute(), page.first, createdPosition);
}

/** One page of libraries per tenant, in one statement. */
export async function librariesOfTenants(db: BookingsDb, tenantIds: readonly string[], page: PageRequest): Promise<Page<LibraryRow>[]> {
  const ranked = db
    .selectFrom('libraries')
    .selectAll()
    .select(sql<number>`row_number() over (partition by tenant_id order by created_at desc, id desc)`.as('rank'))
    .where('tenant_id', 'in', tenantIds)
    .$if(page.after !== null, (query) => query.where(olderThan(page.after!)));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return pagesByParent(tenantIds, rows, (row) => row.tenant_id, page.first, createdPosition);
}

export function insertLibrary(db: BookingsDb, library: NewLibrary): Promise<LibraryRow> {
  return db.insertInto('libraries').values({ ...library, opening_hours: JSON.stringify(library.opening_hours) as never }).returningAll().executeTakeFirstOrThrow();
}

export function updateLibrary(db: BookingsDb, id: string, changes: LibraryUpdate): Promise<LibraryRow | undefined> {
  const values = changes.opening_hours ? { ...changes, opening_hours: JSON.stringify(changes.opening_hours) as never } : changes;
  return db.updateTable('libraries').set({ ...values, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirst();
}

export function findSeatsByIds(db: BookingsDb, ids: readonly string[]): Promise<SeatRow[]> {
  return db.selectFrom('seats').selectAll().where('id', 'in', ids).execute();
}

/** One page of seats per library, in label order, in one statement. */
export async function seatsOfLibraries(db: BookingsDb, libraryIds: readonly string[], page: PageRequest, includeInactive: boolean): Promise<Page<SeatRow>[]> {
  const ranked = db
    .selectFrom('seats')
    .selectAll()
    .select(sql<number>`row_number() over (partition by library_id order by label, id)`.as('rank'))
    .where('library_id', 'in', libraryIds)
    .$if(!includeInactive, (query) => query.where('active', '=', true))
    .$if(page.after !== null, (query) => query.where(newerThan(page.after!, sql.ref('label'))));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('label').orderBy('id').execute();
  return pagesByParent(libraryIds, rows, (row) => row.library_id, page.first, (row) => ({ key: row.label, id: row.id }));
}

export function activeSeatsOfLibrary(db: BookingsDb, libraryId: string): Promise<SeatRow[]> {
  return db.selectFrom('seats').selectAll().where('library_id', '=', libraryId).where('active', '=', true).orderBy('label').orderBy('id').execute();
}

export function insertSeats(db: BookingsDb, seats: NewSeat[]): Promise<SeatRow[]> {
  return db.insertInto('seats').values(seats).returningAll().execute();
}

export function updateSeat(db: BookingsDb, id: string, changes: SeatUpdate): Promise<SeatRow | undefined> {
  return db.updateTable('seats').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

/** Seats of `seatIds` with an active booking overlapping `[startsAt, endsAt)`. */
export async function takenSeatIds(db: BookingsDb, seatIds: string[], startsAt: Date, endsAt: Date): Promise<Set<string>> {
  if (seatIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('bookings')
    .select('seat_id')
    .distinct()
    .where('seat_id', 'in', seatIds)
    .where('status', 'in', OCCUPYING)
    .where(sql<boolean>`not (status = 'PENDING_PAYMENT' and hold_expires_at <= now())`)
    .where(sql<boolean>`period && ${period(startsAt, endsAt)}`)
    .execute();
  return new Set(rows.map((row) => row.seat_id));
}

export function findBookingsByIds(db: BookingsDb, ids: readonly string[]): Promise<BookingRow[]> {
  return selectBookings(db).where('id', 'in', ids).execute();
}

export interface BookingListFilter {
  tenantId?: string | null;
  libraryId?: string | null;
  userId?: string | null;
  status?: BookingStatus | null;
  from?: Date | null;
  to?: Date | null;
}

/** Newest start first. */
export async function listBookings(db: BookingsDb, filter: BookingListFilter, page: PageRequest): Promise<Page<BookingRow>> {
  let query = selectBookings(db).orderBy(START, 'desc').orderBy('id', 'desc').limit(page.first + 1);
  if (filter.tenantId) query = query.where('tenant_id', '=', filter.tenantId);
  if (filter.libraryId) query = query.where('library_id', '=', filter.libraryId);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.from || filter.to) {
    query = query.where(sql<boolean>`period && tstzrange(${filter.from ?? null}, ${filter.to ?? null}, '[)')`);
  }
  if (page.after) query = query.where(olderThan(page.after, START));
  return pageOf(await query.execute(), page.first, bookingPosition);
}

/** One page of bookings per user, newest start first, in one statement. */
export async function bookingsOfUsers(db: BookingsDb, userIds: readonly string[], status: BookingStatus | null, page: PageRequest): Promise<Page<BookingRow>[]> {
  const ranked = selectBookings(db)
    .select(sql<number>`row_number() over (partition by user_id order by lower(period) desc, id desc)`.as('rank'))
    .where('user_id', 'in', userIds)
    .$if(status !== null, (query) => query.where('status', '=', status!))
    .$if(page.after !== null, (query) => query.where(olderThan(page.after!, START)));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('starts_at', 'desc').orderBy('id', 'desc').execute();
  return pagesByParent(userIds, rows, (row) => row.user_id, page.first, bookingPosition);
}

export async function insertBooking(db: BookingsDb, booking: NewBooking): Promise<BookingRow> {
  const { starts_at, ends_at, ...columns } = booking;
  return db.insertInto('bookings').values({ ...columns, period: period(starts_at, ends_at) }).returning(BOOKING_COLUMNS).executeTakeFirstOrThrow();
}

/**
 * Changes a booking's status only if `condition` still holds when the row is locked, so two
 * racing state changes cannot both succeed.
 */
export function transitionBooking(
  db: BookingsDb,
  id: string,
  changes: Pick<Updateable<BookingsTable>, 'status' | 'checked_in_at' | 'cancelled_at' | 'cancellation_reason'>,
  condition: { from: readonly BookingStatus[]; userId?: string; startsAfter?: Date; startsBetween?: [Date, Date] },
): Promise<BookingRow | undefined> {
  let query = db.updateTable('bookings').set(changes).where('id', '=', id).where('status', 'in', condition.from);
  if (condition.userId) query = query.where('user_id', '=', condition.userId);
  if (condition.startsAfter) query = query.where(sql<boolean>`lower(period) > ${condition.startsAfter}`);
  if (condition.startsBetween) {
    const [earliest, latest] = condition.startsBetween;
    query = query.where(sql<boolean>`lower(period) between ${earliest} and ${latest}`);
  }
  return query.returning(BOOKING_COLUMNS).executeTakeFirst();
}

/**
 * Ends the unpaid holds whose time is up, of one seat or (for the sweeper, on the platform path)
 * of every tenant. Conditional on the row as locked, so replicas sweeping at once expire each once.
 */
export function expireStaleHolds(db: BookingsDb, scope: { seatId: string } | 'all'): Promise<BookingRow[]> {
  return db
    .updateTable('bookings')
    .set({ status: 'EXPIRED' })
    .where('status', '=', 'PENDING_PAYMENT')
    .where('hold_expires_at', '<=', sql<Date>`now()`)
    .$if(scope !== 'all', (query) => query.where('seat_id', '=', (scope as { seatId: string }).seatId))
    .returning(BOOKING_COLUMNS)
    .execute();
}

/** When the soonest unpaid hold of every tenant runs out, if any is waiting. Platform path only. */
export async function nextHoldExpiry(db: BookingsDb): Promise<Date | null> {
  const row = await db.selectFrom('bookings').select((eb) => eb.fn.min('hold_expires_at').as('next')).where('status', '=', 'PENDING_PAYMENT').executeTakeFirst();
  return row?.next ? new Date(row.next) : null;
}

export type BookingPolicy = Pick<BookingPolicyRow, 'payment_required' | 'hold_seconds'>;
/** A tenant's policy until its owner sets one: bookings confirmed at once. */
export const DEFAULT_BOOKING_POLICY: BookingPolicy = { payment_required: false, hold_seconds: 900 };

/** Each tenant's policy, in the order asked, defaults for tenants whose owner never set one. */
export async function findBookingPolicies(db: BookingsDb, tenantIds: readonly string[]): Promise<BookingPolicy[]> {
  const rows = await db.selectFrom('booking_policies').select(['tenant_id', 'payment_required', 'hold_seconds']).where('tenant_id', 'in', tenantIds).execute();
  const byTenant = new Map(rows.map(({ tenant_id, ...policy }) => [tenant_id, policy]));
  return tenantIds.map((id) => byTenant.get(id) ?? DEFAULT_BOOKING_POLICY);
}

export const findBookingPolicy = async (db: BookingsDb, tenantId: string): Promise<BookingPolicy> => (await findBookingPolicies(db, [tenantId]))[0]!;

export function saveBookingPolicy(db: BookingsDb, tenantId: string, changes: BookingPolicyUpdate): Promise<BookingPolicyRow> {
  return db
    .insertInto('booking_policies')
    .values({ tenant_id: tenantId, ...changes })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...changes, updated_at: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}
