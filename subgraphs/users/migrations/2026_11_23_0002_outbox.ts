import type { Kysely } from 'kysely';
import { createOutboxTableV1 } from '../../../common/db/migration-helpers.js';

/** Membership events (USER_JOINED, USER_DISABLED) for subgraphs that need to know who belongs to a tenant. */
export async function up(db: Kysely<any>): Promise<void> {
  await createOutboxTableV1(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_events').execute();
}
