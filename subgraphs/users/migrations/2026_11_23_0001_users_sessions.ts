import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid')
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('STUDENT', 'STAFF', 'OWNER', 'PLATFORM_ADMIN')`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('ACTIVE').check(sql`status in ('ACTIVE', 'DISABLED')`))
    .addColumn('password_hash', 'text', (col) => col.notNull())
    // Millisecond precision: list cursors carry created_at through JavaScript dates.
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('users_tenant_id_id', ['tenant_id', 'id'])
    .addCheckConstraint('users_platform_admins_have_no_tenant', sql`(role = 'PLATFORM_ADMIN') = (tenant_id is null)`)
    .execute();
  await sql`create unique index users_tenant_email on users (tenant_id, lower(email)) where tenant_id is not null`.execute(db);
  await sql`create unique index users_platform_email on users (lower(email)) where tenant_id is null`.execute(db);
  await sql`create index users_tenant_created on users (tenant_id, created_at desc, id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'users');

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid')
    .addColumn('user_id', 'uuid', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text')
    .addUniqueConstraint('sessions_tenant_id_id', ['tenant_id', 'id'])
    .addForeignKeyConstraint('sessions_tenant_user', ['tenant_id', 'user_id'], 'users', ['tenant_id', 'id'])
    .execute();
  await sql`create index sessions_user on sessions (user_id)`.execute(db);
  await enableTenantIsolationV1(db, 'sessions');

  await db.schema
    .createTable('refresh_tokens')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid')
    .addColumn('session_id', 'uuid', (col) => col.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('refresh_tokens_tenant_session', ['tenant_id', 'session_id'], 'sessions', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolationV1(db, 'refresh_tokens');

  // A projection of the tenants subgraph's TENANT_* events: which slugs exist and whether they are
  // suspended. Anyone may read it (it is what `tenantBySlug` shows); only the platform role writes.
  await db.schema
    .createTable('tenant_directory')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey())
    .addColumn('slug', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('ACTIVE', 'SUSPENDED')`))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table tenant_directory enable row level security`.execute(db);
  await sql`alter table tenant_directory force row level security`.execute(db);
  await sql`create policy directory_read on tenant_directory for select to carrel_app using (true)`.execute(db);
  await sql`create policy platform_access on tenant_directory to carrel_platform using (true) with check (true)`.execute(db);

  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', (col) => col.primaryKey())
    .addColumn('private_jwk', 'jsonb', (col) => col.notNull())
    .addColumn('public_jwk', 'jsonb', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['signing_keys', 'tenant_directory', 'refresh_tokens', 'sessions', 'users']) {
    await db.schema.dropTable(table).execute();
  }
}
