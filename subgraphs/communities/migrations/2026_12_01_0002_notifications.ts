import { sql, type Kysely } from 'kysely';
import { enableTenantIsolationV1 } from '../../../common/db/migration-helpers.js';

const createdAt = sql`date_trunc('milliseconds', now())`;

export async function up(db: Kysely<any>): Promise<void> {
  // An in-app notification is for one user, or for every member of a tenant with a role (the
  // owners, say), who each read it on their own.
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (col) => col.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('recipient_id', 'uuid')
    .addColumn('recipient_role', 'text', (col) => col.check(sql`recipient_role in ('STUDENT', 'STAFF', 'OWNER')`))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    // The keys of what it is about (bookingId, postId, ...), for portals to link to.
    .addColumn('subject', 'jsonb', (col) => col.notNull())
    // The event it came from: an event redelivered notifies nobody twice.
    .addColumn('source_event_id', 'uuid', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(createdAt))
    .addCheckConstraint('notifications_one_recipient', sql`(recipient_id is null) <> (recipient_role is null)`)
    .addUniqueConstraint('notifications_tenant_id_id', ['tenant_id', 'id'])
    .execute();
  await sql`create unique index notifications_once_per_event on notifications (source_event_id, coalesce(recipient_id::text, recipient_role))`.execute(db);
  await sql`create index notifications_recipient on notifications (recipient_id, created_at desc, id desc) where recipient_id is not null`.execute(db);
  await sql`create index notifications_role on notifications (tenant_id, recipient_role, created_at desc, id desc) where recipient_role is not null`.execute(db);
  await enableTenantIsolationV1(db, 'notifications');

  await db.schema
    .createTable('notification_reads')
    .addColumn('tenant_id', 'uuid', (col) => col.notNull())
    .addColumn('notification_id', 'uuid', (col) => col.notNull())
    .addColumn('user_id', 'uuid', (col) => col.notNull())
    .addColumn('read_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('notification_reads_pkey', ['notification_id', 'user_id'])
    .addForeignKeyConstraint('notification_reads_notification', ['tenant_id', 'notification_id'], 'notifications', ['tenant_id', 'id'])
    .execute();
  await enableTenantIsolationV1(db, 'notification_reads');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notification_reads').execute();
  await db.schema.dropTable('notifications').execute();
}
