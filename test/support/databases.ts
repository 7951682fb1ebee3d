import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DEFAULT_STATEMENT_TIMEOUT_MS, type DatabaseConfig, type Env } from '../../common/config.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';

/**
 * Where a test stack keeps its data: a fresh PostgreSQL database per stack when DATABASE_URL is
 * set (CI), otherwise in-memory PGlite. DATABASE_URL connects as the application role and
 * DATABASE_MIGRATION_URL as a role that may create databases.
 */
export interface TestDatabases {
  /** For a test that opens a subgraph's database itself. */
  config: (service: string) => DatabaseConfig;
  /** The same, as the variables a stack's services read. */
  env: Env;
  drop(): Promise<void>;
}

/** Names this run's databases and Redis keys, so the global teardown finds what stacks left. */
export const testRunId = () => (process.env.CARREL_TEST_RUN ??= randomBytes(3).toString('hex'));
export const testDatabasePrefix = () => `carrel_test_${testRunId()}_`;

/**
 * A developer's `<NAME>_DATABASE_URL` would win over the test database and receive its tenants:
 * test stacks set every subgraph's to nothing.
 */
const noSubgraphDatabases: Env = Object.fromEntries(SUBGRAPHS.flatMap(({ name }) => [`${name.toUpperCase()}_DATABASE_URL`, `${name.toUpperCase()}_DATABASE_MIGRATION_URL`].map((variable) => [variable, undefined])));

export async function createTestDatabases(): Promise<TestDatabases> {
  const appUrl = process.env.DATABASE_URL;
  if (!appUrl) return { config: () => ({ kind: 'pglite', dataDir: undefined }), env: { ...noSubgraphDatabases, CARREL_DATA_DIR: ':memory:' }, drop: async () => {} };

  const ownerUrl = process.env.DATABASE_MIGRATION_URL ?? appUrl;
  const name = `${testDatabasePrefix()}${randomBytes(6).toString('hex')}`;
  await withClient(ownerUrl, (client) => client.query(`create database ${name}`));
  const inDatabase = (url: string) => {
    const parsed = new URL(url);
    parsed.pathname = `/${name}`;
    return parsed.href;
  };
  return {
    config: (service) => ({ kind: 'postgres', url: inDatabase(appUrl), migrationUrl: inDatabase(ownerUrl), schema: service, statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS }),
    env: { ...noSubgraphDatabases, DATABASE_URL: inDatabase(appUrl), DATABASE_MIGRATION_URL: inDatabase(ownerUrl) },
    drop: () => dropDatabases(ownerUrl, name),
  };
}

/** Drops the databases whose names start with `prefix`, closing whatever connections they have. */
export async function dropDatabases(ownerUrl: string, prefix: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
