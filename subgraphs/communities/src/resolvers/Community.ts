import { EMPTY_PAGE, pageRequest } from '../../../../common/pagination.js';
import type { CommunityResolvers } from '../__generated__/resolvers-types.js';
import { canReadCommunity } from '../access.js';

export const Community: CommunityResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.community.load(reference.id),
  tenant: (community) => ({ id: community.tenant_id }),
  library: (community) => (community.library_id ? { id: community.library_id } : null),
  inviteOnly: (community) => community.invite_only,
  createdAt: (community) => community.created_at,
  archivedAt: (community) => community.archived_at,
  viewerMembership: (community, _args, { viewer }) =>
    viewer && community.viewer_state && community.viewer_role && community.viewer_since
      ? { tenant_id: community.tenant_id, community_id: community.id, user_id: viewer.userId, role: community.viewer_role, state: community.viewer_state, created_at: community.viewer_since, updated_at: community.viewer_since }
      : null,
  members: (community, { first, after }, { viewer, loaders }) => {
    const page = pageRequest(first, after);
    return canReadCommunity(viewer, community) ? loaders.membersOfCommunity.load({ parentId: community.id, page, args: {} }) : EMPTY_PAGE;
  },
  posts: (community, { first, after }, { viewer, loaders }) => {
    const page = pageRequest(first, after);
    return canReadCommunity(viewer, community) ? loaders.postsOfCommunity.load({ parentId: community.id, page, args: {} }) : EMPTY_PAGE;
  },
};
