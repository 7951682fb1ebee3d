import type { PaymentPolicyResolvers } from '../__generated__/resolvers-types.js';

export const PaymentPolicy: PaymentPolicyResolvers = {
  refundOnCancellation: (policy) => policy.refund_on_cancellation,
};
