import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

/**
 * A projection of the users subgraph's USER_JOINED / USER_DISABLED events: which user ids are
 * active members of a tenant, so staff can book only for their own tenant's people.
 */
export async function up(db: Kysely<any>): Promise<void> {
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

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tenant_members').execute();
}
