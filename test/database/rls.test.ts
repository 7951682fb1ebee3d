import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql, type Kysely, type Migration, type Transaction } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../common/db/database.js';
import { APP_ROLE, PLATFORM_ROLE } from '../../common/db/roles.js';
import { asPlatform, inTenant, withoutTenant } from '../../common/db/scope.js';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/index.js';
import { createTestDatabases, type TestDatabases } from '../support/databases.js';
import type { RlsSeeds } from '../support/rls-kit.js';
import { createMember, createTenant, loginAdmin, registerStudent } from '../support/seed-kit.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Row-level security seen from the database itself, beneath every resolver: the tables to check are
 * found in the catalog, so a table added by any subgraph's migration is covered without a word here.
 */

const onPostgres = Boolean(process.env.DATABASE_URL);
const TEST_ACTOR = { actor: 'system:rls-test', action: 'seed and inspect test rows' };

interface Table {
  subgraph: SubgraphName;
  schema: string;
  name: string;
  /** `tenant_id`, or `id` for the tenants table, whose row is the tenant. */
  tenantColumn: string;
  columns: string[];
}

interface Tenants {
  a: string;
  b: string;
}

let databases: TestDatabases;
const dbs = {} as Record<SubgraphName, Kysely<any>>;
let stack: TestStack | undefined;
let tables: Table[] = [];
const seeded: Tenants = { a: randomUUID(), b: randomUUID() };
let madeThroughApi: Tenants | undefined;

const qualified = (table: Table) => sql.table(`${table.schema}.${table.name}`);
const column = (table: Table) => sql.ref(table.tenantColumn);

/** Each subgraph's seeds, from its own `test/rls.seeds.ts`; a subgraph without one is reported below. */
const seedsOf = new Map<SubgraphName, RlsSeeds>();
const withoutSeeds: string[] = [];
for (const { name } of SUBGRAPHS) {
  if (!existsSync(new URL(`../../subgraphs/${name}/test/rls.seeds.ts`, import.meta.url))) {
    withoutSeeds.push(name);
    continue;
  }
  seedsOf.set(name, ((await import(`../../subgraphs/${name}/test/rls.seeds.ts`)) as { default: RlsSeeds }).default);
}

/** Tables whose rows every tenant may read by design, as their subgraphs declare them. */
const appendOnly = Object.assign({}, ...[...seedsOf.values()].map((seeds) => seeds.appendOnly ?? {})) as NonNullable<RlsSeeds['appendOnly']>;
const readableByEveryTenant = Object.assign({}, ...[...seedsOf.values()].map((seeds) => seeds.readableByEveryTenant ?? {})) as NonNullable<RlsSeeds['readableByEveryTenant']>;

async function migrationsOf(subgraph: SubgraphName): Promise<Record<string, Migration>> {
  return (await SUBGRAPHS.find((entry) => entry.name === subgraph)!.manifest()).default.migrations;
}

/** Tables, views and materialized views of every schema the connection can see, from the catalog. */
async function catalogOf(db: Kysely<any>) {
  const { rows } = await sql<{
    schema: string;
    name: string;
    kind: string;
    rowSecurity: boolean;
    forceRowSecurity: boolean;
    options: string[] | null;
    columns: string[];
    current: boolean;
  }>`
    select n.nspname as schema, c.relname as name, c.relkind::text as kind,
      c.relrowsecurity as "rowSecurity", c.relforcerowsecurity as "forceRowSecurity", c.reloptions as options,
      array(select a.attname::text from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped order by a.attnum) as columns,
      n.nspname = current_schema() as current
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p', 'v', 'm')
      and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'
    order by 1, 2`.execute(db);
  return rows;
}

const isTenantTable = (relation: { name: string; columns: string[] }) => relation.columns.includes('tenant_id') || relation.name === 'tenants';

