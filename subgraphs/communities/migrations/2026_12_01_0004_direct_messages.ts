import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  // One conversation per pair of members of a tenant (`pair_key`: their ids in order).
  await db.schema
    .createTable('conversations')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('pair_key', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('last_message_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addUniqueConstraint('conversations_tenant_id_id', ['tenant_id', 'id'])
    .addUniqueConstraint('conversations_pair', ['tenant_id', 'pair_key'])
    .execute();
  await enableTenantIsolationV1(db, 'conversations');

  await db.schema
    .createTable('conversation_members')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('conversation_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    // Everything up to here the member has read: their read receipt, and what counts as unread.
    .addColumn('last_read_at', 'timestamptz')
    .addPrimaryKeyConstraint('conversation_members_pkey', ['conversation_id', 'user_id'])
    .addForeignKeyConstraint('conversation_members_conversation', ['tenant_id', 'conversation_id'], 'conversations', ['tenant_id', 'id'])
    .execute();
  await sql`create index conversation_members_user on conversation_members (user_id)`.execute(db);
  await enableTenantIsolationV1(db, 'conversation_members');

  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('conversation_id', 'uuid', (col) => col.notNull())
    .addColumn('sender_id', 'uuid', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull().check(sql`char_length(body) between 1 and 2000`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addForeignKeyConstraint('messages_conversation', ['tenant_id', 'conversation_id'], 'conversations', ['tenant_id', 'id'])
    .execute();
  await sql`create index messages_conversation on messages (conversation_id, created_at desc, id desc)`.execute(db);
  await sql`create index messages_sender on messages (sender_id, created_at desc)`.execute(db);
  await enableTenantIsolationV1(db, 'messages');
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['messages', 'conversation_members', 'conversations']) await db.schema.dropTable(table).execute();
}
