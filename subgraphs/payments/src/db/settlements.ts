import type { Selectable, Updateable } from 'kysely';
import { newestFirst, type Page, type PageRequest } from '../../../../common/pagination.js';
import type { PaymentsDb, SettlementsTable, SettlementStatus } from './database.js';

export type SettlementRow = Selectable<SettlementsTable>;

/**
 * Makes a settlement of a tenant's successful online payments of `[from, to)` in one currency
 * that no settlement has taken yet: the payments are claimed by a conditional update (a payment
 * taken by a concurrent settlement is skipped once its lock is released), and the totals are
 * summed from exactly the rows claimed. Undefined when there is nothing to settle.
 */
export async function createSettlement(
  db: PaymentsDb,
  order: { tenantId: string; from: Date; to: Date; currency: string; createdBy: string },
): Promise<SettlementRow | undefined> {
  const settlement = await db
    .insertInto('settlements')
    .values({
      tenant_id: order.tenantId,
      period_start: order.from,
      period_end: order.to,
      currency: order.currency,
      payment_count: 0,
      gross_minor: 0,
      refunded_minor: 0,
      gateway_fees_minor: 0,
      platform_fees_minor: 0,
      payout_minor: 0,
      created_by: order.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const claimed = await db
    .updateTable('payments')
    .set({ settlement_id: settlement.id })
    .where('tenant_id', '=', order.tenantId)
    .where('status', '=', 'SUCCEEDED')
    .where('method', '=', 'ONLINE')
    .where('purpose', '=', 'BOOKING')
    .where('currency', '=', order.currency)
    .where('settlement_id', 'is', null)
    .where('succeeded_at', '>=', order.from)
    .where('succeeded_at', '<', order.to)
    .returning(['amount_minor', 'refunded_minor', 'gateway_fee_minor', 'platform_fee_minor'])
    .execute();
  if (claimed.length === 0) return undefined;
  const sum = (pick: (row: (typeof claimed)[number]) => string | number | null) => claimed.reduce((total, row) => total + Number(pick(row) ?? 0), 0);
  const totals = {
    payment_count: claimed.length,
    gross_minor: sum((row) => row.amount_minor),
    refunded_minor: sum((row) => row.refunded_minor),
    gateway_fees_minor: sum((row) => row.gateway_fee_minor),
    platform_fees_minor: sum((row) => row.platform_fee_minor),
  };
  const payout = totals.gross_minor - totals.refunded_minor - totals.gateway_fees_minor - totals.platform_fees_minor;
  return db.updateTable('settlements').set({ ...totals, payout_minor: payout }).where('id', '=', settlement.id).returningAll().executeTakeFirstOrThrow();
}

export function findSettlementsByIds(db: PaymentsDb, ids: readonly string[]): Promise<SettlementRow[]> {
  return db.selectFrom('settlements').selectAll().where('id', 'in', ids).execute();
}

/** Newest first; one tenant's when `tenantId` is given, else whatever row-level security shows. */
export function listSettlements(db: PaymentsDb, tenantId: string | null, page: PageRequest): Promise<Page<SettlementRow>> {
  return newestFirst(
    db
      .selectFrom('settlements')
      .selectAll()
      .$if(tenantId !== null, (q) => q.where('tenant_id', '=', tenantId!)),
    page,
  );
}

/** Moves a settlement on from `from`, only if it is still there when locked. */
export function transitionSettlement(db: PaymentsDb, id: string, from: SettlementStatus, changes: Updateable<SettlementsTable>): Promise<SettlementRow | undefined> {
  return db.updateTable('settlements').set(changes).where('id', '=', id).where('status', '=', from).returningAll().executeTakeFirst();
}