type Scope = <T>(work: (trx: Transaction<any>) => Promise<T>) => Promise<T>;
const tenantScope = (db: Kysely<any>, tenantId: string): Scope => (work) => inTenant(db, tenantId, work);
const noTenantScope = (db: Kysely<any>): Scope => (work) => withoutTenant(db, work);

class RolledBack extends Error {
  constructor(readonly value: unknown) {
    super('rolled back on purpose');
  }
}

/**
 * Runs a write in a scope and always rolls it back, so a write the policies wrongly let through
 * changes nothing for the checks after it. Gives the work's value, or the SQLSTATE it failed with.
 */
async function probe<T>(scope: Scope, work: (trx: Transaction<any>) => Promise<T>): Promise<{ value: T } | { sqlState: string }> {
  try {
    await scope(async (trx) => {
      throw new RolledBack(await work(trx));
    });
    throw new Error('unreachable');
  } catch (error) {
    if (error instanceof RolledBack) return { value: error.value as T };
    return { sqlState: (error as { code?: string }).code ?? `no SQLSTATE: ${(error as Error).message}` };
  }
}
const RLS_VIOLATION = '42501';

/** A row of the tenant, as JSON, read on the audited platform path. */
async function copyOfRow(table: Table, tenantId: string): Promise<string | undefined> {
  return asPlatform(dbs[table.subgraph], TEST_ACTOR, async (trx) =>
    (await sql<{ row: string }>`select row_to_json(t)::text as row from ${qualified(table)} t where ${column(table)} = ${tenantId}::uuid limit 1`.execute(trx)).rows[0]?.row,
  );
}

/** Inserts an exact copy of another tenant's row: only the policy stands between it and the table. */
async function insertCopy(table: Table, scope: Scope, copy: string | undefined): Promise<string> {
  if (!copy) return 'no row to copy';
  const result = await probe(scope, (trx) => sql`insert into ${qualified(table)} select * from json_populate_record(null::${qualified(table)}, ${copy}::json)`.execute(trx));
  return 'sqlState' in result ? result.sqlState : 'inserted';
}

/** `select *` with no WHERE: whatever the scope's policies let through. */
async function rowsOf(table: Table, scope: Scope) {
  return scope(async (trx) => (await sql<Record<string, unknown>>`select * from ${qualified(table)}`.execute(trx)).rows);
}
const platformScope = (db: Kysely<any>): Scope => (work) => asPlatform(db, TEST_ACTOR, work);

beforeAll(async () => {
  databases = await createTestDatabases();
  for (const { name } of SUBGRAPHS) {
    dbs[name] = await openDatabase({ service: name, config: databases.config(name), migrations: await migrationsOf(name), maxConnections: 2 });
  }

  // On PostgreSQL a supergraph can share these databases, so rows made through the API are inspected
  // too. PGlite lives inside the process that opened it; there the seeded rows must do.
  if (onPostgres) {
    stack = await startTestStack({ databases });
    const admin = await loginAdmin(stack.graphqlUrl);
    const tenantWithMembers = async () => {
      const tenant = await createTenant(stack!.graphqlUrl, admin);
      await createMember(stack!.graphqlUrl, tenant.owner, tenant.id, tenant.slug, 'STAFF');
      const student = await registerStudent(stack!.graphqlUrl, tenant.slug);
      for (const seeds of seedsOf.values()) await seeds.throughApi?.(stack!, tenant, student);
      return tenant.id;
    };
    madeThroughApi = { a: await tenantWithMembers(), b: await tenantWithMembers() };
  }

  for (const { name } of SUBGRAPHS) {
    await asPlatform(dbs[name], TEST_ACTOR, async (trx) => {
      for (const tenantId of [seeded.a, seeded.b]) await seedsOf.get(name)?.seedTenant(trx, tenantId);
      await seedsOf.get(name)?.seedPlatform?.(trx);
    });
  }

  for (const { name } of SUBGRAPHS) {
    for (const relation of await catalogOf(dbs[name])) {
      if (!relation.current || (relation.kind !== 'r' && relation.kind !== 'p') || !isTenantTable(relation)) continue;
      const tenantColumn = relation.columns.includes('tenant_id') ? 'tenant_id' : 'id';
      tables.push({ subgraph: name, schema: relation.schema, name: relation.name, tenantColumn, columns: relation.columns });
    }
  }
});

