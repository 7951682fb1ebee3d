import { ownTenantReference } from '../../../../common/auth/tenant-scope.js';
import { pageRequest } from '../../../../common/pagination.js';
import type { TenantResolvers } from '../__generated__/resolvers-types.js';

export const Tenant: TenantResolvers = {
  __resolveReference: (reference, { viewer }) => ownTenantReference(viewer, reference.id),
  libraries: (tenant, { first, after }, { loaders }) => loaders.librariesOfTenant.load({ parentId: tenant.id, page: pageRequest(first, after), args: {} }),
  bookingPolicy: (tenant, _args, { loaders }) => loaders.bookingPolicy.load(tenant.id),
};
