import { withRole } from '../../../../../common/auth/guards.js';
import type { TenantMember } from '../../../../../common/auth/viewer.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, idempotencyKeyReused, notFound } from '../../../../../common/errors.js';
import { requestHash } from '../../../../../common/idempotency.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers, SendAnnouncementInput } from '../../__generated__/resolvers-types.js';
import { addressOn, membersOf, type Audience } from '../../announcements/audience.js';
import {
  deleteTemplate,
  findAnnouncementByKey,
  findAnnouncementsByIds,
  findTemplatesByIds,
  insertAnnouncement,
  insertDeliveries,
  insertTemplate,
  updateTemplate,
  type AnnouncementRow,
  type MessageChannel,
  type NewDelivery,
} from '../../announcements/db.js';
import { reserveAndQueue } from '../../announcements/reservation.js';
import { checkPlaceholders } from '../../announcements/templates.js';
import type { CommunitiesContext } from '../../context.js';

/** An SMS or WhatsApp message longer than ten segments is refused by carriers. */
const MAX_PHONE_TEXT = 1_600;

const staffOnly = (viewer: CommunitiesContext['viewer'], what: string): TenantMember => withRole(viewer, ['OWNER', 'STAFF'], `Only the tenant’s staff and owners ${what}.`) as TenantMember;

/** What the announcement says: its own text, or its template's, checked for what each channel can carry. */
async function textOf(ctx: CommunitiesContext, tenantId: string, input: SendAnnouncementInput, channels: readonly MessageChannel[]) {
  let subject: string;
  let body: string;
  if (input.templateId != null) {
    const [template] = await inTenant(ctx.db, tenantId, (trx) => findTemplatesByIds(trx, [input.templateId!].filter(isUuid)));
    if (!template) throw notFound('MessageTemplate');
    ({ subject, body } = template);
  } else {
    subject = checkPlaceholders(requireText(input.subject ?? '', 'subject', { max: 200 }), 'subject');
    body = checkPlaceholders(requireText(input.body ?? '', 'body', { max: 5_000 }), 'body');
  }
  if (channels.some((channel) => channel === 'SMS' || channel === 'WHATSAPP') && subject.length + body.length + 2 > MAX_PHONE_TEXT) {
    throw badUserInput(`An SMS or WhatsApp announcement holds at most ${MAX_PHONE_TEXT} characters, subject included.`, 'body');
  }
  return { subject, body };
}

function audienceOf(input: SendAnnouncementInput['audience']): Audience {
  const { kind } = input;
  const id = kind === 'COMMUNITY' ? input.communityId : kind === 'LIBRARY' ? input.libraryId : null;
  if ((kind === 'COMMUNITY' || kind === 'LIBRARY') && !id) throw badUserInput(`Name the ${kind === 'COMMUNITY' ? 'community' : 'library'}.`, kind === 'COMMUNITY' ? 'audience.communityId' : 'audience.libraryId');
  if (kind === 'USERS' && !input.userIds?.length) throw badUserInput('Choose the users.', 'audience.userIds');
  return { kind, id: id ?? null, userIds: kind === 'USERS' ? input.userIds! : [] };
}

/** A replay of the same key: the first announcement, if it was asked the same; IDEMPOTENCY_KEY_REUSED if not. */
function replayed(first: AnnouncementRow, requestHash: string): AnnouncementRow {
  if (first.request_hash !== requestHash) throw idempotencyKeyReused();
  return first;
}

export const announcementMutations: Pick<MutationResolvers, 'sendAnnouncement' | 'saveMessageTemplate' | 'deleteMessageTemplate'> = {
  sendAnnouncement: async (_parent, { input }, ctx) => {
    const sender = staffOnly(ctx.viewer, 'send announcements');
    const { tenantId, userId } = sender;
    const key = requireText(input.idempotencyKey, 'idempotencyKey', { max: 200 });
    const channels = [...new Set(input.channels)].sort() as MessageChannel[];
    if (channels.length === 0) throw badUserInput('Choose at least one channel.', 'channels');
    const audience = audienceOf(input.audience);
    const hash = requestHash({ audience, channels, subject: input.subject ?? null, body: input.body ?? null, templateId: input.templateId ?? null });

    const earlier = await inTenant(ctx.db, tenantId, (trx) => findAnnouncementByKey(trx, userId, key));
    if (earlier) return replayed(earlier, hash);

    const { subject, body } = await textOf(ctx, tenantId, input, channels);
    // The sender knows what they wrote; they are not sent it (nor charged for it).
    const members = (await membersOf(ctx, tenantId, audience)).filter((member) => member.userId !== userId);
    if (members.length === 0) throw badUserInput('The audience has no active members.', 'audience');
    const deliveries: Omit<NewDelivery, 'announcement_id'>[] = channels.flatMap((channel) =>
      members.flatMap((member) => {
        const address = addressOn(channel, member);
        return address === null ? [] : [{ tenant_id: tenantId, recipient_id: member.userId, channel, address: address || null, recipient_name: member.displayName }];
      }),
    );
    if (deliveries.length === 0) throw badUserInput('No member of the audience can be reached on the chosen channels.', 'channels');

    const { row, created } = await inTenant(ctx.db, tenantId, async (trx) => {
      const inserted = await insertAnnouncement(trx, {
        tenant_id: tenantId,
        author_id: userId,
        audience_kind: audience.kind,
        audience_id: audience.id,
        channels,
        subject,
        body,
        template_id: input.templateId ?? null,
        recipient_count: members.length,
        idempotency_key: key,
        request_hash: hash,
      });
      if (inserted.created) await insertDeliveries(trx, deliveries.map((delivery) => ({ ...delivery, announcement_id: inserted.row.id })));
      return inserted;
    });
    if (!created) return replayed(row, hash);
    await reserveAndQueue(ctx, row);
    ctx.deliveries.kick();
    const [queued] = await inTenant(ctx.db, tenantId, (trx) => findAnnouncementsByIds(trx, [row.id]));
    return queued!;
  },

  saveMessageTemplate: async (_parent, { input }, ctx) => {
    const editor = staffOnly(ctx.viewer, 'edit message templates');
    const fields = {
      name: requireText(input.name, 'name', { max: 100 }),
      subject: checkPlaceholders(requireText(input.subject, 'subject', { max: 200 }), 'subject'),
      body: checkPlaceholders(requireText(input.body, 'body', { max: 5_000 }), 'body'),
      updated_by: editor.userId,
    };
    return inTenant(ctx.db, editor.tenantId, async (trx) => {
      if (input.id == null) return insertTemplate(trx, { ...fields, tenant_id: editor.tenantId });
      const updated = isUuid(input.id) ? await updateTemplate(trx, input.id, fields) : undefined;
      if (!updated) throw notFound('MessageTemplate');
      return updated;
    });
  },

  deleteMessageTemplate: async (_parent, { id }, ctx) => {
    const editor = staffOnly(ctx.viewer, 'edit message templates');
    const deleted = isUuid(id) && (await inTenant(ctx.db, editor.tenantId, (trx) => deleteTemplate(trx, id)));
    if (!deleted) throw notFound('MessageTemplate');
    return true;
  },
};
