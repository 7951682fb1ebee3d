import { sql, type Kysely } from 'kysely';
import { createOutboxTableV1, enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('items')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    // Millisecond precision: list cursors carry created_at through JavaScript dates.
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`date_trunc('milliseconds', now())`))
    .addUniqueConstraint('items_tenant_id_id', ['tenant_id', 'id'])
    .execute();
  await sql`create index items_tenant_created on items (tenant_id, created_at desc, id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'items');
  await createOutboxTableV1(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_events').execute();
  await db.schema.dropTable('items').execute();
}
