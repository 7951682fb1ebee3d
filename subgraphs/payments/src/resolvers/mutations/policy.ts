import { withRole } from '../../../../../common/auth/guards.js';
import { inTenant } from '../../../../../common/db/scope.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { savePaymentPolicy } from '../../db/policies.js';

export const policyMutations: Pick<MutationResolvers, 'updatePaymentPolicy'> = {
  updatePaymentPolicy: (_parent, { input }, { viewer, db }) => {
    const owner = withRole(viewer, ['OWNER'], 'Only owners set how payments are refunded.');
    return inTenant(db, owner.tenantId, (trx) => savePaymentPolicy(trx, owner.tenantId, { refund_on_cancellation: input.refundOnCancellation }, owner.userId));
  },
};
