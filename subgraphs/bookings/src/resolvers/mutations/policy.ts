import { withRole } from '../../../../../common/auth/guards.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput } from '../../../../../common/errors.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { saveBookingPolicy, type BookingPolicyUpdate } from '../../db.js';

export const policyMutations: Pick<MutationResolvers, 'updateBookingPolicy'> = {
  updateBookingPolicy: (_parent, { input }, { viewer, db }) => {
    const owner = withRole(viewer, ['OWNER'], 'Only owners set how bookings hold seats.');
    const { paymentRequired, holdSeconds } = input;
    if (holdSeconds != null && (!Number.isInteger(holdSeconds) || holdSeconds < 5 || holdSeconds > 7200)) {
      throw badUserInput('holdSeconds must be between 5 and 7200.', 'holdSeconds');
    }
    const changes: BookingPolicyUpdate = {
      ...(paymentRequired != null ? { payment_required: paymentRequired } : {}),
      ...(holdSeconds != null ? { hold_seconds: holdSeconds } : {}),
    };
    return inTenant(db, owner.tenantId, (trx) => saveBookingPolicy(trx, owner.tenantId, changes));
  },
};
