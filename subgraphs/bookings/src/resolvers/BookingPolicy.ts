import type { BookingPolicyResolvers } from '../__generated__/resolvers-types.js';

export const BookingPolicy: BookingPolicyResolvers = {
  paymentRequired: (policy) => policy.payment_required,
  holdSeconds: (policy) => policy.hold_seconds,
};
