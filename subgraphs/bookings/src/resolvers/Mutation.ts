import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { bookingMutations } from './mutations/bookings.js';
import { libraryMutations } from './mutations/libraries.js';
import { policyMutations } from './mutations/policy.js';

export const Mutation: MutationResolvers = { ...libraryMutations, ...bookingMutations, ...policyMutations };
