import { sql, type Kysely } from 'kysely';

/**
 * The private signing key is read only at start, through `asPlatform`: ordinary units of work
 * (and so any injected SQL in one) cannot read it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`revoke all on signing_keys from carrel_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`grant select, insert, update, delete on signing_keys to carrel_app`.execute(db);
}
