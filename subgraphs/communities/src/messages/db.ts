import { sql, type Generated, type Selectable } from 'kysely';
import { pageOf, type Page, type PageRequest } from '../../../../common/pagination.js';
import type { CommunitiesDb } from '../db.js';

interface ConversationsTable {
  id: Generated<string>;
  tenant_id: string;
  pair_key: string;
  created_at: Generated<Date>;
  last_message_at: Generated<Date>;
}

interface ConversationMembersTable {
  tenant_id: string;
  conversation_id: string;
  user_id: string;
  last_read_at: Date | null;
}

interface MessagesTable {
  id: Generated<string>;
  tenant_id: string;
  conversation_id: string;
  sender_id: string;
  body: string;
  created_at: Generated<Date>;
}

export interface MessagesTables {
  conversations: ConversationsTable;
  conversation_members: ConversationMembersTable;
  messages: MessagesTable;
}

/** A conversation as one member sees it: the other member, and what they themselves have not read. */
export type ConversationRow = Selectable<ConversationsTable> & { other_id: string; unread: number; other_last_read_at: Date | null };
/** A message, with whether the member it was sent to has read it. */
export type MessageRow = Selectable<MessagesTable> & { read_by_recipient: boolean };

function selectMessages(db: CommunitiesDb) {
  return db
    .selectFrom('messages as m')
    .selectAll('m')
    .select(
      sql<boolean>`exists (select 1 from conversation_members r where r.conversation_id = m.conversation_id and r.user_id <> m.sender_id and r.last_read_at >= m.created_at)`.as('read_by_recipient'),
    );
}

const pairKey = (a: string, b: string) => [a, b].sort().join(':');

/** The conversation of two members, made the first time either writes; a race makes it once. */
export async function conversationOf(db: CommunitiesDb, tenantId: string, a: string, b: string): Promise<string> {
  const key = pairKey(a, b);
  const made = await db.insertInto('conversations').values({ tenant_id: tenantId, pair_key: key }).onConflict((oc) => oc.constraint('conversations_pair').doNothing()).returning('id').executeTakeFirst();
  if (made) {
    await db.insertInto('conversation_members').values([a, b].map((user_id) => ({ tenant_id: tenantId, conversation_id: made.id, user_id, last_read_at: null }))).execute();
    return made.id;
  }
  return (await db.selectFrom('conversations').select('id').where('tenant_id', '=', tenantId).where('pair_key', '=', key).executeTakeFirstOrThrow()).id;
}

/** How many messages the user sent since `since`: the send limit counts them. */
export async function sentSince(db: CommunitiesDb, userId: string, since: Date): Promise<number> {
  const row = await db.selectFrom('messages').select(sql<string>`count(*)`.as('n')).where('sender_id', '=', userId).where('created_at', '>', since).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertMessage(db: CommunitiesDb, message: { tenant_id: string; conversation_id: string; sender_id: string; body: string }): Promise<MessageRow> {
  const inserted = { ...(await db.insertInto('messages').values(message).returningAll().executeTakeFirstOrThrow()), read_by_recipient: false };
  await db.updateTable('conversations').set({ last_message_at: inserted.created_at }).where('id', '=', message.conversation_id).execute();
  // Writing reads what came before.
  await db.updateTable('conversation_members').set({ last_read_at: inserted.created_at }).where('conversation_id', '=', message.conversation_id).where('user_id', '=', message.sender_id).execute();
  return inserted;
}

function conversationsOf(db: CommunitiesDb, userId: string) {
  return db
    .selectFrom('conversation_members as me')
    .innerJoin('conversations as c', 'c.id', 'me.conversation_id')
    .innerJoin('conversation_members as other', (join) => join.onRef('other.conversation_id', '=', 'c.id').on('other.user_id', '!=', userId))
    .selectAll('c')
    .select(['other.user_id as other_id', 'other.last_read_at as other_last_read_at'])
    .select(sql<number>`(select count(*)::int from messages m where m.conversation_id = c.id and m.sender_id <> ${userId} and (me.last_read_at is null or m.created_at > me.last_read_at))`.as('unread'))
    .where('me.user_id', '=', userId);
}

/** The user's conversations, latest message first. */
export async function listConversations(db: CommunitiesDb, userId: string, page: PageRequest): Promise<Page<ConversationRow>> {
  const rows = await conversationsOf(db, userId)
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(c.last_message_at, c.id) < (${page.after!.key}, ${page.after!.id})`))
    .orderBy('c.last_message_at', 'desc')
    .orderBy('c.id', 'desc')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows, page.first, (row) => ({ key: row.last_message_at, id: row.id }));
}

export function findConversation(db: CommunitiesDb, userId: string, id: string): Promise<ConversationRow | undefined> {
  return conversationsOf(db, userId).where('c.id', '=', id).executeTakeFirst();
}

/** One page of a conversation's messages, newest first. */
export async function messagesOf(db: CommunitiesDb, conversationId: string, page: PageRequest): Promise<Page<MessageRow>> {
  const rows = await selectMessages(db)
    .where('m.conversation_id', '=', conversationId)
    .$if(page.after !== null, (q) => q.where(sql<boolean>`(m.created_at, m.id) < (${page.after!.key}, ${page.after!.id})`))
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows, page.first, (row) => ({ key: row.created_at, id: row.id }));
}

export function findMessagesByIds(db: CommunitiesDb, ids: readonly string[]): Promise<MessageRow[]> {
  return selectMessages(db).where('m.id', 'in', ids).execute();
}

/** Records that the member has read the conversation up to now. */
export function markConversationRead(db: CommunitiesDb, conversationId: string, userId: string, at: Date) {
  return db.updateTable('conversation_members').set({ last_read_at: at }).where('conversation_id', '=', conversationId).where('user_id', '=', userId).execute();
}
