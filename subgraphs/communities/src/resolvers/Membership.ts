import type { MembershipResolvers } from '../__generated__/resolvers-types.js';

export const Membership: MembershipResolvers = {
  community: (membership, _args, { loaders }) => loaders.community.load(membership.community_id),
  user: (membership) => ({ id: membership.user_id }),
  since: (membership) => membership.created_at,
};
