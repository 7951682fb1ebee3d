import type { Insertable, Selectable } from 'kysely';
import type { PaymentsDb, RefundsTable, RefundStatus } from './database.js';

export type RefundRow = Selectable<RefundsTable>;
export type NewRefund = Insertable<RefundsTable>;

export function insertRefund(db: PaymentsDb, refund: NewRefund): Promise<RefundRow> {
  return db.insertInto('refunds').values(refund).returningAll().executeTakeFirstOrThrow();
}

export function findRefundsByIds(db: PaymentsDb, ids: readonly string[]): Promise<RefundRow[]> {
  return db.selectFrom('refunds').selectAll().where('id', 'in', ids).execute();
}

/** Every refund of each payment, oldest first: a payment has few, as together they never exceed it. */
export async function refundsOfPayments(db: PaymentsDb, paymentIds: readonly string[]): Promise<RefundRow[][]> {
  const rows = await db.selectFrom('refunds').selectAll().where('payment_id', 'in', paymentIds).orderBy('created_at').orderBy('id').execute();
  return paymentIds.map((id) => rows.filter((row) => row.payment_id === id));
}

/** Records the provider's answer to a refund still waiting for it. */
export function completeRefund(db: PaymentsDb, id: string, outcome: { status: Exclude<RefundStatus, 'PENDING'>; providerRefundRef?: string; failureReason?: string }): Promise<RefundRow | undefined> {
  return db
    .updateTable('refunds')
    .set({ status: outcome.status, provider_refund_ref: outcome.providerRefundRef ?? null, failure_reason: outcome.failureReason ?? null, completed_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .returningAll()
    .executeTakeFirst();
}
