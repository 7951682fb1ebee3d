import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput } from '../../../../../common/errors.js';
import { existingIdsOnly } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { markRead } from '../../notifications/db.js';
import { notificationReader } from '../Notification.js';

export const notificationMutations: Pick<MutationResolvers, 'markNotificationsRead'> = {
  markNotificationsRead: (_parent, { ids, all }, { viewer, db }) => {
    const reader = notificationReader(viewer);
    if ((ids == null) === (all !== true)) throw badUserInput('Give either ids or all: true.', 'ids');
    if (ids && ids.length > 100) throw badUserInput('Mark at most 100 notifications at a time.', 'ids');
    // Ids that are not the viewer's notifications (or not ids) are ignored, like ones already read.
    const which = ids ? existingIdsOnly(ids) : 'all';
    if (which !== 'all' && which.length === 0) return 0;
    return inTenant(db, reader.tenantId, (trx) => markRead(trx, reader, reader.tenantId, which));
  },
};
