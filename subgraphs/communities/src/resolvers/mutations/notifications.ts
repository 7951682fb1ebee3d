import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput } from '../../../../../common/errors.js';
import { existingIdsOnly } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { markRead, NOTIFICATION_KINDS, savePreference, type NotificationKind, type PreferenceChannel } from '../../notifications/db.js';
import { notificationReader } from '../Notification.js';

export const notificationMutations: Pick<MutationResolvers, 'markNotificationsRead' | 'setNotificationPreference'> = {
  markNotificationsRead: (_parent, { ids, all }, { viewer, db }) => {
    const reader = notificationReader(viewer);
    if ((ids == null) === (all !== true)) throw badUserInput('Give either ids or all: true.', 'ids');
    if (ids && ids.length > 100) throw badUserInput('Mark at most 100 notifications at a time.', 'ids');
    // Ids that are not the viewer's notifications (or not ids) are ignored, like ones already read.
    const which = ids ? existingIdsOnly(ids) : 'all';
    if (which !== 'all' && which.length === 0) return 0;
    return inTenant(db, reader.tenantId, (trx) => markRead(trx, reader, reader.tenantId, which));
  },

  setNotificationPreference: async (_parent, { kind, channels }, { viewer, db }) => {
    const reader = notificationReader(viewer);
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind)) throw badUserInput(`Unknown kind; one of ${NOTIFICATION_KINDS.join(', ')}.`, 'kind');
    const chosen = [...new Set(channels)].sort();
    if (chosen.some((channel) => channel !== 'IN_APP' && channel !== 'EMAIL')) throw badUserInput('Notifications come in-app or by email; SMS and WhatsApp are for announcements.', 'channels');
    const saved = await inTenant(db, reader.tenantId, (trx) =>
      savePreference(trx, { tenant_id: reader.tenantId, user_id: reader.userId, kind: kind as NotificationKind, channels: chosen as PreferenceChannel[] }),
    );
    return { kind: saved.kind, channels: saved.channels };
  },
};
