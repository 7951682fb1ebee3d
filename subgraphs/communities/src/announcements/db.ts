import { sql, type Generated, type Insertable, type Selectable } from 'kysely';
import { newestFirst, pageOf, type Page, type PageRequest } from '../../../../common/pagination.js';
import type { CommunitiesDb } from '../db.js';

export type MessageChannel = 'IN_APP' | 'EMAIL' | 'SMS' | 'WHATSAPP';
/** The channels that spend the tenant's credits, one per delivery; in-app is free. */
export const PAID_CHANNELS: readonly MessageChannel[] = ['EMAIL', 'SMS', 'WHATSAPP'];
export type AudienceKind = 'COMMUNITY' | 'LIBRARY' | 'USERS' | 'TENANT';
export type AnnouncementState = 'RESERVING' | 'QUEUED' | 'SENDING' | 'SENT' | 'PARTLY_FAILED' | 'FAILED';
export type DeliveryState = 'PENDING' | 'SENDING' | 'SENT' | 'DELIVERED' | 'UNDELIVERED' | 'FAILED';
/** Delivery states that cost a credit: the provider took the message (whatever its receipt says later). */
export const CHARGED_STATES: readonly DeliveryState[] = ['SENT', 'DELIVERED', 'UNDELIVERED'];

interface MessageTemplatesTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  subject: string;
  body: string;
  updated_by: string;
  updated_at: Generated<Date>;
}

interface AnnouncementsTable {
  id: Generated<string>;
  tenant_id: string;
  author_id: string;
  audience_kind: AudienceKind;
  audience_id: string | null;
  channels: MessageChannel[];
  subject: string;
  body: string;
  template_id: string | null;
  state: Generated<AnnouncementState>;
  recipient_count: number;
  idempotency_key: string;
  request_hash: string;
  created_at: Generated<Date>;
  completed_at: Date | null;
}

interface AnnouncementDeliveriesTable {
  id: Generated<string>;
  tenant_id: string;
  announcement_id: string;
  recipient_id: string;
  channel: MessageChannel;
  /** The email address or phone number; none in-app. */
  address: string | null;
  recipient_name: string;
  state: Generated<DeliveryState>;
  attempts: Generated<number>;
  next_attempt_at: Generated<Date>;
  provider_message_id: string | null;
  error: string | null;
  updated_at: Generated<Date>;
}

export interface AnnouncementsTables {
  message_templates: MessageTemplatesTable;
  announcements: AnnouncementsTable;
  announcement_deliveries: AnnouncementDeliveriesTable;
}

type Db = CommunitiesDb;
export type MessageTemplateRow = Selectable<MessageTemplatesTable>;
export type AnnouncementRow = Selectable<AnnouncementsTable>;
export type NewAnnouncement = Insertable<AnnouncementsTable>;
export type DeliveryRow = Selectable<AnnouncementDeliveriesTable>;
export type NewDelivery = Insertable<AnnouncementDeliveriesTable>;

/** An announcement's deliveries on one channel, counted by state. */
export interface ChannelProgress {
  announcement_id: string;
  channel: MessageChannel;
  state: DeliveryState;
  count: number;
}

