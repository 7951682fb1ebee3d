import { withRole } from '../../../../../common/auth/guards.js';
import { notFound } from '../../../../../common/errors.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { refund } from '../../refunding.js';
import { requireIdempotencyKey } from '../../rules/idempotency-key.js';

export const refundMutations: Pick<MutationResolvers, 'refundPayment'> = {
  refundPayment: async (_parent, { paymentId, amountMinor, reason, idempotencyKey }, ctx) => {
    const actor = withRole(ctx.viewer, ['OWNER', 'PLATFORM_ADMIN'], 'Only owners and platform admins refund payments.');
    const key = requireIdempotencyKey(idempotencyKey);
    const why = requireText(reason, 'reason', { max: 500 });
    // The payment as the actor sees it: their tenant's for owners, any for platform admins (audited).
    const payment = isUuid(paymentId) ? await ctx.loaders.payment.load(paymentId) : null;
    if (!payment) throw notFound('Payment');
    return refund(ctx, { tenantId: payment.tenant_id, paymentId: payment.id, amountMinor: amountMinor ?? null, reason: why, actor: actor.userId, idempotencyKey: key });
  },
};
