import { isTenantStaff } from '../../../../common/auth/viewer.js';
import type { TenantResolvers } from '../__generated__/resolvers-types.js';

export const Tenant: TenantResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.tenant.load(reference.id),
  settings: (tenant) => ({ timezone: tenant.timezone, currency: tenant.currency }),
  branding: (tenant) => ({ logoUrl: tenant.logo_url, primaryColor: tenant.primary_color }),
  suspensionReason: (tenant, _args, { viewer }) =>
    viewer?.role === 'PLATFORM_ADMIN' || isTenantStaff(viewer) ? tenant.suspension_reason : null,
  suspendedAt: (tenant) => tenant.suspended_at,
  createdAt: (tenant) => tenant.created_at,
};
