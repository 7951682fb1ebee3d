import { randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely, type Migration, type Transaction } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../common/db/database.js';
import { APP_ROLE, PLATFORM_ROLE } from '../../common/db/roles.js';
import { asPlatform, inTenant, withoutTenant } from '../../common/db/scope.js';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/index.js';
import { IsoAddSeatsDocument, IsoCreateBookingDocument, IsoCreateLibraryDocument, type Weekday } from '../__generated__/operations.js';
import { must } from '../support/client.js';
import { createTestDatabases, type TestDatabases } from '../support/databases.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../support/seed-kit.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * Row-level security seen from the database itself, beneath every resolver: the tables to check are
 * found in the catalog, so a table added by any subgraph's migration is covered without a word here.
 */

const onPostgres = Boolean(process.env.DATABASE_URL);
const TEST_ACTOR = { actor: 'system:rls-test', action: 'seed and inspect test rows' };

/**
 * Tables whose rows every tenant may read by design; each still refuses writes across tenants. The
 * listed columns are all they may have, so nothing private is added to them unnoticed.
 */
const readableByEveryTenant: Record<string, { reason: string; columns: string[] }> = {
  tenant_directory: {
    reason: 'Which slugs exist and whether they are suspended: sign-up and sign-in look a tenant up by slug before anyone is signed in.',
    columns: ['tenant_id', 'slug', 'status', 'updated_at'],
  },
};

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

/** Test rows of one tenant in every tenant table the subgraphs have today, written the audited way. */
const seeds: Record<string, (trx: Transaction<any>, tenantId: string) => Promise<void>> = {
  tenants: async (trx, tenantId) => {
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, slug: `s-${randomBytes(4).toString('hex')}`, name: 'Seeded', plan: 'STARTER', timezone: 'Asia/Kolkata', currency: 'INR' })
      .execute();
    // Already published, so a running relay leaves it alone.
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ tenantId }), published_at: new Date() })
      .execute();
  },
  users: async (trx, tenantId) => {
    await trx.insertInto('tenant_directory').values({ tenant_id: tenantId, slug: `s-${randomBytes(4).toString('hex')}`, status: 'ACTIVE' }).execute();
    await seedUserWithSession(trx, tenantId, 'STUDENT');
    // Already published, so a running relay leaves it alone.
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ tenantId }), published_at: new Date() })
      .execute();
  },
  bookings: async (trx, tenantId) => {
    const library = await trx
      .insertInto('libraries')
      .values({
        tenant_id: tenantId,
        name: 'Seeded library',
        address: 'Seeded address',
        timezone: 'Asia/Kolkata',
        opening_hours: JSON.stringify([{ weekday: 1, opens: 0, closes: 1440 }]),
        hourly_price_minor: 5000,
        currency: 'INR',
        slot_minutes: 30,
        max_booking_minutes: 240,
        cancellation_cutoff_minutes: 60,
        check_in_window_minutes: 15,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const seat = await trx.insertInto('seats').values({ tenant_id: tenantId, library_id: library.id, label: 'S1' }).returning('id').executeTakeFirstOrThrow();
    const startsAt = new Date(Date.UTC(2030, 0, 7, 4, 30));
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    const student = randomUUID();
    await trx.insertInto('tenant_members').values({ tenant_id: tenantId, user_id: student, active: true }).execute();
    await trx
      .insertInto('bookings')
      .values({
        tenant_id: tenantId,
        library_id: library.id,
        seat_id: seat.id,
        user_id: student,
        booked_by: student,
        period: sql`tstzrange(${startsAt}, ${endsAt}, '[)')`,
        price_minor: 5000,
        currency: 'INR',
      })
      .execute();
    // Already published, so a running relay leaves it alone.
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ libraryId: library.id }), published_at: new Date() })
      .execute();
  },
};

async function seedUserWithSession(trx: Transaction<any>, tenantId: string | null, role: string) {
  const user = await trx
    .insertInto('users')
    .values({ tenant_id: tenantId, email: `seed-${randomBytes(4).toString('hex')}@example.test`, display_name: 'Seeded', role, password_hash: 'not-a-hash' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await trx.insertInto('sessions').values({ tenant_id: tenantId, user_id: user.id }).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('refresh_tokens')
    .values({ tenant_id: tenantId, session_id: session.id, token_hash: randomBytes(16).toString('hex'), expires_at: new Date(Date.now() + 3_600_000) })
    .execute();
}

const WEEKDAYS: Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A library with a seat and a student's booking of it (and so its outbox event), made through the API. */
async function libraryWithBooking(graphqlUrl: string, tenant: TenantFixture, student: Member) {
  const { createLibrary } = await must(
    graphqlUrl,
    IsoCreateLibraryDocument,
    {
      input: {
        name: `Library of ${tenant.slug}`,
        address: '12 MG Road, Bengaluru',
        timezone: 'Asia/Kolkata',
        openingHours: WEEKDAYS.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })),
        hourlyPrice: { amountMinor: 5000, currency: 'INR' },
        rules: { slotMinutes: 30, maxBookingMinutes: 240, cancellationCutoffMinutes: 60, checkInWindowMinutes: 15 },
      },
    },
    tenant.owner.token,
  );
  const { addSeats } = await must(graphqlUrl, IsoAddSeatsDocument, { libraryId: createLibrary.id, seats: [{ label: 'S1' }] }, tenant.owner.token);
  // Half an hour on the next half-hour slot an hour or more ahead: inside round-the-clock hours whatever the time.
  const slot = 30 * 60_000;
  const startsAt = new Date(Math.ceil((Date.now() + 60 * 60_000) / slot) * slot);
  const endsAt = new Date(startsAt.getTime() + slot);
  await must(graphqlUrl, IsoCreateBookingDocument, { input: { seatId: addSeats[0]!.id, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } }, student.token);
}

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
    dbs[name] = await openDatabase({ config: databases.config(name), migrations: await migrationsOf(name), maxConnections: 2 });
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
      await libraryWithBooking(stack!.graphqlUrl, tenant, student);
      return tenant.id;
    };
    madeThroughApi = { a: await tenantWithMembers(), b: await tenantWithMembers() };
  }

  for (const { name } of SUBGRAPHS) {
    await asPlatform(dbs[name], TEST_ACTOR, async (trx) => {
      for (const tenantId of [seeded.a, seeded.b]) await seeds[name]?.(trx, tenantId);
      if (name === 'users') await seedUserWithSession(trx, null, 'PLATFORM_ADMIN');
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
  it('finds the tenant tables of every subgraph', () => {
    expect(tables.map((table) => `${table.subgraph}.${table.name}`)).toEqual(
      expect.arrayContaining([
        'tenants.tenants',
        'tenants.outbox_events',
        'users.users',
        'users.sessions',
        'users.refresh_tokens',
        'bookings.libraries',
        'bookings.seats',
        'bookings.bookings',
        'bookings.outbox_events',
      ]),
    );
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
      if (rowsOfB === 0 || outcome !== '0 updated, 0 deleted') touched.push(`${table.name}: B has ${rowsOfB} row(s); ${outcome}`);
    }
    expect(touched).toEqual([]);
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
