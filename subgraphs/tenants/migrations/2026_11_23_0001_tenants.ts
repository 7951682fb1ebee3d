import { sql, type Kysely } from 'kysely';
import { createOutboxTableV1 } from '../../../common/db/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (col) => col.notNull().unique().check(sql`slug ~ '^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$'`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('ACTIVE').check(sql`status in ('ACTIVE', 'SUSPENDED')`))
    .addColumn('plan', 'text', (col) => col.notNull().check(sql`plan in ('STARTER', 'GROWTH', 'ENTERPRISE')`))
    .addColumn('timezone', 'text', (col) => col.notNull())
    .addColumn('currency', 'char(3)', (col) => col.notNull())
    .addColumn('logo_url', 'text')
    .addColumn('primary_color', 'text')
    .addColumn('suspension_reason', 'text')
    .addColumn('suspended_at', 'timestamptz')
    // Millisecond precision: list cursors carry created_at through JavaScript dates.
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('tenants_suspension_recorded', sql`(status = 'SUSPENDED') = (suspended_at is not null)`)
    .execute();
  await sql`create index tenants_created on tenants (created_at desc, id desc)`.execute(db);

  // The tenant row is the tenant: its own id plays the part of tenant_id in the policy.
  await sql`alter table tenants enable row level security`.execute(db);
  await sql`alter table tenants force row level security`.execute(db);
  await sql`create policy tenant_isolation on tenants to carrel_app
    using (id = nullif(current_setting('app.tenant_id', true), '')::uuid)
    with check (id = nullif(current_setting('app.tenant_id', true), '')::uuid)`.execute(db);
  await sql`create policy platform_access on tenants to carrel_platform using (true) with check (true)`.execute(db);

  await createOutboxTableV1(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_events').execute();
  await db.schema.dropTable('tenants').execute();
}
