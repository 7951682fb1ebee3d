import { sql, type Kysely } from 'kysely';
import { createOutboxTableV1, createTenantMembersTableV1, enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('communities')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    // A library of the same tenant (the bookings service's), or none for a tenant-wide community.
    .addColumn('library_id', 'uuid')
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('description', 'text', (col) => col.notNull().defaultTo(''))
    // GROUP: members are added by staff and owners. OPEN: students join themselves, or ask to when invite-only.
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('GROUP', 'OPEN')`))
    .addColumn('invite_only', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('archived_at', 'timestamptz')
    .addUniqueConstraint('communities_tenant_id_id', ['tenant_id', 'id'])
    .addCheckConstraint('communities_invite_only_open', sql`kind = 'OPEN' or not invite_only`)
    .execute();
  await sql`create index communities_tenant_created on communities (tenant_id, created_at desc, id desc)`.execute(db);
  await sql`create index communities_library on communities (library_id, created_at desc, id desc) where library_id is not null`.execute(db);
  await enableTenantIsolationV1(db, 'communities');

  await db.schema
    .createTable('community_members')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('community_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull().defaultTo('MEMBER').check(sql`role in ('MEMBER', 'MODERATOR', 'MANAGER')`))
    .addColumn('state', 'text', (col) => col.notNull().check(sql`state in ('PENDING', 'ACTIVE', 'LEFT', 'REMOVED', 'BANNED')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addPrimaryKeyConstraint('community_members_pkey', ['community_id', 'user_id'])
    .addForeignKeyConstraint('community_members_community', ['tenant_id', 'community_id'], 'communities', ['tenant_id', 'id'])
    .execute();
  await sql`create index community_members_user on community_members (user_id, created_at desc, community_id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'community_members');

  await db.schema
    .createTable('posts')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('community_id', 'uuid', (col) => col.notNull())
    .addColumn('author_id', 'uuid', (col) => col.notNull())
    .addColumn('reply_to', 'uuid')
    // What the author wrote (Markdown), and what clients are shown: rendered once, with no raw HTML.
    .addColumn('body', 'text', (col) => col.notNull().check(sql`char_length(body) between 1 and 5000`))
    .addColumn('body_html', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('VISIBLE').check(sql`state in ('VISIBLE', 'HIDDEN', 'DELETED')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('edited_at', 'timestamptz')
    .addUniqueConstraint('posts_tenant_id_id', ['tenant_id', 'id'])
    .addForeignKeyConstraint('posts_community', ['tenant_id', 'community_id'], 'communities', ['tenant_id', 'id'])
    .addForeignKeyConstraint('posts_reply_to', ['tenant_id', 'reply_to'], 'posts', ['tenant_id', 'id'])
    .execute();
  await sql`create index posts_community_created on posts (community_id, created_at desc, id desc)`.execute(db);
  await enableTenantIsolationV1(db, 'posts');

  await createTenantMembersTableV1(db);
  await createOutboxTableV1(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['outbox_events', 'tenant_members', 'posts', 'community_members', 'communities']) await db.schema.dropTable(table).execute();
}
