import { sql, type Selectable, type Transaction } from 'kysely';
import { idempotencyKeyReused, insufficientCredits } from '../../../../common/errors.js';
import { requestHash } from '../../../../common/idempotency.js';
import { pageOf, type Page, type PageRequest } from '../../../../common/pagination.js';
import { recordEvents } from '../../../../common/events/outbox.js';
import type {
  CreditAccountKind,
  CreditAccountsTable,
  CreditChannel,
  CreditEntriesTable,
  CreditMovementKind,
  CreditMovementsTable,
  CreditReservationsTable,
  PaymentsDatabase,
  PaymentsDb,
} from './database.js';

export type CreditAccountRow = Selectable<CreditAccountsTable>;
export type CreditMovementRow = Selectable<CreditMovementsTable>;
export type CreditEntryRow = Selectable<CreditEntriesTable> & Pick<CreditAccountRow, 'channel' | 'kind'> & Pick<CreditMovementRow, 'reason' | 'actor'> & { movement_kind: CreditMovementKind };
export type CreditReservationRow = Selectable<CreditReservationsTable>;

export const CREDIT_CHANNELS: readonly CreditChannel[] = ['SMS', 'WHATSAPP', 'EMAIL'];
const TENANT_ACCOUNTS: readonly CreditAccountKind[] = ['AVAILABLE', 'RESERVED', 'CONSUMED'];
const PLATFORM_ACCOUNTS: readonly CreditAccountKind[] = ['POOL', 'ISSUED'];


/** A tenant's accounts (null: the platform's), created empty if missing; safe to repeat and to race. */
export async function ensureAccounts(db: PaymentsDb, tenantId: string | null): Promise<void> {
  const kinds = tenantId ? TENANT_ACCOUNTS : PLATFORM_ACCOUNTS;
  await db
    .insertInto('credit_accounts')
    .values(CREDIT_CHANNELS.flatMap((channel) => kinds.map((kind) => ({ tenant_id: tenantId, channel, kind }))))
    .onConflict((oc) => oc.constraint('credit_accounts_one_per_kind').doNothing())
    .execute();
}

export interface AccountRef {
  tenantId: string | null;
  kind: CreditAccountKind;
}

export interface Movement {
  tenantId: string | null;
  kind: CreditMovementKind;
  channel: CreditChannel;
  amount: number;
  from: AccountRef;
  to: AccountRef;
  /** Unique across movements: the same reference is the same movement, replayed. */
  reference: string;
  /** What was asked, compared on replay. */
  request: unknown;
  actor: string;
  reason?: string | null;
  reservationId?: string | null;
}


/**
 * Moves credits between two accounts of a channel as one movement and its two ledger entries,
 * once per reference: a replay returns the first movement (or IDEMPOTENCY_KEY_REUSED if it asked
 * something else). Both accounts are locked in id order, so movements in opposite directions
 * cannot deadlock; the debit is refused with INSUFFICIENT_CREDITS rather than going below zero
 * (and the check constraint would refuse it anyway).
 */
export async function move(
  trx: Transaction<PaymentsDatabase>,
  movement: Movement,
  /** Runs once the reference is claimed (never for a replay) and before any balance moves; throw to refuse. */
  beforeMoving?: () => Promise<void>,
): Promise<{ movement: CreditMovementRow; replayed: boolean }> {
  const hash = requestHash(movement.request);
  const inserted = await trx
    .insertInto('credit_movements')
    .values({
      tenant_id: movement.tenantId,
      kind: movement.kind,
      channel: movement.channel,
      amount: movement.amount,
      reference: movement.reference,
      request_hash: hash,
      reservation_id: movement.reservationId ?? null,
      actor: movement.actor,
      reason: movement.reason ?? null,
    })
    .onConflict((oc) => oc.column('reference').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) {
    const first = await trx.selectFrom('credit_movements').selectAll().where('reference', '=', movement.reference).executeTakeFirst();
    if (!first || first.request_hash !== hash) throw idempotencyKeyReused();
    return { movement: first, replayed: true };
  }
  await beforeMoving?.();

  for (const tenantId of new Set([movement.from.tenantId, movement.to.tenantId])) await ensureAccounts(trx, tenantId);
  const accounts = await trx
    .selectFrom('credit_accounts')
    .selectAll()
    .where('channel', '=', movement.channel)
    .where((eb) => eb.or([movement.from, movement.to].map((ref) => eb.and([ref.tenantId ? eb('tenant_id', '=', ref.tenantId) : eb('tenant_id', 'is', null), eb('kind', '=', ref.kind)]))))
    .orderBy('id')
    .forUpdate()
    .execute();
  const accountOf = (ref: AccountRef) => accounts.find((account) => account.tenant_id === ref.tenantId && account.kind === ref.kind)!;
  const from = accountOf(movement.from);
  const to = accountOf(movement.to);
  const fromBalance = Number(from.balance);
  if (from.kind !== 'ISSUED' && fromBalance < movement.amount) throw insufficientCredits(movement.channel, movement.amount, fromBalance);

  const entries = [
    { account: from, amount: -movement.amount, after: fromBalance - movement.amount },
    { account: to, amount: movement.amount, after: Number(to.balance) + movement.amount },
  ];
  for (const { account, after } of entries) await trx.updateTable('credit_accounts').set({ balance: after }).where('id', '=', account.id).execute();
  await trx
    .insertInto('credit_entries')
    .values(entries.map(({ account, amount, after }) => ({ tenant_id: account.tenant_id, movement_id: inserted.id, account_id: account.id, amount, balance_after: after })))
    .execute();
  if (movement.tenantId) await recordEvents(trx, [{ tenantId: movement.tenantId, type: 'CREDITS_MOVED', keys: { movementId: inserted.id, channel: movement.channel } }]);
  return { movement: inserted, replayed: false };
}

