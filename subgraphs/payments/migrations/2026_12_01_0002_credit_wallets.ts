import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  // Double-entry: every movement of credits is a debit of one account and a credit of another,
  // so the balances of all accounts of a channel always sum to zero. Each tenant has, per
  // channel, what it may spend (AVAILABLE), what is set aside for sends in progress (RESERVED)
  // and what it has spent (CONSUMED); the platform (no tenant) has its POOL, from which tenants
  // receive credits, and ISSUED, the negative of every credit ever created by a top-up.
  await db.schema
    .createTable('credit_accounts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid')
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('SMS', 'WHATSAPP', 'EMAIL')`))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('AVAILABLE', 'RESERVED', 'CONSUMED', 'POOL', 'ISSUED')`))
    .addColumn('balance', 'bigint', (col) => col.notNull().defaultTo(0))
    .addCheckConstraint('credit_accounts_owner', sql`(tenant_id is null) = (kind in ('POOL', 'ISSUED'))`)
    // No balance below zero but ISSUED's, whatever code runs: the database's wall behind the conditional updates.
    .addCheckConstraint('credit_accounts_never_negative', sql`kind = 'ISSUED' or balance >= 0`)
    .execute();
  await sql`alter table credit_accounts add constraint credit_accounts_one_per_kind unique nulls not distinct (tenant_id, channel, kind)`.execute(db);
  await enableTenantIsolationV1(db, 'credit_accounts');

  await db.schema
    .createTable('credit_movements')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid')
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('TOP_UP', 'GRANT', 'ADJUST', 'RESERVE', 'CAPTURE', 'RELEASE')`))
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount > 0`))
    // What makes a movement happen once: the caller's idempotency key or reference, namespaced by
    // who may use it; a replay finds the movement and, if it asked the same (request_hash), its result.
    .addColumn('reference', 'text', (col) => col.notNull().unique())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('reservation_id', 'uuid')
    // A user id, or `service:<name>` for another Carrel service.
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .execute();
  await enableTenantIsolationV1(db, 'credit_movements');

  await db.schema
    .createTable('credit_entries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid')
    .addColumn('movement_id', 'uuid', (col) => col.notNull().references('credit_movements.id'))
    .addColumn('account_id', 'uuid', (col) => col.notNull().references('credit_accounts.id'))
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount <> 0`))
    .addColumn('balance_after', 'bigint', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .execute();
  await sql`create index credit_entries_account on credit_entries (account_id, created_at desc, id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'credit_entries');

  // Credits set aside for a send in progress, captured as delivered or released as failed.
  await db.schema
    .createTable('credit_reservations')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull())
    .addColumn('reference', 'text', (col) => col.notNull())
    .addColumn('amount', 'bigint', (col) => col.notNull().check(sql`amount > 0`))
    .addColumn('captured', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('released', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addCheckConstraint('credit_reservations_settled_within', sql`captured >= 0 and released >= 0 and captured + released <= amount`)
    .addUniqueConstraint('credit_reservations_reference', ['tenant_id', 'reference'])
    .execute();
  await enableTenantIsolationV1(db, 'credit_reservations');

  // The ledger is append-only for the services: a balance can be explained by its entries forever.
  await sql`revoke update, delete on credit_movements, credit_entries from carrel_app, carrel_platform`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['credit_reservations', 'credit_entries', 'credit_movements', 'credit_accounts']) await db.schema.dropTable(table).execute();
}
