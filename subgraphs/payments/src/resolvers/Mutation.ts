import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { buyCreditsMutations } from './mutations/buy-credits.js';
import { creditMutations } from './mutations/credits.js';
import { payMutations } from './mutations/pay.js';
import { policyMutations } from './mutations/policy.js';
import { refundMutations } from './mutations/refund.js';
import { settlementMutations } from './mutations/settlements.js';

export const Mutation: MutationResolvers = { ...payMutations, ...refundMutations, ...creditMutations, ...settlementMutations, ...policyMutations, ...buyCreditsMutations };
