import { EMPTY_PAGE, pageRequest } from '../../../../common/pagination.js';
import type { LibraryResolvers } from '../__generated__/resolvers-types.js';

export const Library: LibraryResolvers = {
  // The bookings subgraph decides whether the viewer may see the library; its communities are the viewer's tenant's only (RLS).
  __resolveReference: (reference) => ({ id: reference.id }),
  communities: (library, { first, after }, { viewer, loaders }) => {
    const page = pageRequest(first, after);
    return viewer ? loaders.communitiesOfLibrary.load({ parentId: library.id, page, args: {} }) : EMPTY_PAGE;
  },
};
