import { sql, type Kysely } from 'kysely';

// Migrations call these, so they are frozen like migrations: change behaviour by adding a new
// helper, never by editing one that has shipped.

const currentTenant = sql.raw(`nullif(current_setting('app.tenant_id', true), '')::uuid`);

/**
 * Turns on forced row-level security for a table with a `tenant_id` column: the application
 * role sees and writes only the current tenant's rows; the platform role (see `asPlatform`) all.
 */
export async function enableTenantIsolationV1(db: Kysely<any>, table: string): Promise<void> {
  const id = sql.table(table);
  await sql`alter table ${id} enable row level security`.execute(db);
  await sql`alter table ${id} force row level security`.execute(db);
  await sql`create policy tenant_isolation on ${id} to carrel_app
    using (tenant_id = ${currentTenant}) with check (tenant_id = ${currentTenant})`.execute(db);
  await sql`create policy platform_access on ${id} to carrel_platform using (true) with check (true)`.execute(db);
}

/** `tenant_members`, the projection of membership events (`common/membership/tenant-members.ts`). */
export async function createTenantMembersTableV1(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenant_members')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('active', 'boolean', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('tenant_members_pkey', ['tenant_id', 'user_id'])
    .execute();
  await enableTenantIsolationV1(db, 'tenant_members');
}

/** The transactional outbox: events written with the change they describe, relayed afterwards. */
export async function createOutboxTableV1(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('outbox_events')
    .addColumn('id', 'uuid', (col) => col.primaryKey())
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('type', 'text', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('keys', 'jsonb', (col) => col.notNull())
    .addColumn('published_at', 'timestamptz')
    .addColumn('claimed_until', 'timestamptz')
    .execute();
  await sql`create index outbox_events_unpublished on outbox_events (occurred_at, id) where published_at is null`.execute(db);
  await enableTenantIsolationV1(db, 'outbox_events');
}
