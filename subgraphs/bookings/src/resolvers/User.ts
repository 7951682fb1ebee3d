import { EMPTY_PAGE, pageRequest } from '../../../../common/pagination.js';
import type { UserResolvers } from '../__generated__/resolvers-types.js';
import { canSeeBookingsOf } from '../access.js';

export const User: UserResolvers = {
  // The users subgraph decides whether the viewer may see the user; here we only add bookings.
  __resolveReference: (reference) => ({ id: reference.id }),
  bookings: (user, { first, after, status }, { viewer, loaders }) => {
    const page = pageRequest(first, after);
    if (!canSeeBookingsOf(viewer, user.id)) return EMPTY_PAGE;
    return loaders.bookingsOfUser.load({ parentId: user.id, page, args: { status: status ?? null } });
  },
};