afterAll(async () => {
  await stack?.stop();
  for (const db of Object.values(dbs)) await db.destroy();
  await databases?.drop();
});

describe('the catalog', () => {
  it('finds exactly the tenant tables each subgraph’s seeds list, and seeds come from every subgraph', () => {
    expect(withoutSeeds, 'Add test/rls.seeds.ts to these subgraphs').toEqual([]);
    const found = tables.map((table) => `${table.subgraph}.${table.name}`).sort();
    const listed = [...seedsOf].flatMap(([name, seeds]) => seeds.tenantTables.map((table) => `${name}.${table}`)).sort();
    expect(found, 'A tenant table no subgraph lists, or one listed that does not exist: update the subgraph’s test/rls.seeds.ts').toEqual(listed);
  });

  it('has row-level security enabled and forced on every table with tenant_id, and on tenants', async () => {
    const lacking = new Set<string>();
    for (const { name } of SUBGRAPHS) {
      for (const relation of await catalogOf(dbs[name])) {
        if (!isTenantTable(relation)) continue;
        const label = `${relation.schema}.${relation.name}`;
        if (relation.kind === 'r' || relation.kind === 'p') {
          if (!relation.rowSecurity) lacking.add(`${label} (row security not enabled)`);
          if (!relation.forceRowSecurity) lacking.add(`${label} (row security not forced)`);
        } else if (relation.kind === 'v') {
          // A view reads with its owner's rights, past every policy, unless it is a security invoker.
          if (!relation.options?.some((option) => /^security_invoker=(true|on|1|yes)$/i.test(option))) lacking.add(`${label} (view without security_invoker)`);
        } else {
          lacking.add(`${label} (materialized view: row security cannot apply)`);
        }
      }
    }
    expect([...lacking]).toEqual([]);
  });

  it('lets the application role switch to the platform role without holding its policies implicitly', async () => {
    // A policy `to carrel_platform` applies to every role that inherits it: inheriting would show every tenant to every unit of work.
    for (const { name } of SUBGRAPHS) {
      const { rows } = await sql<{ member: boolean; inherits: boolean }>`
        select pg_has_role(${sql.lit(APP_ROLE)}, ${sql.lit(PLATFORM_ROLE)}, 'MEMBER') as member,
               pg_has_role(${sql.lit(APP_ROLE)}, ${sql.lit(PLATFORM_ROLE)}, 'USAGE') as inherits`.execute(dbs[name]);
      expect(rows[0], name).toEqual({ member: true, inherits: false });
    }
  });

  it('has test rows of both tenants in every tenant table, so no check below passes on an empty table', async () => {
    const empty: string[] = [];
    for (const table of tables) {
      const rows = await rowsOf(table, platformScope(dbs[table.subgraph]));
      for (const [label, tenantId] of Object.entries(seeded)) {
        if (!rows.some((row) => row[table.tenantColumn] === tenantId)) empty.push(`${table.name} has no row of seeded tenant ${label}: add one to the seeds`);
      }
    }
    expect(empty).toEqual([]);
  });

  it('lists only existing tables as readable by every tenant, with no columns beyond the agreed ones', () => {
    const problems = Object.entries(readableByEveryTenant).flatMap(([name, { columns }]) => {
      const table = tables.find((candidate) => candidate.name === name);
      if (!table) return [`${name} is no tenant table any more`];
      const extra = table.columns.filter((candidate) => !columns.includes(candidate));
      return extra.length ? [`${name} gained ${extra.join(', ')}`] : [];
    });
    expect(problems).toEqual([]);
  });
});

