import { sql } from 'kysely';
import type { PaymentsDb } from './database.js';

export interface RevenueBucketRow {
  key: string;
  count: number;
  gross: number;
  refunded: number;
  net: number;
}

export interface RevenueSummaryRow {
  currency: string;
  count: number;
  gross: number;
  refunded: number;
  gatewayFees: number;
  platformFees: number;
  net: number;
  average: number;
  byDay: RevenueBucketRow[];
  byLibrary: RevenueBucketRow[];
  byMethod: RevenueBucketRow[];
}

export interface RevenueScope {
  /** One tenant's, or null for the platform's (admins only). */
  tenantId: string | null;
  libraryId: string | null;
  from: Date;
  to: Date;
}

type Grouping = 'day' | 'library' | 'method';
const KEYS: Record<Grouping, ReturnType<typeof sql<string>>> = {
  day: sql<string>`to_char(succeeded_at at time zone 'UTC', 'YYYY-MM-DD')`,
  library: sql<string>`library_id::text`,
  method: sql<string>`method`,
};

/**
 * Revenue of successful payments by when they succeeded, per currency, with its three breakdowns:
 * one statement over the partial index on successful payments, grouped by grouping sets.
 */
export async function revenueSummary(db: PaymentsDb, scope: RevenueScope): Promise<RevenueSummaryRow[]> {
  const rows = await db
    .selectFrom('payments')
    .select([
      'currency',
      KEYS.day.as('day'),
      KEYS.library.as('library'),
      KEYS.method.as('method'),
      sql<string>`count(*)`.as('count'),
      sql<string>`sum(amount_minor)`.as('gross'),
      sql<string>`sum(refunded_minor)`.as('refunded'),
      sql<string>`sum(gateway_fee_minor)`.as('gateway_fees'),
      sql<string>`sum(platform_fee_minor)`.as('platform_fees'),
      sql<string>`sum(net_minor - refunded_minor)`.as('net'),
    ])
    .where('status', '=', 'SUCCEEDED')
    .where('succeeded_at', '>=', scope.from)
    .where('succeeded_at', '<', scope.to)
    .$if(scope.tenantId !== null, (q) => q.where('tenant_id', '=', scope.tenantId!))
    .$if(scope.libraryId !== null, (q) => q.where('library_id', '=', scope.libraryId!))
    .groupBy(sql`grouping sets ((currency), (currency, ${KEYS.day}), (currency, ${KEYS.library}), (currency, ${KEYS.method}))`)
    .execute();

  const summaries = new Map<string, RevenueSummaryRow>();
  const summaryOf = (currency: string) => {
    let summary = summaries.get(currency);
    if (!summary) {
      summary = { currency, count: 0, gross: 0, refunded: 0, gatewayFees: 0, platformFees: 0, net: 0, average: 0, byDay: [], byLibrary: [], byMethod: [] };
      summaries.set(currency, summary);
    }
    return summary;
  };
  for (const row of rows) {
    const totals = { count: Number(row.count), gross: Number(row.gross), refunded: Number(row.refunded), net: Number(row.net) };
    const summary = summaryOf(row.currency.trim());
    if (row.day !== null) summary.byDay.push({ key: row.day, ...totals });
    else if (row.library !== null) summary.byLibrary.push({ key: row.library, ...totals });
    else if (row.method !== null) summary.byMethod.push({ key: row.method, ...totals });
    else Object.assign(summary, totals, { gatewayFees: Number(row.gateway_fees), platformFees: Number(row.platform_fees) });
  }
  for (const summary of summaries.values()) {
    summary.average = summary.count ? Math.floor(summary.gross / summary.count) : 0;
    summary.byDay.sort((a, b) => a.key.localeCompare(b.key));
    summary.byLibrary.sort((a, b) => b.gross - a.gross || a.key.localeCompare(b.key));
    summary.byMethod.sort((a, b) => a.key.localeCompare(b.key));
  }
  return [...summaries.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
