import { sql, type Kysely } from 'kysely';
import { createOutboxTableV1, enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('payments')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('booking_id', 'uuid', (col) => col.notNull())
    .addColumn('library_id', 'uuid', (col) => col.notNull())
    // Who owes it (the booking's student) and who started it (the student, or staff at the desk).
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull().check(sql`method in ('ONLINE', 'CASH', 'CARD')`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('PENDING', 'SUCCEEDED', 'FAILED')`))
    .addColumn('amount_minor', 'bigint', (col) => col.notNull().check(sql`amount_minor > 0`))
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('refunded_minor', 'bigint', (col) => col.notNull().defaultTo(0))
    // Frozen when the payment succeeds: what the gateway kept, the platform's cut, the tenant's rest.
    .addColumn('platform_fee_bps', 'integer')
    .addColumn('gateway_fee_minor', 'bigint')
    .addColumn('platform_fee_minor', 'bigint')
    .addColumn('net_minor', 'bigint')
    .addColumn('provider', 'text')
    .addColumn('provider_ref', 'text')
    .addColumn('client_secret', 'text')
    .addColumn('checkout_url', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('succeeded_at', 'timestamptz')
    .addUniqueConstraint('payments_tenant_id_id', ['tenant_id', 'id'])
    // Refunds never exceed what was paid, however many race.
    .addCheckConstraint('payments_refund_within_amount', sql`refunded_minor >= 0 and refunded_minor <= amount_minor`)
    .addCheckConstraint('payments_refunds_only_when_paid', sql`refunded_minor = 0 or status = 'SUCCEEDED'`)
    .addCheckConstraint(
      'payments_success_recorded',
      sql`(status = 'SUCCEEDED') = (succeeded_at is not null and net_minor is not null)
        and (net_minor is null or net_minor = amount_minor - gateway_fee_minor - platform_fee_minor)`,
    )
    .addCheckConstraint('payments_online_has_provider', sql`(method = 'ONLINE') = (provider is not null)`)
    .execute();
  // At most one successful payment per booking, and one in progress: the database decides, not code.
  await sql`create unique index payments_one_success_per_booking on payments (booking_id) where status = 'SUCCEEDED'`.execute(db);
  await sql`create unique index payments_one_pending_per_booking on payments (booking_id) where status = 'PENDING'`.execute(db);
  await sql`create unique index payments_provider_ref on payments (provider, provider_ref)`.execute(db);
  await sql`create index payments_tenant_created on payments (tenant_id, created_at desc, id desc)`.execute(db);
  await sql`create index payments_user_created on payments (user_id, created_at desc, id desc)`.execute(db);
  await sql`create index payments_tenant_succeeded on payments (tenant_id, succeeded_at) where status = 'SUCCEEDED'`.execute(db);
  await enableTenantIsolationV1(db, 'payments');

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('payment_id', 'uuid', (col) => col.notNull())
    .addColumn('amount_minor', 'bigint', (col) => col.notNull().check(sql`amount_minor > 0`))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('PENDING', 'SUCCEEDED', 'FAILED')`))
    .addColumn('reason', 'text', (col) => col.notNull())
    // A user id, or `system:<process>` for refunds the platform makes itself (a cancelled booking).
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('provider_refund_ref', 'text')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('completed_at', 'timestamptz')
    .addForeignKeyConstraint('refunds_payment', ['tenant_id', 'payment_id'], 'payments', ['tenant_id', 'id'])
    .execute();
  await sql`create index refunds_payment on refunds (payment_id, created_at)`.execute(db);
  await sql`create index refunds_tenant_created on refunds (tenant_id, created_at)`.execute(db);
  await enableTenantIsolationV1(db, 'refunds');

  // A mutation that moves money runs once per (tenant, actor, key); a replay gets its first result.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('operation', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('result_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['tenant_id', 'actor', 'key'])
    .execute();
  await enableTenantIsolationV1(db, 'idempotency_keys');

  // Every webhook delivery we acted on, so a redelivery is acknowledged and changes nothing.
  await db.schema
    .createTable('provider_events')
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('event_id', 'text', (col) => col.notNull())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('payment_id', 'uuid')
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('provider_events_pkey', ['provider', 'event_id'])
    .execute();
  await enableTenantIsolationV1(db, 'provider_events');

  await createOutboxTableV1(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox_events', 'provider_events', 'idempotency_keys', 'refunds', 'payments']) await db.schema.dropTable(table).execute();
}