export function findMovementsByIds(db: PaymentsDb, ids: readonly string[]): Promise<CreditMovementRow[]> {
  return db.selectFrom('credit_movements').selectAll().where('id', 'in', ids).execute();
}

/** The accounts of tenants (null in the list: the platform's), in one statement. */
export function accountsOf(db: PaymentsDb, tenantIds: readonly (string | null)[]): Promise<CreditAccountRow[]> {
  const ids = tenantIds.filter((id): id is string => id !== null);
  return db
    .selectFrom('credit_accounts')
    .selectAll()
    .where((eb) => eb.or([...(ids.length ? [eb('tenant_id', 'in', ids)] : []), ...(tenantIds.includes(null) ? [eb('tenant_id', 'is', null)] : [])]))
    .execute();
}

/** The balance of one account among `accounts` (0 for one not yet opened). */
export const balanceOf = (accounts: readonly CreditAccountRow[], channel: CreditChannel, kind: CreditAccountKind): number =>
  Number(accounts.find((account) => account.channel === channel && account.kind === kind)?.balance ?? 0);

/** A tenant's ledger entries, newest first, with their account and movement. */
export async function entriesOf(db: PaymentsDb, tenantId: string, channel: CreditChannel | null, page: PageRequest): Promise<Page<CreditEntryRow>> {
  const rows = await db
    .selectFrom('credit_entries as e')
    .innerJoin('credit_accounts as a', 'a.id', 'e.account_id')
    .innerJoin('credit_movements as m', 'm.id', 'e.movement_id')
    .selectAll('e')
    .select(['a.channel', 'a.kind', 'm.kind as movement_kind', 'm.reason', 'm.actor'])
    .where('e.tenant_id', '=', tenantId)
    .$if(channel !== null, (q) => q.where('a.channel', '=', channel!))
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(e.created_at, e.id) < (${page.after!.key}, ${page.after!.id})`))
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows, page.first, (row) => ({ key: row.created_at, id: row.id }));
}

export function findReservation(db: PaymentsDb, reference: string): Promise<CreditReservationRow | undefined> {
  return db.selectFrom('credit_reservations').selectAll().where('reference', '=', reference).executeTakeFirst();
}

/** A new reservation, or undefined if the tenant has one of that reference already (a replay, or a race with one). */
export function insertReservation(db: PaymentsDb, reservation: { tenant_id: string; channel: CreditChannel; reference: string; amount: number }): Promise<CreditReservationRow | undefined> {
  return db
    .insertInto('credit_reservations')
    .values(reservation)
    .onConflict((oc) => oc.constraint('credit_reservations_reference').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Settles part of a reservation, only if that much of it is neither captured nor released yet. */
export function settleReservation(db: PaymentsDb, id: string, how: 'captured' | 'released', amount: number): Promise<CreditReservationRow | undefined> {
  return db
    .updateTable('credit_reservations')
    .set({ [how]: sql`${sql.ref(how)} + ${amount}::bigint` })
    .where('id', '=', id)
    .where(sql<boolean>`captured + released + ${amount}::bigint <= amount`)
    .returningAll()
    .executeTakeFirst();
}
