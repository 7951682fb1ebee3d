import { sql, type Kysely } from 'kysely';
import { createOutboxTableV1, enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  // Lets one exclusion constraint compare seat ids (=) and periods (&&) together.
  await sql`create extension if not exists btree_gist`.execute(db);

  await db.schema
    .createTable('libraries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('timezone', 'text', (col) => col.notNull())
    // [{ weekday: 1..7 (ISO), opens: minutes after midnight, closes: minutes after midnight }]
    .addColumn('opening_hours', 'jsonb', (col) => col.notNull())
    .addColumn('hourly_price_minor', 'bigint', (col) => col.notNull().check(sql`hourly_price_minor >= 0`))
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('slot_minutes', 'integer', (col) => col.notNull().check(sql`slot_minutes in (15, 30, 60)`))
    .addColumn('max_booking_minutes', 'integer', (col) => col.notNull().check(sql`max_booking_minutes > 0`))
    .addColumn('cancellation_cutoff_minutes', 'integer', (col) => col.notNull().check(sql`cancellation_cutoff_minutes >= 0`))
    .addColumn('check_in_window_minutes', 'integer', (col) => col.notNull().check(sql`check_in_window_minutes >= 0`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('OPEN').check(sql`status in ('OPEN', 'CLOSED')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('libraries_tenant_id_id', ['tenant_id', 'id'])
    .execute();
  await sql`create index libraries_tenant_created on libraries (tenant_id, created_at desc, id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'libraries');

  await db.schema
    .createTable('seats')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('library_id', 'uuid', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    .addColumn('zone', 'text')
    .addColumn('features', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'`))
    .addColumn('active', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addUniqueConstraint('seats_tenant_id_id', ['tenant_id', 'id'])
    .addUniqueConstraint('seats_library_label', ['library_id', 'label'])
    .addForeignKeyConstraint('seats_library', ['tenant_id', 'library_id'], 'libraries', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolationV1(db, 'seats');

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('library_id', 'uuid', (col) => col.notNull())
    .addColumn('seat_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('booked_by', 'uuid', (col) => col.notNull())
    .addColumn('period', sql`tstzrange`, (col) => col.notNull().check(sql`not isempty(period) and lower_inc(period) and not upper_inc(period)`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('CONFIRMED').check(sql`status in ('CONFIRMED', 'CHECKED_IN', 'CANCELLED')`))
    .addColumn('price_minor', 'bigint', (col) => col.notNull().check(sql`price_minor >= 0`))
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('checked_in_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancellation_reason', 'text')
    .addUniqueConstraint('bookings_tenant_id_id', ['tenant_id', 'id'])
    .addForeignKeyConstraint('bookings_seat', ['tenant_id', 'seat_id'], 'seats', ['tenant_id', 'id'])
    .addForeignKeyConstraint('bookings_library', ['tenant_id', 'library_id'], 'libraries', ['tenant_id', 'id'])
    .addCheckConstraint('bookings_checked_in_recorded', sql`(status = 'CHECKED_IN') = (checked_in_at is not null)`)
    .addCheckConstraint('bookings_cancellation_recorded', sql`(status = 'CANCELLED') = (cancelled_at is not null)`)
    .execute();
  // No double booking: two active bookings of one seat never overlap.
  await sql`alter table bookings add constraint bookings_no_overlap
    exclude using gist (seat_id with =, period with &&) where (status <> 'CANCELLED')`.execute(db);
  await sql`create index bookings_tenant_start on bookings (tenant_id, lower(period) desc, id desc)`.execute(db);
  await sql`create index bookings_user_start on bookings (user_id, lower(period) desc, id desc)`.execute(db);
  await sql`create index bookings_library_start on bookings (library_id, lower(period) desc, id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'bookings');

  await createOutboxTableV1(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox_events', 'bookings', 'seats', 'libraries']) await db.schema.dropTable(table).execute();
}
