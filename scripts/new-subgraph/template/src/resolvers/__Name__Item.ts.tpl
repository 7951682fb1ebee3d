import type { __Name__ItemResolvers } from '../__generated__/resolvers-types.js';

export const __Name__Item: __Name__ItemResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.item.load(reference.id),
  tenant: (item) => ({ id: item.tenant_id }),
  createdAt: (item) => item.created_at,
};
