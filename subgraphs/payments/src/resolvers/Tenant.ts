import { ownTenantReference } from '../../../../common/auth/tenant-scope.js';
import type { TenantResolvers } from '../__generated__/resolvers-types.js';

export const Tenant: TenantResolvers = {
  __resolveReference: (reference, { viewer }) => ownTenantReference(viewer, reference.id),
  creditWallet: (tenant, _args, { viewer }) => (viewer && viewer.role !== 'STUDENT' ? { tenantId: tenant.id } : null),
  paymentPolicy: (tenant, _args, { loaders }) => loaders.paymentPolicy.load(tenant.id),
};
