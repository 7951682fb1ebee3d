import { pageRequest } from '../../../../common/pagination.js';
import type { TenantResolvers } from '../__generated__/resolvers-types.js';

export const Tenant: TenantResolvers = {
  // Only the viewer's own tenant (any for platform admins) resolves here: others are null.
  __resolveReference: (reference, { viewer }) =>
    viewer && (viewer.role === 'PLATFORM_ADMIN' || viewer.tenantId === reference.id) ? { id: reference.id } : null,
  libraries: (tenant, { first, after }, { loaders }) => loaders.librariesOfTenant.load({ parentId: tenant.id, page: pageRequest(first, after), args: {} }),
  bookingPolicy: (tenant, _args, { loaders }) => loaders.bookingPolicy.load(tenant.id),
};
