import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  // One report per member per post; enough of them put the post in the moderators' queue.
  await db.schema
    .createTable('post_reports')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('post_id', 'uuid', (col) => col.notNull())
    .addColumn('reporter_id', 'uuid', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addPrimaryKeyConstraint('post_reports_pkey', ['post_id', 'reporter_id'])
    .addForeignKeyConstraint('post_reports_post', ['tenant_id', 'post_id'], 'posts', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolationV1(db, 'post_reports');
  await sql`alter table posts add column flagged_at timestamptz`.execute(db);
  await sql`create index posts_flagged on posts (tenant_id, flagged_at desc, id desc) where flagged_at is not null and state = 'VISIBLE'`.execute(db);

  // Every moderation decision, who made it and why.
  await db.schema
    .createTable('moderation_actions')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('community_id', 'uuid', (col) => col.notNull())
    .addColumn('post_id', 'uuid')
    .addColumn('user_id', 'uuid')
    .addColumn('actor_id', 'uuid', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull().check(sql`action in ('HIDE', 'RESTORE', 'BAN')`))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addForeignKeyConstraint('moderation_actions_community', ['tenant_id', 'community_id'], 'communities', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolationV1(db, 'moderation_actions');
  // The audit trail is append-only for the services.
  await sql`revoke update, delete on moderation_actions from carrel_app, carrel_platform`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('moderation_actions').execute();
  await sql`alter table posts drop column flagged_at`.execute(db);
  await db.schema.dropTable('post_reports').execute();
}
