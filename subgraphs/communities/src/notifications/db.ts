import { sql, type Generated, type Insertable, type Selectable } from 'kysely';
import type { Role } from '../../../../common/auth/viewer.js';
import { pageOf, type Page, type PageRequest } from '../../../../common/pagination.js';
import type { CommunitiesDb } from '../db.js';

export type RecipientRole = Exclude<Role, 'PLATFORM_ADMIN'>;

interface NotificationsTable {
  id: Generated<string>;
  tenant_id: string;
  recipient_id: string | null;
  recipient_role: RecipientRole | null;
  kind: string;
  title: string;
  subject: Record<string, string>;
  source_event_id: string;
  created_at: Generated<Date>;
}

interface NotificationReadsTable {
  tenant_id: string;
  notification_id: string;
  user_id: string;
  read_at: Generated<Date>;
}

/** The channels a member wants one kind of notification on; no row means in-app only. */
interface NotificationPreferencesTable {
  tenant_id: string;
  user_id: string;
  kind: NotificationKind;
  channels: PreferenceChannel[];
  updated_at: Generated<Date>;
}

export interface NotificationsTables {
  notifications: NotificationsTable;
  notification_reads: NotificationReadsTable;
  notification_preferences: NotificationPreferencesTable;
}

/** Every kind of notification there is, each from the event of that name but the last three. */
export const NOTIFICATION_KINDS = [
  'BOOKING_CREATED',
  'BOOKING_CONFIRMED',
  'BOOKING_CANCELLED',
  'BOOKING_EXPIRED',
  'USER_JOINED',
  'PAYMENT_REFUNDED',
  'POST_CREATED',
  'POST_HIDDEN',
  'CREDITS_LOW',
  'SYSTEM_MESSAGE',
  'ANNOUNCEMENT',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Where a notification may reach a member: in the app, and a copy by email. The paid channels are for announcements. */
export type PreferenceChannel = 'IN_APP' | 'EMAIL';
export const DEFAULT_CHANNELS: readonly PreferenceChannel[] = ['IN_APP'];
export type NotificationPreferenceRow = Selectable<NotificationPreferencesTable>;

type Db = CommunitiesDb;
export type NewNotification = Omit<Insertable<NotificationsTable>, 'subject'> & { subject: Record<string, string> };
/** A notification as its reader sees it: with whether they have read it. */
export type NotificationRow = Selectable<NotificationsTable> & { read_at: Date | null };

/** Who reads: a user, who also receives what is sent to every member with their role. */
export interface NotificationReader {
  userId: string;
  role: RecipientRole;
}

/** Writes notifications once per (event, recipient): a redelivered event adds none. */
export async function insertNotifications(db: Db, notifications: NewNotification[]) {
  if (notifications.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(notifications.map((notification) => ({ ...notification, subject: JSON.stringify(notification.subject) as never })))
    .onConflict((oc) => oc.expression(sql`source_event_id, coalesce(recipient_id::text, recipient_role)`).doNothing())
    .returningAll()
    .execute();
}

/** The reader's notifications, but for kinds they turned off in-app. */
function notificationsOf(db: Db, reader: NotificationReader) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (join) => join.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', reader.userId))
    .selectAll('n')
    .select('r.read_at')
    .where((eb) => eb.or([eb('n.recipient_id', '=', reader.userId), eb('n.recipient_role', '=', reader.role)]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notification_preferences as p').select('p.kind').where('p.user_id', '=', reader.userId).whereRef('p.kind', '=', 'n.kind').where(sql<boolean>`not ('IN_APP' = any(p.channels))`))),
    );
}

export function preferencesOf(db: Db, userIds: readonly string[]): Promise<NotificationPreferenceRow[]> {
  return db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute();
}

export function savePreference(db: Db, preference: Pick<NotificationPreferenceRow, 'tenant_id' | 'user_id' | 'kind' | 'channels'>): Promise<NotificationPreferenceRow> {
  const channels = sql<PreferenceChannel[]>`${preference.channels}::text[]`;
  return db
    .insertInto('notification_preferences')
    .values({ ...preference, channels: channels as never })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ channels: channels as never, updated_at: sql`now()` }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The reader's notifications, newest first, optionally unread ones only. */
export async function listNotifications(db: Db, reader: NotificationReader, unreadOnly: boolean, page: PageRequest): Promise<Page<NotificationRow>> {
  const rows = await notificationsOf(db, reader)
    .$if(unreadOnly, (q) => q.where('r.read_at', 'is', null))
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(n.created_at, n.id) < (${page.after!.key}, ${page.after!.id})`))
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows, page.first, (row) => ({ key: row.created_at, id: row.id }));
}

export function findNotificationsByIds(db: Db, reader: NotificationReader, ids: readonly string[]): Promise<NotificationRow[]> {
  return notificationsOf(db, reader).where('n.id', 'in', ids).execute();
}

/** Marks the reader's notifications read (those of `ids`, or all); others' ids are ignored. Answers how many were newly read. */
export async function markRead(db: Db, reader: NotificationReader, tenantId: string, ids: readonly string[] | 'all'): Promise<number> {
  const unread = await notificationsOf(db, reader)
    .where('r.read_at', 'is', null)
    .$if(ids !== 'all', (q) => q.where('n.id', 'in', ids as string[]))
    .execute();
  if (unread.length === 0) return 0;
  const inserted = await db
    .insertInto('notification_reads')
    .values(unread.map((notification) => ({ tenant_id: tenantId, notification_id: notification.id, user_id: reader.userId })))
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing())
    .returning('notification_id')
    .execute();
  return inserted.length;
}
