import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { Kysely, Migrator, PostgresDialect, type LogEvent, type Migration } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { logger } from '../logger.js';
import { sqlStatements } from '../metrics.js';
import { recordStatement } from '../telemetry/spans.js';
import { PGliteDialect } from './pglite-pool.js';
import { PipelinedPostgresDialect } from './pipelined-postgres.js';
import { discardTemplate, findTemplate, keepTemplate, templateKey } from './pglite-templates.js';
import { assertApplicationRole, prepareSchema } from './roles.js';

// timestamptz and bigint arrive as strings from pg; keep int8 as string (money may exceed 2^53)
// and let DateTime scalars parse timestamps.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => new Date(value));

/**
 * Contrib extensions migrations may create. PostgreSQL packages ship them; PGlite needs each one
 * handed over as a module. btree_gist: exclusion constraints over an id and a range (seat = and period &&).
 */
const PGLITE_EXTENSIONS = { btree_gist };
/**
 * PostgreSQL's default 128 MB of shared buffers, which PGlite sets up in its WebAssembly memory at
 * every start, took half of a database's start (about 1 s of CPU, against 0.5–0.7 s with 32 MB)
 * and 128 MB of memory per service. The pages it caches already sit in PGlite's in-memory files;
 * the revenue summary over 120,000 payments answers as fast either way (docs/performance.md).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export interface OpenDatabaseOptions {
  /** Labels this database's metrics. */
  service?: string;
  config: DatabaseConfig;
  migrations: Record<string, Migration>;
  /** Pool size on PostgreSQL. */
  maxConnections?: number;
}

/**
 * Opens a subgraph's database, migrated to the latest version, as a Kysely instance connected as
 * the application role. The same code serves PGlite (embedded default) and PostgreSQL.
 */
export async function openDatabase<DB>({ service = 'unnamed', config, migrations, maxConnections = 10 }: OpenDatabaseOptions): Promise<Kysely<DB>> {
  if (config.kind === 'pglite') return openPGlite<DB>(service, config.dataDir, migrations);

  const owner = new Kysely<any>({ dialect: new PostgresDialect({ pool: postgresPool(config.migrationUrl, config.schema, 2, 0, false) }) });
  try {
    await prepareSchema(owner, config.schema);
    await migrate(owner, migrations, config.schema);
  } finally {
    await owner.destroy();
  }
  const db = new Kysely<DB>({ dialect: new PipelinedPostgresDialect(postgresPool(config.url, config.schema, maxConnections, config.statementTimeoutMs, true)), log: observeStatements(service) });
  try {
    await assertApplicationRole(db, config.schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * A PGlite database, in memory (tests) or in `dataDir`. A new one starts from a copy of one of the
 * same service already migrated (`pglite-templates.ts`), else from a copy of a database fresh from
 * initdb, which every service's first database shares; an existing data directory opens as it is.
 */
async function openPGlite<DB>(service: string, dataDir: string | undefined, migrations: Record<string, Migration>): Promise<Kysely<DB>> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const fresh = !dataDir || !existsSync(join(dataDir, 'PG_VERSION'));
  const migratedKey = templateKey(service, migrations);
  const blankKey = templateKey('initdb', {});
  const migrated = fresh ? await findTemplate(migratedKey) : undefined;
  const blank = fresh && !migrated ? await findTemplate(blankKey) : undefined;
  // 1 MB WAL segments rather than 16: a copy of the database carries one, and is loaded by every new database.
  const create = (loadDataDir?: Blob) => PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : { initDbStartParams: ['--wal-segsize=1'] }), startParams: PGLITE_START_PARAMS, extensions: PGLITE_EXTENSIONS });
  let pglite: PGlite;
  try {
    pglite = await create(migrated ?? blank);
  } catch (error) {
    if (!migrated && !blank) throw error;
    logger.warn({ err: error, service }, 'a PGlite template would not load; making the database from scratch');
    await discardTemplate(migrated ? migratedKey : blankKey);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    pglite = await create();
  }
  if (fresh && !migrated && !blank) await keepTemplate(blankKey, pglite);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), log: observeStatements(service) });
  await prepareSchema(db, 'public');
  await migrate(db, migrations, 'public');
  if (fresh && !migrated) await keepTemplate(migratedKey, pglite);
  return db;
}

/**
 * Every statement, failed ones included, counts toward `carrel_sql_statements_total`, and is a
 * span of the traced request that ran it.
 */
function observeStatements(service: string) {
  const counter = sqlStatements.labels(service);
  return (event: LogEvent) => {
    counter.inc();
    recordStatement(service, event.query.sql, event.queryDurationMillis, event.level === 'error' ? event.error : undefined);
  };
}

/**
 * A pool whose sessions use the subgraph's schema and cancel statements past the timeout (0:
 * never); `pipeline` for the application's connections (see pipelined-postgres.ts).
 */
function postgresPool(connectionString: string, schema: string, max: number, statementTimeoutMs: number, pipeline: boolean) {
  const pool = new pg.Pool({ connectionString, max, options: `-c search_path=${schema} -c statement_timeout=${statementTimeoutMs}`, pipeline });
  // An idle pooled connection dropped by the server (restart, failover, proxy timeout) is
  // replaced on next use; without a listener node would treat the error as fatal.
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection lost'));
  return pool;
}

async function migrate(db: Kysely<any>, migrations: Record<string, Migration>, schema: string) {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${(error as Error).message}`, { cause: error });
  }
}
