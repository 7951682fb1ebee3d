import { dropDatabases, testDatabasePrefix, testRunId } from './databases.js';
import { makePGliteTemplates } from './pglite-templates.js';
import { deleteRedisKeys, testRedisPrefix } from './stack.js';

/**
 * Names the run before any worker starts (workers inherit the variable) and, on PGlite, makes the
 * migrated copies their databases start from; afterwards removes the databases and Redis keys of
 * the stacks that test files share and never stop.
 */
export async function setup() {
  testRunId();
  if (!process.env.DATABASE_URL) await makePGliteTemplates();
}

export async function teardown() {
  const ownerUrl = process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL;
  if (ownerUrl) await dropDatabases(ownerUrl, testDatabasePrefix());
  if (process.env.REDIS_URL) await deleteRedisKeys(process.env.REDIS_URL, `${testRedisPrefix()}*`);
}
