import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  AddCommunityMemberDocument,
  CreateCommunityDocument,
  CreatePostDocument,
  HidePostDocument,
  MarkNotificationsReadDocument,
  ReportPostDocument,
  SendDirectMessageDocument,
  SaveMessageTemplateDocument,
  SendAnnouncementDocument,
  SetNotificationPreferenceDocument,
} from '../../../test/__generated__/operations.js';
import { must } from '../../../test/support/client.js';
import { until } from '../../../test/support/isolation-kit.js';
import { defineRlsSeeds } from '../../../test/support/rls-kit.js';

export default defineRlsSeeds({
  tenantTables: ['communities', 'community_members', 'posts', 'post_reports', 'moderation_actions', 'notifications', 'notification_reads', 'conversations', 'conversation_members', 'messages', 'tenant_members', 'outbox_events', 'message_templates', 'announcements', 'announcement_deliveries', 'notification_preferences'],
  appendOnly: { moderation_actions: 'The moderation audit trail: who decided what, and why, for good.' },

  async seedTenant(trx, tenantId) {
    const student = randomUUID();
    const community = await trx
      .insertInto('communities')
      .values({ tenant_id: tenantId, name: 'Seeded group', kind: 'GROUP', created_by: randomUUID() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('tenant_members').values({ tenant_id: tenantId, user_id: student, active: true }).execute();
    await trx.insertInto('community_members').values({ tenant_id: tenantId, community_id: community.id, user_id: student, state: 'ACTIVE' }).execute();
    const post = await trx
      .insertInto('posts')
      .values({ tenant_id: tenantId, community_id: community.id, author_id: student, body: 'Seeded', body_html: '<p>Seeded</p>' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('post_reports').values({ tenant_id: tenantId, post_id: post.id, reporter_id: randomUUID(), reason: 'Seeded' }).execute();
    await trx.insertInto('moderation_actions').values({ tenant_id: tenantId, community_id: community.id, post_id: post.id, actor_id: randomUUID(), action: 'HIDE', reason: 'Seeded' }).execute();
    const conversation = await trx.insertInto('conversations').values({ tenant_id: tenantId, pair_key: `${student}:seeded` }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('conversation_members').values({ tenant_id: tenantId, conversation_id: conversation.id, user_id: student, last_read_at: null }).execute();
    await trx.insertInto('messages').values({ tenant_id: tenantId, conversation_id: conversation.id, sender_id: student, body: 'Seeded' }).execute();
    const notification = await trx
      .insertInto('notifications')
      .values({ tenant_id: tenantId, recipient_id: student, kind: 'TEST_SEEDED', title: 'Seeded', subject: JSON.stringify({ communityId: community.id }), source_event_id: randomUUID() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('notification_reads').values({ tenant_id: tenantId, notification_id: notification.id, user_id: student }).execute();
    await trx.insertInto('message_templates').values({ tenant_id: tenantId, name: 'Seeded', subject: 'Seeded', body: 'Seeded', updated_by: student }).execute();
    const announcement = await trx
      .insertInto('announcements')
      .values({ tenant_id: tenantId, author_id: randomUUID(), audience_kind: 'USERS', audience_id: null, channels: sql`array['IN_APP']` as never, subject: 'Seeded', body: 'Seeded', template_id: null, recipient_count: 1, idempotency_key: 'seeded', request_hash: 'seeded' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('announcement_deliveries').values({ tenant_id: tenantId, announcement_id: announcement.id, recipient_id: student, channel: 'IN_APP', address: null, recipient_name: 'Seeded' }).execute();
    await trx.insertInto('notification_preferences').values({ tenant_id: tenantId, user_id: student, kind: 'POST_HIDDEN', channels: sql`array['EMAIL']` as never }).execute();
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ communityId: community.id }), published_at: new Date() })
      .execute();
  },

  /**
   * A group with the student in it and their post (and so its event), reported and hidden; the
   * notifications of the student joining, read; a template, an in-app announcement to the group,
   * and the student's preference.
   */
  async throughApi({ graphqlUrl }, tenant, student) {
    const { createCommunity } = await must(graphqlUrl, CreateCommunityDocument, { input: { name: `Group of ${tenant.slug}`, kind: 'GROUP' } }, tenant.owner.token);
    await must(graphqlUrl, AddCommunityMemberDocument, { communityId: createCommunity.id, userId: student.id }, tenant.owner.token);
    const { createPost } = await must(graphqlUrl, CreatePostDocument, { communityId: createCommunity.id, body: 'Hello' }, student.token);
    await must(graphqlUrl, ReportPostDocument, { id: createPost.id, reason: 'Seeded' }, student.token);
    await must(graphqlUrl, HidePostDocument, { id: createPost.id, reason: 'Seeded' }, tenant.owner.token);
    await must(graphqlUrl, SendDirectMessageDocument, { toUserId: tenant.owner.id, body: 'Seeded' }, student.token);
    await must(graphqlUrl, SaveMessageTemplateDocument, { input: { name: 'Seeded', subject: 'Seeded', body: 'Seeded' } }, tenant.owner.token);
    const announcement = { audience: { kind: 'COMMUNITY' as const, communityId: createCommunity.id }, channels: ['IN_APP' as const], subject: 'Seeded', body: 'Seeded', idempotencyKey: randomUUID() };
    await must(graphqlUrl, SendAnnouncementDocument, { input: announcement }, tenant.owner.token);
    await must(graphqlUrl, SetNotificationPreferenceDocument, { kind: 'POST_HIDDEN', channels: ['IN_APP', 'EMAIL'] }, student.token);
    await until('the owner is told of a member joining', async () => (await must(graphqlUrl, MarkNotificationsReadDocument, { all: true }, tenant.owner.token)).markNotificationsRead > 0);
  },
});
