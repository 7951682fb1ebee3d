import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  // A payout to a tenant of what its online payments of a period earned it: the platform holds
  // that money until then. Totals are frozen from the payments it took, when it was made.
  await db.schema
    .createTable('settlements')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('period_start', 'timestamptz', (col) => col.notNull())
    .addColumn('period_end', 'timestamptz', (col) => col.notNull())
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('DRAFT').check(sql`status in ('DRAFT', 'APPROVED', 'PAID')`))
    .addColumn('payment_count', 'integer', (col) => col.notNull())
    .addColumn('gross_minor', 'bigint', (col) => col.notNull())
    .addColumn('refunded_minor', 'bigint', (col) => col.notNull())
    .addColumn('gateway_fees_minor', 'bigint', (col) => col.notNull())
    .addColumn('platform_fees_minor', 'bigint', (col) => col.notNull())
    .addColumn('payout_minor', 'bigint', (col) => col.notNull())
    .addColumn('created_by', 'uuid', (col) => col.notNull())
    .addColumn('approved_by', 'uuid')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('paid_by', 'uuid')
    .addColumn('paid_at', 'timestamptz')
    // The bank's reference of the transfer (UTR): one transfer pays one settlement.
    .addColumn('utr', 'text', (col) => col.unique())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addUniqueConstraint('settlements_tenant_id_id', ['tenant_id', 'id'])
    .addCheckConstraint('settlements_period', sql`period_start < period_end`)
    .addCheckConstraint('settlements_payout', sql`payout_minor = gross_minor - refunded_minor - gateway_fees_minor - platform_fees_minor`)
    .addCheckConstraint('settlements_approval_recorded', sql`(status = 'DRAFT') = (approved_at is null)`)
    .addCheckConstraint('settlements_payment_recorded', sql`(status = 'PAID') = (paid_at is not null and utr is not null)`)
    .execute();
  await sql`create index settlements_tenant_created on settlements (tenant_id, created_at desc, id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'settlements');

  // Each payment is paid out in at most one settlement, of its own tenant.
  await sql`alter table payments add column settlement_id uuid`.execute(db);
  await sql`alter table payments add constraint payments_settlement foreign key (tenant_id, settlement_id) references settlements (tenant_id, id)`.execute(db);
  await sql`create index payments_unsettled on payments (tenant_id, succeeded_at) where status = 'SUCCEEDED' and settlement_id is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table payments drop column settlement_id`.execute(db);
  await db.schema.dropTable('settlements').execute();
}
