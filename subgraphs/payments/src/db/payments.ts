import { sql, type Insertable, type Selectable } from 'kysely';
import { olderThan, pageOf, pagesByParent, type Page, type PageRequest } from '../../../../common/pagination.js';
import type { PaymentsDb, PaymentsTable, PaymentStatus } from './database.js';

export type PaymentRow = Selectable<PaymentsTable>;
export type NewPayment = Insertable<PaymentsTable>;

const createdPosition = (row: { created_at: Date; id: string }) => ({ key: row.created_at, id: row.id });

export function findPaymentsByIds(db: PaymentsDb, ids: readonly string[]): Promise<PaymentRow[]> {
  return db.selectFrom('payments').selectAll().where('id', 'in', ids).execute();
}

export function insertPayment(db: PaymentsDb, payment: NewPayment): Promise<PaymentRow> {
  return db.insertInto('payments').values(payment).returningAll().executeTakeFirstOrThrow();
}

/** The booking's payment in progress or made, if any: what a second attempt to pay must respect. */
export function findOpenPaymentOfBooking(db: PaymentsDb, bookingId: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('booking_id', '=', bookingId).where('status', 'in', ['PENDING', 'SUCCEEDED']).executeTakeFirst();
}

/** The booking's successful payment, if it has one (it has at most one). */
export function findPaidPaymentOfBooking(db: PaymentsDb, bookingId: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('booking_id', '=', bookingId).where('status', '=', 'SUCCEEDED').executeTakeFirst();
}

/**
 * Each booking's most telling payment, in one statement: the successful one, else the one in
 * progress, else the latest failed attempt.
 */
export async function paymentsOfBookings(db: PaymentsDb, bookingIds: readonly string[]): Promise<PaymentRow[]> {
  return db
    .selectFrom('payments')
    .selectAll()
    .distinctOn('booking_id')
    .where('booking_id', 'in', bookingIds)
    .orderBy('booking_id')
    .orderBy(sql`status = 'SUCCEEDED'`, 'desc')
    .orderBy(sql`status = 'PENDING'`, 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export interface PaymentListFilter {
  tenantId?: string | null;
  userId?: string | null;
  libraryId?: string | null;
  bookingId?: string | null;
  settlementId?: string | null;
  status?: PaymentStatus | null;
}

/** Newest first. */
export async function listPayments(db: PaymentsDb, filter: PaymentListFilter, page: PageRequest): Promise<Page<PaymentRow>> {
  const query = db
    .selectFrom('payments')
    .selectAll()
    .$if(Boolean(filter.tenantId), (q) => q.where('tenant_id', '=', filter.tenantId!))
    .$if(Boolean(filter.userId), (q) => q.where('user_id', '=', filter.userId!))
    .$if(Boolean(filter.libraryId), (q) => q.where('library_id', '=', filter.libraryId!))
    .$if(Boolean(filter.bookingId), (q) => q.where('booking_id', '=', filter.bookingId!))
    .$if(Boolean(filter.settlementId), (q) => q.where('settlement_id', '=', filter.settlementId!))
    .$if(Boolean(filter.status), (q) => q.where('status', '=', filter.status!))
    .$if(page.after !== null, (q) => q.where(olderThan(page.after!)))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.first + 1);
  return pageOf(await query.execute(), page.first, createdPosition);
}

/** One page of payments per user, newest first, in one statement. */
export async function paymentsOfUsers(db: PaymentsDb, userIds: readonly string[], page: PageRequest): Promise<Page<PaymentRow>[]> {
  const ranked = db
    .selectFrom('payments')
    .selectAll()
    .select(sql<number>`row_number() over (partition by user_id order by created_at desc, id desc)`.as('rank'))
    .where('user_id', 'in', userIds)
    .$if(page.after !== null, (q) => q.where(olderThan(page.after!)));
  const rows = await db.selectFrom(ranked.as('ranked')).selectAll().where('rank', '<=', page.first + 1).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return pagesByParent(userIds, rows, (row) => row.user_id, page.first, createdPosition);
}

/** Records what the provider gave a portal to complete the payment, once. */
export function recordCheckout(db: PaymentsDb, id: string, checkout: Pick<PaymentRow, 'provider_ref' | 'client_secret' | 'checkout_url'>): Promise<PaymentRow | undefined> {
  return db.updateTable('payments').set(checkout).where('id', '=', id).where('provider_ref', 'is', null).returningAll().executeTakeFirst();
}

export interface Fees {
  gatewayFeeMinor: number;
  /** The platform's cut in basis points, or `all`: what the gateway left (a credit purchase is the platform's). */
  platformFeeBps: number | 'all';
}

/**
 * Marks a payment successful with its fees frozen, if it was still waiting or had failed (a
 * provider may retry a failed payment and succeed); a success already recorded is left alone.
 */
export function markSucceeded(db: PaymentsDb, id: string, { gatewayFeeMinor, platformFeeBps }: Fees, at: Date): Promise<PaymentRow | undefined> {
  const platformFee = platformFeeBps === 'all' ? sql<string>`amount_minor - ${gatewayFeeMinor}::bigint` : sql<string>`(amount_minor * ${platformFeeBps}::bigint) / 10000`;
  return db
    .updateTable('payments')
    .set({
      status: 'SUCCEEDED',
      succeeded_at: at,
      platform_fee_bps: platformFeeBps === 'all' ? 10_000 : platformFeeBps,
      gateway_fee_minor: gatewayFeeMinor,
      platform_fee_minor: platformFee,
      net_minor: sql<string>`amount_minor - ${gatewayFeeMinor}::bigint - (${platformFee})`,
      failure_reason: null,
    })
    .where('id', '=', id)
    .where('status', 'in', ['PENDING', 'FAILED'])
    .returningAll()
    .executeTakeFirst();
}

/** Marks a waiting payment failed; a payment already decided is left alone, so a late failure cannot undo a success. */
export function markFailed(db: PaymentsDb, id: string, reason: string, from: readonly PaymentStatus[] = ['PENDING']): Promise<PaymentRow | undefined> {
  return db.updateTable('payments').set({ status: 'FAILED', failure_reason: reason }).where('id', '=', id).where('status', 'in', from).returningAll().executeTakeFirst();
}

/**
 * Sets aside `amountMinor` of a successful payment for a refund, only if that much is still
 * unrefunded when the row is locked: racing refunds can never add up to more than was paid.
 */
export function reserveRefund(db: PaymentsDb, id: string, amountMinor: number): Promise<PaymentRow | undefined> {
  return db
    .updateTable('payments')
    .set({ refunded_minor: sql<string>`refunded_minor + ${amountMinor}::bigint` })
    .where('id', '=', id)
    .where('status', '=', 'SUCCEEDED')
    .where(sql<boolean>`refunded_minor + ${amountMinor}::bigint <= amount_minor`)
    .returningAll()
    .executeTakeFirst();
}

/** Gives back a reservation whose refund the provider refused. */
export function releaseRefund(db: PaymentsDb, id: string, amountMinor: number): Promise<unknown> {
  return db.updateTable('payments').set({ refunded_minor: sql<string>`refunded_minor - ${amountMinor}::bigint` }).where('id', '=', id).execute();
}
