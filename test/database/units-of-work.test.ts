import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseEnv, readConfig } from '../../common/config.js';
import { openDatabase } from '../../common/db/database.js';
import { sentAhead } from '../../common/db/pipelined-postgres.js';
import { APP_ROLE, PLATFORM_ROLE } from '../../common/db/roles.js';
import { asPlatform, inTenant } from '../../common/db/scope.js';
import { findOutboxEvents, recordEvents } from '../../common/events/outbox.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { createTestDatabases, type TestDatabases } from '../support/databases.js';

/**
 * Units of work as the subgraphs run them. On PostgreSQL their `begin` and scope are written ahead
 * of their first statement and a read-only unit's commit is not waited for
 * (`common/db/pipelined-postgres.ts`); on PGlite every statement is waited for. Either way a unit
 * must see exactly its own scope, fail whole, and leave its connection clean for the next one.
 */
describe('a unit of work on one pooled connection', () => {
  let databases: TestDatabases;
  let db: Kysely<any>;
  beforeAll(async () => {
    databases = await createTestDatabases();
    const { name, manifest } = SUBGRAPHS[0]!;
    const config = readConfig(databaseEnv(name), databases.env);
    // One connection: every unit below follows the one before it on the same session.
    db = await openDatabase({ service: name, config, migrations: (await manifest()).default.migrations, maxConnections: 1 });
  });
  afterAll(async () => {
    await db?.destroy();
    await databases?.drop();
  });

  const scopeSeen = (trx: Kysely<any>) =>
    sql<{ role: string; tenant: string }>`select current_user as role, current_setting('app.tenant_id', true) as tenant`.execute(trx).then(({ rows }) => rows[0]!);

  it('sees the role and tenant it was opened with, whether read-only or not', async () => {
    const tenant = randomUUID();
    expect(await inTenant(db, tenant, scopeSeen)).toEqual({ role: APP_ROLE, tenant });
    expect(await inTenant(db, tenant, scopeSeen, 'read only')).toEqual({ role: APP_ROLE, tenant });
    expect(await asPlatform(db, { actor: 'system:test', action: 'check the scope' }, scopeSeen, 'read only')).toEqual({ role: PLATFORM_ROLE, tenant: '' });
  });

  it('gives 200 concurrent read-only units each its own tenant, none carried into the next', async () => {
    const tenants = Array.from({ length: 200 }, () => randomUUID());
    const seen = await Promise.all(tenants.map((tenant) => inTenant(db, tenant, scopeSeen, 'read only')));
    expect(seen.map(({ tenant }) => tenant)).toEqual(tenants);
    // Outside any unit the session has no tenant: nothing of the last one stayed behind.
    expect((await sql<{ tenant: string | null }>`select current_setting('app.tenant_id', true) as tenant`.execute(db)).rows[0]!.tenant || null).toBeNull();
  });

  it('refuses a write in a read-only unit (25006) and keeps nothing of it', async () => {
    const write = inTenant(db, randomUUID(), (trx) => sql`create temporary table written_in_read_only (id int)`.execute(trx), 'read only');
    await expect(write).rejects.toMatchObject({ code: '25006' });
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from pg_class where relname = 'written_in_read_only'`.execute(db);
    expect(rows[0]!.count).toBe(0);
  });

  it('fails whole when a statement sent ahead fails: its error is reported and nothing after it runs', async () => {
    const unit = db.transaction().execute(async (trx) => {
      await trx.executeQuery(sentAhead('select 1 / 0'));
      return sql`create temporary table after_a_failed_scope (id int)`.execute(trx);
    });
    await expect(unit).rejects.toMatchObject({ code: '22012' });
    const { rows } = await sql<{ count: number }>`select count(*)::int as count from pg_class where relname = 'after_a_failed_scope'`.execute(db);
    expect(rows[0]!.count).toBe(0);
    expect(await inTenant(db, '', scopeSeen)).toEqual({ role: APP_ROLE, tenant: '' });
  });

  it('reads a list by one array parameter, and a prepared read sees each unit’s own tenant, however often it runs', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const record = (tenantId: string) => inTenant(db, tenantId, (trx) => recordEvents(trx, [{ tenantId, type: 'BOOKING_CHECKED_IN', keys: { bookingId: randomUUID() } } as never]));
    const [[eventOfA], [eventOfB]] = [await record(a), await record(b)];
    const ids = [eventOfA!.id, eventOfB!.id];
    const { sql: text } = db.selectFrom('outbox_events').select('id').where('id', 'in', ids).compile();
    expect(text).toMatch(/"id" = any\(\$1\)$/);
    const seen = (rows: { tenantId: string }[]) => rows.map(({ tenantId }) => tenantId).sort();
    // The same statement, prepared once on the one connection, under three scopes in turn.
    for (let round = 0; round < 3; round++) {
      expect(seen(await inTenant(db, a, (trx) => findOutboxEvents(trx, ids), 'read only'))).toEqual([a]);
      expect(seen(await inTenant(db, b, (trx) => findOutboxEvents(trx, ids), 'read only'))).toEqual([b]);
      expect(seen(await asPlatform(db, { actor: 'system:test', action: 'read both tenants' }, (trx) => findOutboxEvents(trx, ids), 'read only'))).toEqual([a, b].sort());
      expect(await inTenant(db, randomUUID(), (trx) => findOutboxEvents(trx, []), 'read only')).toEqual([]);
    }
  });

  it.runIf(Boolean(process.env.DATABASE_URL))('leaves no transaction open once a read-only unit has answered', async () => {
    await inTenant(db, randomUUID(), scopeSeen, 'read only');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const config = readConfig(databaseEnv(SUBGRAPHS[0]!.name), databases.env);
    const owner = new pg.Client({ connectionString: config.kind === 'postgres' ? config.migrationUrl : '' });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ state: string }>(`select state from pg_stat_activity where datname = current_database() and usename = $1`, [APP_ROLE]);
      expect(rows.map(({ state }) => state)).toEqual(['idle']);
    } finally {
      await owner.end();
    }
  });
});
