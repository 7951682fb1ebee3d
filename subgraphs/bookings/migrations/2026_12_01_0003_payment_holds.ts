import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A booking that must be paid holds its seat as PENDING_PAYMENT until `hold_expires_at`; an
  // unpaid hold becomes EXPIRED, which, like CANCELLED, frees the seat.
  await sql`alter table bookings add column hold_expires_at timestamptz`.execute(db);
  await sql`alter table bookings drop constraint bookings_status_check`.execute(db);
  await sql`alter table bookings add constraint bookings_status_check
    check (status in ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN', 'CANCELLED', 'EXPIRED'))`.execute(db);
  await sql`alter table bookings add constraint bookings_hold_recorded
    check (status <> 'PENDING_PAYMENT' or hold_expires_at is not null)`.execute(db);
  await sql`alter table bookings drop constraint bookings_no_overlap`.execute(db);
  await sql`alter table bookings add constraint bookings_no_overlap
    exclude using gist (seat_id with =, period with &&) where (status in ('PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN'))`.execute(db);
  await sql`create index bookings_holds on bookings (hold_expires_at) where status = 'PENDING_PAYMENT'`.execute(db);

  await db.schema
    .createTable('booking_policies')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey())
    .addColumn('payment_required', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('hold_seconds', 'integer', (col) => col.notNull().defaultTo(900).check(sql`hold_seconds between 5 and 7200`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await enableTenantIsolationV1(db, 'booking_policies');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('booking_policies').execute();
  await sql`drop index bookings_holds`.execute(db);
  await sql`alter table bookings drop constraint bookings_no_overlap`.execute(db);
  await sql`alter table bookings add constraint bookings_no_overlap
    exclude using gist (seat_id with =, period with &&) where (status <> 'CANCELLED')`.execute(db);
  await sql`alter table bookings drop constraint bookings_hold_recorded`.execute(db);
  await sql`alter table bookings drop constraint bookings_status_check`.execute(db);
  await sql`alter table bookings add constraint bookings_status_check check (status in ('CONFIRMED', 'CHECKED_IN', 'CANCELLED'))`.execute(db);
  await sql`alter table bookings drop column hold_expires_at`.execute(db);
}