/** Writes the announcement unless its author already used the key; then answers the first one (`created` false). */
export async function insertAnnouncement(db: Db, announcement: NewAnnouncement): Promise<{ row: AnnouncementRow; created: boolean }> {
  const created = await db
    .insertInto('announcements')
    .values({ ...announcement, channels: sql`${announcement.channels}::text[]` as never })
    .onConflict((oc) => oc.constraint('announcements_idempotency').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (created) return { row: created, created: true };
  return { row: (await findAnnouncementByKey(db, announcement.author_id, announcement.idempotency_key))!, created: false };
}

export async function insertDeliveries(db: Db, deliveries: NewDelivery[]): Promise<void> {
  // A few thousand rows per statement stay well under PostgreSQL's 65,535 parameters.
  for (let start = 0; start < deliveries.length; start += 5_000) {
    await db.insertInto('announcement_deliveries').values(deliveries.slice(start, start + 5_000)).execute();
  }
}

export function findAnnouncementsByIds(db: Db, ids: readonly string[]): Promise<AnnouncementRow[]> {
  return db.selectFrom('announcements').selectAll().where('id', 'in', ids).execute();
}

export function listAnnouncements(db: Db, tenantId: string, page: PageRequest): Promise<Page<AnnouncementRow>> {
  return newestFirst(db.selectFrom('announcements').selectAll().where('tenant_id', '=', tenantId), page);
}

/** Moves an announcement on from one of `from` states; answers whether it moved (another process may have got there first). */
export async function moveAnnouncement(db: Db, id: string, from: readonly AnnouncementState[], to: AnnouncementState): Promise<boolean> {
  const moved = await db
    .updateTable('announcements')
    .set({ state: to, ...(to === 'SENT' || to === 'PARTLY_FAILED' || to === 'FAILED' ? { completed_at: new Date() } : {}) })
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return moved.numUpdatedRows > 0n;
}

export async function deleteAnnouncement(db: Db, id: string): Promise<void> {
  await db.deleteFrom('announcements').where('id', '=', id).execute();
}

export function progressOf(db: Db, announcementIds: readonly string[]): Promise<ChannelProgress[]> {
  return db
    .selectFrom('announcement_deliveries')
    .select(['announcement_id', 'channel', 'state', sql<number>`count(*)::int`.as('count')])
    .where('announcement_id', 'in', announcementIds)
    .groupBy(['announcement_id', 'channel', 'state'])
    .execute();
}

/** Announcements of every tenant with deliveries due now (or whose sender's lease ran out), oldest first. Platform path only. */
export function announcementsWithDueDeliveries(db: Db, limit: number): Promise<{ tenant_id: string; announcement_id: string }[]> {
  return db
    .selectFrom('announcement_deliveries as d')
    .innerJoin('announcements as a', 'a.id', 'd.announcement_id')
    .select(['d.tenant_id', 'd.announcement_id'])
    .where('d.state', 'in', ['PENDING', 'SENDING'])
    .where('d.next_attempt_at', '<=', sql<Date>`now()`)
    .where('a.state', 'in', ['QUEUED', 'SENDING'])
    .groupBy(['d.tenant_id', 'd.announcement_id'])
    .orderBy(sql`min(d.next_attempt_at)`)
    .limit(limit)
    .execute();
}

/** Whether any tenant has an announcement not yet finished (the partial index `announcements_unfinished`). Platform path only. */
export async function anyUnfinished(db: Db): Promise<boolean> {
  const row = await db.selectFrom('announcements').select('id').where('state', 'in', ['RESERVING', 'QUEUED', 'SENDING']).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** When the next delivery of any tenant falls due (a retry's wait or a dead sender's lease running out), if any. Platform path only. */
export async function nextDeliveryDue(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('announcement_deliveries as d')
    .innerJoin('announcements as a', 'a.id', 'd.announcement_id')
    .select((eb) => eb.fn.min('d.next_attempt_at').as('due'))
    .where('d.state', 'in', ['PENDING', 'SENDING'])
    .where('a.state', 'in', ['QUEUED', 'SENDING'])
    .executeTakeFirst();
  return row?.due ? new Date(row.due) : null;
}

/** Announcements of every tenant still being reserved longer than `olderThanMs`: their sender died mid-way. Platform path only. */
export function abandonedReservations(db: Db, olderThanMs: number): Promise<{ tenant_id: string; id: string }[]> {
  return db
    .selectFrom('announcements')
    .select(['tenant_id', 'id'])
    .where('state', '=', 'RESERVING')
    .where('created_at', '<', sql<Date>`now() - ${olderThanMs} * interval '1 millisecond'`)
    .execute();
}

/** Announcements of every tenant whose deliveries are all done but whose credits are not yet settled. Platform path only. */
export function unsettledAnnouncements(db: Db): Promise<{ tenant_id: string; id: string }[]> {
  return db
    .selectFrom('announcements as a')
    .select(['a.tenant_id', 'a.id'])
    .where('a.state', 'in', ['QUEUED', 'SENDING'])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('announcement_deliveries as d').select('d.id').whereRef('d.announcement_id', '=', 'a.id').where('d.state', 'in', ['PENDING', 'SENDING']))),
    )
    .execute();
}

/**
 * Takes up to `limit` of an announcement's due deliveries for this sender, leasing them for
 * `leaseMs`: a conditional update, so two senders never take the same delivery at once, and one
 * whose sender died is due again when its lease runs out.
 */