describe.each([
  ['seeded tenants', () => seeded],
  ...(onPostgres ? [['tenants made through the API', () => madeThroughApi!] as const] : []),
] as const)('%s', (_label, tenantsOf) => {
  it('a unit of work in tenant A reads only A’s rows from every tenant table, with no WHERE', async () => {
    const { a } = tenantsOf();
    const leaks: string[] = [];
    for (const table of tables) {
      if (readableByEveryTenant[table.name]) continue;
      const rows = await rowsOf(table, tenantScope(dbs[table.subgraph], a));
      const foreign = rows.filter((row) => row[table.tenantColumn] !== a);
      if (foreign.length > 0) leaks.push(`${table.name}: ${foreign.length} row(s) of ${[...new Set(foreign.map((row) => String(row[table.tenantColumn])))].join(', ')}`);
      if (rows.length === 0) leaks.push(`${table.name}: not even A's own rows, so the check proves nothing`);
    }
    expect(leaks).toEqual([]);
  });

  it('a unit of work in tenant A cannot write a row of tenant B into any tenant table', async () => {
    const { a, b } = tenantsOf();
    const accepted: string[] = [];
    for (const table of tables) {
      const result = await insertCopy(table, tenantScope(dbs[table.subgraph], a), await copyOfRow(table, b));
      if (result !== RLS_VIOLATION) accepted.push(`${table.name}: ${result}`);
    }
    expect(accepted).toEqual([]);
  });

  it('a unit of work in tenant A cannot move one of its rows into tenant B', async () => {
    const { a, b } = tenantsOf();
    const moved: string[] = [];
    for (const table of tables) {
      const result = await probe(tenantScope(dbs[table.subgraph], a), async (trx) => {
        const { numAffectedRows } = await sql`
          update ${qualified(table)} set ${column(table)} = ${b}::uuid
          where ctid = (select ctid from ${qualified(table)} where ${column(table)} = ${a}::uuid limit 1)`.execute(trx);
        return Number(numAffectedRows ?? 0n);
      });
      // Refused outright, or (where A may only read) no row of A's was even offered for update.
      const refused = 'sqlState' in result ? result.sqlState === RLS_VIOLATION : result.value === 0 && Boolean(readableByEveryTenant[table.name]);
      if (!refused) moved.push(`${table.name}: ${'sqlState' in result ? result.sqlState : `${result.value} row(s) moved`}`);
    }
    expect(moved).toEqual([]);
  });

  it('a unit of work in tenant A changes and deletes none of B’s rows', async () => {
    const { a, b } = tenantsOf();
    const touched: string[] = [];
    for (const table of tables) {
      const rowsOfB = await asPlatform(dbs[table.subgraph], TEST_ACTOR, async (trx) =>
        (await sql<{ n: number }>`select count(*)::int as n from ${qualified(table)} where ${column(table)} = ${b}::uuid`.execute(trx)).rows[0]!.n,
      );
      const result = await probe(tenantScope(dbs[table.subgraph], a), async (trx) => {
        const updated = await sql`update ${qualified(table)} set ${column(table)} = ${column(table)} where ${column(table)} = ${b}::uuid`.execute(trx);
        const deleted = await sql`delete from ${qualified(table)} where ${column(table)} = ${b}::uuid`.execute(trx);
        return `${updated.numAffectedRows ?? 0n} updated, ${deleted.numAffectedRows ?? 0n} deleted`;
      });
      const outcome = 'sqlState' in result ? `failed with ${result.sqlState}` : result.value;
      // An append-only table refuses the statements themselves, before any policy is asked.
      const untouched = appendOnly[table.name] ? `failed with ${RLS_VIOLATION}` : '0 updated, 0 deleted';
      if (rowsOfB === 0 || outcome !== untouched) touched.push(`${table.name}: B has ${rowsOfB} row(s); ${outcome}`);
    }
    expect(touched).toEqual([]);
  });

  it('cannot update or delete a row of an append-only table, its own or on the platform path', async () => {
    const { a } = tenantsOf();
    const changed: string[] = [];
    const appendOnlyTables = tables.filter((table) => appendOnly[table.name]);
    expect(appendOnlyTables.map((table) => table.name).sort()).toEqual(Object.keys(appendOnly).sort());
    for (const table of appendOnlyTables) {
      for (const [scopeName, scope] of [['tenant A', tenantScope(dbs[table.subgraph], a)], ['platform', platformScope(dbs[table.subgraph])]] as const) {
        for (const statement of [sql`update ${qualified(table)} set ${column(table)} = ${column(table)}`, sql`delete from ${qualified(table)}`]) {
          const result = await probe(scope, async (trx) => Number((await statement.execute(trx)).numAffectedRows ?? 0n));
          if (!('sqlState' in result) || result.sqlState !== RLS_VIOLATION) changed.push(`${table.name} as ${scopeName}: ${'sqlState' in result ? result.sqlState : `${result.value} row(s)`}`);
        }
      }
    }
    expect(changed).toEqual([]);
  });
});

