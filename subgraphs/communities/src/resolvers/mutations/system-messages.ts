import { randomUUID } from 'node:crypto';
import { platformAdmin } from '../../../../../common/auth/guards.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { notFound } from '../../../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../../../common/events/outbox.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { insertNotifications } from '../../notifications/db.js';

export const systemMessageMutations: Pick<MutationResolvers, 'sendSystemMessage'> = {
  sendSystemMessage: async (_parent, { tenantId, title }, ctx) => {
    platformAdmin(ctx.viewer, 'Only platform admins send system messages.');
    const text = requireText(title, 'title', { max: 500 });
    if (!isUuid(tenantId)) throw notFound('Tenant');
    return changeAndPublish(ctx.relay, () =>
      inTenant(ctx.db, tenantId, async (trx) => {
        // A tenant this service has heard of has members; an id that names none is no tenant.
        const known = await trx.selectFrom('tenant_members').select('user_id').where('tenant_id', '=', tenantId).limit(1).executeTakeFirst();
        if (!known) throw notFound('Tenant');
        const [notification] = await insertNotifications(trx, [
          { tenant_id: tenantId, recipient_id: null, recipient_role: 'OWNER', kind: 'SYSTEM_MESSAGE', title: text, subject: {}, source_event_id: randomUUID() },
        ]);
        await recordEvents(trx, [{ tenantId, type: 'NOTIFICATION_CREATED', keys: { notificationId: notification!.id, recipient: 'role:OWNER' } }]);
        return { ...notification!, read_at: null };
      }),
    );
  },
};
