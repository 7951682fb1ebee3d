import { EMPTY_PAGE, pageRequest } from '../../../../common/pagination.js';
import type { UserResolvers } from '../__generated__/resolvers-types.js';
import { canSeePaymentsOf } from '../access.js';

export const User: UserResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  payments: (user, { first, after }, { viewer, loaders }) =>
    canSeePaymentsOf(viewer, user.id) ? loaders.paymentsOfUser.load({ parentId: user.id, page: pageRequest(first, after), args: {} }) : EMPTY_PAGE,
};
