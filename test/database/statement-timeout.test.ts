import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnv, readConfig } from '../../common/config.js';
import { openDatabase } from '../../common/db/database.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { createTestDatabases, type TestDatabases } from '../support/databases.js';

/**
 * A statement the router has given up on is cancelled by PostgreSQL, not left holding a
 * connection. PGlite runs one statement at a time in the process and has no timeout to set.
 */
describe.runIf(Boolean(process.env.DATABASE_URL))('a subgraph database statement past DATABASE_STATEMENT_TIMEOUT_MS', () => {
  let databases: TestDatabases;
  let db: Kysely<any>;
  beforeAll(async () => {
    databases = await createTestDatabases();
    const { name, manifest } = SUBGRAPHS[0]!;
    const config = readConfig(databaseEnv(name), { ...databases.env, DATABASE_STATEMENT_TIMEOUT_MS: '300' });
    db = await openDatabase({ service: name, config, migrations: (await manifest()).default.migrations, maxConnections: 1 });
  });
  afterAll(async () => {
    await db?.destroy();
    await databases?.drop();
  });

  it('is cancelled (57014), and the connection serves the next statement', async () => {
    const started = performance.now();
    await expect(sql`select pg_sleep(5)`.execute(db)).rejects.toMatchObject({ code: '57014' });
    expect(performance.now() - started).toBeLessThan(3_000);
    expect((await sql<{ one: number }>`select 1 as one`.execute(db)).rows).toEqual([{ one: 1 }]);
  });
});
