import type { TenantResolvers } from '../__generated__/resolvers-types.js';

export const Tenant: TenantResolvers = {
  // Only the viewer's own tenant (any for platform admins) resolves here: others are null.
  __resolveReference: (reference, { viewer }) => (viewer && (viewer.role === 'PLATFORM_ADMIN' || viewer.tenantId === reference.id) ? { id: reference.id } : null),
  creditWallet: (tenant, _args, { viewer }) => (viewer && viewer.role !== 'STUDENT' ? { tenantId: tenant.id } : null),
  paymentPolicy: (tenant, _args, { loaders }) => loaders.paymentPolicy.load(tenant.id),
};
