import type { Transaction } from 'kysely';
import { asPlatform, inTenant } from '../../../common/db/scope.js';
import { badUserInput, idempotencyKeyReused, notFound } from '../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../common/events/outbox.js';
import type { PaymentsServices } from './context.js';
import type { CreditChannel, PaymentsDatabase } from './db/database.js';
import type { PaymentRow } from './db/payments.js';
import { accountsOf, balanceOf, findReservation, insertReservation, move, settleReservation, type CreditReservationRow } from './db/credits.js';

/**
 * Every way credits move, as double-entry movements (`move`): the platform tops up its pool
 * (credits are created only here), grants to and adjusts tenants' wallets from it, and other
 * services reserve a tenant's credits before a send, then capture what was delivered and release
 * what failed. Each is idempotent on its reference.
 */

const pool = { tenantId: null, kind: 'POOL' } as const;
const available = (tenantId: string) => ({ tenantId, kind: 'AVAILABLE' }) as const;
const reserved = (tenantId: string) => ({ tenantId, kind: 'RESERVED' }) as const;

export interface AdminOrder {
  adminId: string;
  channel: CreditChannel;
  amount: number;
  reason: string;
  idempotencyKey: string;
}

const adminReference = (order: AdminOrder, operation: string) => `admin:${order.adminId}:${order.idempotencyKey}:${operation}`;

type Ledger = Pick<PaymentsServices, 'db' | 'relay'>;

export function topUpPool({ db }: Ledger, order: AdminOrder) {
  return asPlatform(db, { actor: order.adminId, action: `top up the ${order.channel} credit pool` }, (trx) =>
    move(trx, {
      tenantId: null,
      kind: 'TOP_UP',
      channel: order.channel,
      amount: order.amount,
      from: { tenantId: null, kind: 'ISSUED' },
      to: pool,
      reference: adminReference(order, 'top-up'),
      request: { channel: order.channel, amount: order.amount, reason: order.reason },
      actor: order.adminId,
      reason: order.reason,
    }),
  );
}

/** A grant (positive) moves credits from the pool to the tenant; a negative adjustment moves them back. */
export function grant({ db, relay }: Ledger, tenantId: string, order: AdminOrder & { kind: 'GRANT' | 'ADJUST' }) {
  const toTenant = order.amount > 0;
  return changeAndPublish(relay, () => asPlatform(db, { actor: order.adminId, action: `${order.kind.toLowerCase()} ${order.channel} credits of tenant ${tenantId}` }, (trx) =>
    move(trx, {
      tenantId,
      kind: order.kind,
      channel: order.channel,
      amount: Math.abs(order.amount),
      from: toTenant ? pool : available(tenantId),
      to: toTenant ? available(tenantId) : pool,
      reference: adminReference(order, `${order.kind}:${tenantId}`),
      request: { tenantId, channel: order.channel, amount: order.amount, reason: order.reason },
      actor: order.adminId,
      reason: order.reason,
    }),
  ));
}

/** The credits a successful purchase bought, from the pool to the tenant, once per payment. */
export function grantPurchase(trx: Transaction<PaymentsDatabase>, payment: PaymentRow) {
  return move(trx, {
    tenantId: payment.tenant_id,
    kind: 'PURCHASE',
    channel: payment.credit_channel!,
    amount: Number(payment.credit_amount),
    from: pool,
    to: available(payment.tenant_id),
    reference: `purchase:${payment.id}`,
    request: { paymentId: payment.id },
    actor: payment.created_by,
    reason: 'Bought credits',
  });
}

export interface Reservation {
  tenantId: string;
  channel: CreditChannel;
  amount: number;
  /** The caller's reference (an announcement's, say): one reservation per tenant and reference. */
  reference: string;
  /** The calling service. */
  service: string;
}

/** Fewer available credits of a channel than this, reached by a send, tell the tenant's owners to buy more. */
export const CREDITS_LOW_THRESHOLD = 50;

/**
 * Sets credits aside for a send: all of `amount` or nothing (INSUFFICIENT_CREDITS); the same
 * reference again is the same reservation. One that takes the wallet below the low-balance
 * threshold records CREDITS_LOW, once per crossing.
 */
export function reserve({ db, relay }: Ledger, order: Reservation): Promise<CreditReservationRow> {
  return changeAndPublish(relay, () => inTenant(db, order.tenantId, async (trx) => {
    const reservation = await insertReservation(trx, { tenant_id: order.tenantId, channel: order.channel, reference: order.reference, amount: order.amount });
    if (!reservation) {
      const first = (await findReservation(trx, order.reference))!;
      if (first.channel !== order.channel || Number(first.amount) !== order.amount) throw idempotencyKeyReused();
      return first;
    }
    await move(trx, {
      tenantId: order.tenantId,
      kind: 'RESERVE',
      channel: order.channel,
      amount: order.amount,
      from: available(order.tenantId),
      to: reserved(order.tenantId),
      reference: `reserve:${order.tenantId}:${order.reference}`,
      request: { channel: order.channel, amount: order.amount },
      actor: `service:${order.service}`,
      reservationId: reservation.id,
    });
    const left = balanceOf(await accountsOf(trx, [order.tenantId]), order.channel, 'AVAILABLE');
    if (left < CREDITS_LOW_THRESHOLD && left + order.amount >= CREDITS_LOW_THRESHOLD) {
      await recordEvents(trx, [{ tenantId: order.tenantId, type: 'CREDITS_LOW', keys: { channel: order.channel } }]);
    }
    return reservation;
  }));
}

export interface Settlement {
  tenantId: string;
  /** The reservation's reference. */
  reference: string;
  amount: number;
  /** This capture's or release's own reference (a delivery's, say), so a retry settles once. */
  settlementReference: string;
  service: string;
}

/** Captures what was delivered (RESERVED → CONSUMED) or releases what failed (RESERVED → AVAILABLE); never more than the reservation holds. */
export function settle({ db, relay }: Ledger, how: 'CAPTURE' | 'RELEASE', order: Settlement): Promise<CreditReservationRow> {
  return changeAndPublish(relay, () => inTenant(db, order.tenantId, async (trx) => {
    const reservation = await findReservation(trx, order.reference);
    if (!reservation) throw notFound('Reservation');
    const column = how === 'CAPTURE' ? 'captured' : 'released';
    await move(
      trx,
      {
        tenantId: order.tenantId,
        kind: how,
        channel: reservation.channel,
        amount: order.amount,
        from: reserved(order.tenantId),
        to: how === 'CAPTURE' ? { tenantId: order.tenantId, kind: 'CONSUMED' } : available(order.tenantId),
        reference: `${how.toLowerCase()}:${order.tenantId}:${order.reference}:${order.settlementReference}`,
        request: { reservation: order.reference, amount: order.amount },
        actor: `service:${order.service}`,
        reservationId: reservation.id,
      },
      async () => {
        if (!(await settleReservation(trx, reservation.id, column, order.amount))) throw badUserInput(`The reservation holds less than ${order.amount} unsettled credits.`, 'amount');
      },
    );
    return (await findReservation(trx, order.reference))!;
  }));
}