describe('a unit of work with no tenant', () => {
  it('reads no rows from any tenant table', async () => {
    const seen: string[] = [];
    for (const table of tables) {
      if (readableByEveryTenant[table.name]) continue;
      const rows = await rowsOf(table, noTenantScope(dbs[table.subgraph]));
      if (rows.length > 0) seen.push(`${table.name}: ${rows.length} row(s)`);
    }
    expect(seen).toEqual([]);
  });

  it('writes no row of a tenant into any tenant table', async () => {
    const accepted: string[] = [];
    for (const table of tables) {
      const result = await insertCopy(table, noTenantScope(dbs[table.subgraph]), await copyOfRow(table, seeded.b));
      if (result !== RLS_VIOLATION) accepted.push(`${table.name}: ${result}`);
    }
    expect(accepted).toEqual([]);
  });
});

describe.skipIf(!onPostgres)('the application role on PostgreSQL', () => {
  it('is neither superuser nor BYPASSRLS, and owns no table, view or sequence', async () => {
    for (const { name } of SUBGRAPHS) {
      const { rows } = await sql<{ user: string; rolsuper: boolean; rolbypassrls: boolean; owned: string[] }>`
        select current_user as "user", r.rolsuper, r.rolbypassrls,
          array(select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where c.relowner = r.oid and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')) as owned
        from pg_roles r where r.rolname = current_user`.execute(dbs[name]);
      expect(rows, name).toEqual([{ user: rows[0]?.user, rolsuper: false, rolbypassrls: false, owned: [] }]);
    }
  });

  it('is not the role that owns the tables', async () => {
    const { rows } = await sql<{ owners: string[]; user: string }>`
      select current_user as "user", array(select distinct tableowner::text from pg_tables where schemaname = current_schema()) as owners`.execute(dbs.users);
    expect(rows[0]!.owners.length).toBeGreaterThan(0);
    expect(rows[0]!.owners).not.toContain(rows[0]!.user);
  });

  it('is required at start: openDatabase refuses a superuser as the application connection', async () => {
    const config = databases.config('users');
    if (config.kind !== 'postgres') throw new Error('expected a PostgreSQL configuration');
    const client = new pg.Client({ connectionString: config.migrationUrl });
    await client.connect();
    const { rows } = await client.query<{ rolsuper: boolean }>('select rolsuper from pg_roles where rolname = current_user').finally(() => client.end());
    expect(rows[0]?.rolsuper, 'DATABASE_MIGRATION_URL should connect as a superuser for this check').toBe(true);

    await expect(
      openDatabase({ config: { ...config, url: config.migrationUrl }, migrations: await migrationsOf('users'), maxConnections: 1 }),
    ).rejects.toThrow(/Refusing to start: database role "[^"]+" is a superuser/);
  });
});
