import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { spread } from '../../../bench/figures.js';
import { openDatabase } from '../../../common/db/database.js';
import { asPlatform } from '../../../common/db/scope.js';
import type { SubgraphBench } from '../../../common/subgraph-kit/manifest.js';
import { call } from '../../../stack/graphql-call.js';
import { createTestDatabases } from '../../../test/support/databases.js';
import { loginAdmin } from '../../../test/support/seed-kit.js';
import { startTestStack } from '../../../test/support/stack.js';
import { migrations } from '../migrations/index.js';

const PAYMENTS = 100_000;
/** Another tenant's payments beside them, so the platform-wide summary reads more than one tenant's. */
const OTHERS = 20_000;
const ROUNDS = 30;
const SEED_CHUNK = 10_000;

const REVENUE_QUERY = `query BenchRevenue($from: DateTime!, $to: DateTime!, $tenantId: ID) {
  revenueSummary(from: $from, to: $to, tenantId: $tenantId) {
    currency count gross refunded gatewayFees platformFees net average
    byDay { key count gross net } byLibrary { key count gross net } byMethod { key count gross }
  }
}`;
const BASELINE_QUERY = `query BenchBaseline { me { id } }`;

/**
 * A year of payments of one tenant, written straight into the service's database: the figure is
 * the aggregate's, and a hundred thousand bookings and payments through the API would take the
 * bench an hour. Five libraries, three methods, one payment in twenty partly refunded. Written
 * SEED_CHUNK at a time: the service's connection cancels a statement past its timeout (6 s), and
 * a slow machine took longer than that over all 100,000 rows in one.
 */
async function seedPayments(db: Parameters<typeof asPlatform>[0], tenantId: string, count: number): Promise<void> {
  const libraries = Array.from({ length: 5 }, () => randomUUID());
  await asPlatform(db, { actor: 'system:bench', action: 'seed payments for the revenue benchmark' }, async (trx) => {
    for (let first = 1; first <= count; first += SEED_CHUNK) {
      await sql`
        insert into payments (tenant_id, booking_id, library_id, user_id, created_by, method, status, amount_minor, currency,
          refunded_minor, platform_fee_bps, gateway_fee_minor, platform_fee_minor, net_minor, provider, provider_ref, created_at, succeeded_at)
        select ${tenantId}::uuid, gen_random_uuid(), (${sql.val(libraries)}::uuid[])[1 + g % 5], gen_random_uuid(), gen_random_uuid(),
          m.method, 'SUCCEEDED', a.amount, 'INR',
          case when g % 20 = 0 then 1000 else 0 end, 300,
          case when m.method = 'ONLINE' then a.amount * 2 / 100 else 0 end, a.amount * 3 / 100,
          a.amount - (case when m.method = 'ONLINE' then a.amount * 2 / 100 else 0 end) - a.amount * 3 / 100,
          case when m.method = 'ONLINE' then 'simulated' end, case when m.method = 'ONLINE' then 'bench_' || gen_random_uuid() end,
          now() - (g % 360) * interval '1 day', now() - (g % 360) * interval '1 day'
        from generate_series(${first}::int, ${Math.min(count, first + SEED_CHUNK - 1)}::int) g,
          lateral (select (array['ONLINE', 'CASH', 'CARD'])[1 + g % 3] as method) m,
          lateral (select 4000 + (g % 7) * 500 as amount) a`.execute(trx);
    }
  });
  await sql`analyze payments`.execute(db);
}


async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** `revenueSummary` over a year of 100,000 payments, through the router, beside a one-hop baseline, interleaved. */
const benchRevenueSummary: SubgraphBench = async () => {
  const onPostgres = Boolean(process.env.DATABASE_URL);
  const databases = onPostgres ? await createTestDatabases() : undefined;
  const dataDir = onPostgres ? undefined : mkdtempSync(join(tmpdir(), 'carrel-revenue-'));
  const tenantId = randomUUID();
  try {
    const config = databases ? databases.config('payments') : { kind: 'pglite' as const, dataDir: join(dataDir!, 'payments') };
    const db = await openDatabase({ service: 'payments', config, migrations });
    await seedPayments(db, tenantId, PAYMENTS);
    await seedPayments(db, randomUUID(), OTHERS);
    // PGlite has one writer: the seeding connection closes before the service opens the same files.
    await db.destroy();

    const stack = await startTestStack(databases ? { databases } : { env: { CARREL_DATA_DIR: dataDir! } });
    try {
      const admin = await loginAdmin(stack.graphqlUrl);
      const window = { from: new Date(Date.now() - 365 * 24 * 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() };
      const ofTenant = () => call<{ revenueSummary: { count: number }[] }>(stack.graphqlUrl, REVENUE_QUERY, { ...window, tenantId }, admin.token);
      const ofPlatform = () => call(stack.graphqlUrl, REVENUE_QUERY, window, admin.token);
      const baseline = () => call(stack.graphqlUrl, BASELINE_QUERY, {}, admin.token);
      const { revenueSummary } = await ofTenant();
      if (revenueSummary[0]?.count !== PAYMENTS) throw new Error(`expected ${PAYMENTS} payments in the summary, got ${revenueSummary[0]?.count}`);
      for (let warm = 0; warm < 3; warm++) await Promise.all([ofTenant(), ofPlatform(), baseline()].map(async (request) => request));

      const figures = { tenant: [] as number[], platform: [] as number[], baseline: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        figures.tenant.push(await timed(ofTenant));
        figures.platform.push(await timed(ofPlatform));
        figures.baseline.push(await timed(baseline));
      }
      const mode = onPostgres ? 'PostgreSQL' : 'PGlite';
      console.log(`\nRevenue summary through the router over a year of payments (${mode}; ${ROUNDS} interleaved rounds, one request at a time; median (min–max) ms; target: under 200 ms)`);
      console.table({
        [`one tenant: ${PAYMENTS.toLocaleString('en')} payments`]: { 'latency ms': spread(figures.tenant, 1) },
        [`the platform: ${(PAYMENTS + OTHERS).toLocaleString('en')} payments`]: { 'latency ms': spread(figures.platform, 1) },
        'baseline: { me { id } }': { 'latency ms': spread(figures.baseline, 1) },
      });
    } finally {
      await stack.stop();
    }
  } finally {
    await databases?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
};

export default benchRevenueSummary;
