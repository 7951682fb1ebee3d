import { isTenantStaff } from '../../../../common/auth/viewer.js';
import { EMPTY_PAGE, pageRequest } from '../../../../common/pagination.js';
import type { UserResolvers } from '../__generated__/resolvers-types.js';

export const User: UserResolvers = {
  // The users subgraph decides whether the viewer may see the user; here we only add communities.
  __resolveReference: (reference) => ({ id: reference.id }),
  communities: (user, { first, after }, { viewer, loaders }) => {
    const page = pageRequest(first, after);
    const mayList = viewer !== null && (viewer.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer) || viewer.userId === user.id);
    return mayList ? loaders.communitiesOfUser.load({ parentId: user.id, page, args: {} }) : EMPTY_PAGE;
  },
};
