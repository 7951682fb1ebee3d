import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

export async function up(db: Kysely<any>): Promise<void> {
  // A tenant's choices about its payments; a tenant without a row has the defaults.
  await db.schema
    .createTable('payment_policies')
    .addColumn('tenant_id', 'uuid', (col) => col.primaryKey())
    .addColumn('refund_on_cancellation', 'boolean', (col) => col.notNull().defaultTo(true))
    .addColumn('updated_by', 'uuid', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await enableTenantIsolationV1(db, 'payment_policies');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('payment_policies').execute();
}