export function claimDeliveries(db: Db, announcementId: string, limit: number, leaseMs: number): Promise<DeliveryRow[]> {
  return db
    .updateTable('announcement_deliveries')
    .set({ state: 'SENDING', attempts: sql`attempts + 1`, next_attempt_at: sql`now() + ${leaseMs} * interval '1 millisecond'`, updated_at: sql`now()` })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('announcement_deliveries')
        .select('id')
        .where('announcement_id', '=', announcementId)
        .where('state', 'in', ['PENDING', 'SENDING'])
        .where('next_attempt_at', '<=', sql<Date>`now()`)
        .orderBy('next_attempt_at')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .execute();
}

export type DeliveryOutcome = { state: 'SENT'; providerMessageId: string | null } | { state: 'FAILED'; error: string } | { state: 'PENDING'; error: string; retryAt: Date };

/** Records what sending a claimed delivery came to; only the sender holding the claim (`attempts`) may. */
export async function recordOutcome(db: Db, delivery: Pick<DeliveryRow, 'id' | 'attempts'>, outcome: DeliveryOutcome): Promise<boolean> {
  const recorded = await db
    .updateTable('announcement_deliveries')
    .set({
      state: outcome.state,
      provider_message_id: outcome.state === 'SENT' ? outcome.providerMessageId : null,
      error: outcome.state === 'SENT' ? null : outcome.error,
      ...(outcome.state === 'PENDING' ? { next_attempt_at: outcome.retryAt } : {}),
      updated_at: sql`now()`,
    })
    .where('id', '=', delivery.id)
    .where('state', '=', 'SENDING')
    .where('attempts', '=', delivery.attempts)
    .executeTakeFirst();
  return recorded.numUpdatedRows > 0n;
}

/**
 * A provider's receipt, applied once: a SENT delivery sent under that provider message id becomes
 * DELIVERED or UNDELIVERED. Decided on the row locked, so a receipt racing our own record of the
 * send is either applied after it or told to come again (`early`), never dropped.
 */
export async function recordReceipt(db: Db, deliveryId: string, providerMessageId: string, state: 'DELIVERED' | 'UNDELIVERED'): Promise<'recorded' | 'early' | 'ignored'> {
  const delivery = await db.selectFrom('announcement_deliveries').select(['state', 'provider_message_id']).where('id', '=', deliveryId).forUpdate().executeTakeFirst();
  if (!delivery) return 'ignored';
  if (delivery.state === 'PENDING' || delivery.state === 'SENDING') return 'early';
  if (delivery.state !== 'SENT' || delivery.provider_message_id !== providerMessageId) return 'ignored';
  await db.updateTable('announcement_deliveries').set({ state, updated_at: sql`now()` }).where('id', '=', deliveryId).execute();
  return 'recorded';
}

export function findTemplatesByIds(db: Db, ids: readonly string[]): Promise<MessageTemplateRow[]> {
  return db.selectFrom('message_templates').selectAll().where('id', 'in', ids).execute();
}

/** By name; the cursor is the name (unique per tenant). */
export async function listTemplates(db: Db, tenantId: string, page: PageRequest): Promise<Page<MessageTemplateRow>> {
  const rows = await db
    .selectFrom('message_templates')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(name, id) > (${page.after!.key}, ${page.after!.id})`))
    .orderBy('name')
    .orderBy('id')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows, page.first, (row) => ({ key: row.name, id: row.id }));
}

export function insertTemplate(db: Db, template: Insertable<MessageTemplatesTable>): Promise<MessageTemplateRow> {
  return db.insertInto('message_templates').values(template).returningAll().executeTakeFirstOrThrow();
}

export function updateTemplate(db: Db, id: string, changes: Pick<MessageTemplateRow, 'name' | 'subject' | 'body' | 'updated_by'>): Promise<MessageTemplateRow | undefined> {
  return db.updateTable('message_templates').set({ ...changes, updated_at: sql`now()` }).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteTemplate(db: Db, id: string): Promise<boolean> {
  const deleted = await db.deleteFrom('message_templates').where('id', '=', id).executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

export function findAnnouncementByKey(db: Db, authorId: string, idempotencyKey: string): Promise<AnnouncementRow | undefined> {
  return db.selectFrom('announcements').selectAll().where('author_id', '=', authorId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
}
