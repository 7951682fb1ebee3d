import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  // Texts a tenant's staff reuse, with placeholders filled in per recipient.
  await db.schema
    .createTable('message_templates')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('updated_by', 'uuid', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addUniqueConstraint('message_templates_tenant_id_id', ['tenant_id', 'id'])
    .addUniqueConstraint('message_templates_name', ['tenant_id', 'name'])
    .execute();
  await enableTenantIsolationV1(db, 'message_templates');

  // An announcement's text is copied in when it is sent: editing a template later changes nothing sent.
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('author_id', 'uuid', (col) => col.notNull())
    .addColumn('audience_kind', 'text', (col) => col.notNull().check(sql`audience_kind in ('COMMUNITY', 'LIBRARY', 'USERS', 'TENANT')`))
    .addColumn('audience_id', 'uuid')
    .addColumn('channels', sql`text[]`, (col) => col.notNull())
    .addColumn('subject', 'text', (col) => col.notNull())
    .addColumn('body', 'text', (col) => col.notNull())
    .addColumn('template_id', 'uuid')
    // RESERVING until payments holds its credits; QUEUED, SENDING, then SENT, PARTLY_FAILED or FAILED.
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('RESERVING'))
    .addColumn('recipient_count', 'integer', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint('announcements_state', sql`state in ('RESERVING', 'QUEUED', 'SENDING', 'SENT', 'PARTLY_FAILED', 'FAILED')`)
    .addUniqueConstraint('announcements_tenant_id_id', ['tenant_id', 'id'])
    .addUniqueConstraint('announcements_idempotency', ['tenant_id', 'author_id', 'idempotency_key'])
    .execute();
  await sql`create index announcements_recent on announcements (tenant_id, created_at desc, id desc)`.execute(db);
  await sql`create index announcements_unfinished on announcements (created_at) where state in ('RESERVING', 'QUEUED', 'SENDING')`.execute(db);
  await enableTenantIsolationV1(db, 'announcements');

  // One row per (announcement, recipient, channel): what makes a delivery happen at most once.
  // A delivery being sent holds a lease (`next_attempt_at`); one whose sender died is taken up again when it runs out.
  await db.schema
    .createTable('announcement_deliveries')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('announcement_id', 'uuid', (col) => col.notNull())
    .addColumn('recipient_id', 'uuid', (col) => col.notNull())
    .addColumn('channel', 'text', (col) => col.notNull().check(sql`channel in ('IN_APP', 'EMAIL', 'SMS', 'WHATSAPP')`))
    .addColumn('address', 'text')
    .addColumn('recipient_name', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('PENDING'))
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('provider_message_id', 'text')
    .addColumn('error', 'text')
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addCheckConstraint('announcement_deliveries_state', sql`state in ('PENDING', 'SENDING', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED')`)
    .addUniqueConstraint('announcement_deliveries_once', ['announcement_id', 'recipient_id', 'channel'])
    .addForeignKeyConstraint('announcement_deliveries_announcement', ['tenant_id', 'announcement_id'], 'announcements', ['tenant_id', 'id'], (fk) => fk.onDelete('cascade'))
    .execute();
  await sql`create index announcement_deliveries_due on announcement_deliveries (next_attempt_at) where state in ('PENDING', 'SENDING')`.execute(db);
  await enableTenantIsolationV1(db, 'announcement_deliveries');

  // Which channels a member wants each kind of notification on; no row means in-app only.
  await db.schema
    .createTable('notification_preferences')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('channels', sql`text[]`, (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addPrimaryKeyConstraint('notification_preferences_pkey', ['user_id', 'kind'])
    .execute();
  await enableTenantIsolationV1(db, 'notification_preferences');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('announcement_deliveries').execute();
  await db.schema.dropTable('announcements').execute();
  await db.schema.dropTable('message_templates').execute();
}
