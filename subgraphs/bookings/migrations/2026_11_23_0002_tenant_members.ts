import type { Kysely } from 'kysely';
import { createTenantMembersTableV1 } from '../../../common/db/migration-helpers.js';

/**
 * A projection of the users subgraph's USER_JOINED / USER_DISABLED events: which user ids are
 * active members of a tenant, so staff can book only for their own tenant's people.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await createTenantMembersTableV1(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('tenant_members').execute();
}
