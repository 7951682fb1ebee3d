import { money } from '../../../../common/money.js';
import type { RefundResolvers } from '../__generated__/resolvers-types.js';
import { isUuid } from '../../../../common/validation.js';

export const Refund: RefundResolvers = {
  amount: async (refund, _args, { loaders }) => {
    const payment = await loaders.payment.load(refund.payment_id);
    return money(refund.amount_minor, payment?.currency.trim() ?? '');
  },
  refundedBy: (refund) => (isUuid(refund.actor) ? { id: refund.actor } : null),
  createdAt: (refund) => refund.created_at,
};
