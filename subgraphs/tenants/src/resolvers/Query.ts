import { platformAdmin, signedIn } from '../../../../common/auth/guards.js';
import { asPlatform } from '../../../../common/db/scope.js';
import { notFound } from '../../../../common/errors.js';
import { pageRequest } from '../../../../common/pagination.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { findPublicTenantBySlug, listTenants } from '../db.js';
import { tenantStatusEventStream } from './TenantStatusEvent.js';

export const Query: QueryResolvers = {
  tenantStatusChangedFilter: (_parent, { tenantId }, { viewer }) => tenantStatusEventStream.filter(viewer, { tenantId }),

  tenantStatusEventsByIds: (_parent, { eventIds }, ctx) => tenantStatusEventStream.readMany(ctx, eventIds),

  tenant: async (_parent, { id }, { viewer, loaders }) => {
    signedIn(viewer);
    const tenant = await loaders.tenant.load(id);
    if (!tenant) throw notFound('Tenant');
    return tenant;
  },

  currentTenant: (_parent, _args, { viewer, loaders }) => (viewer?.tenantId ? loaders.tenant.load(viewer.tenantId) : null),

  tenants: async (_parent, { first, after, status }, { viewer, db }) => {
    const admin = platformAdmin(viewer, 'Only platform admins list tenants.');
    const page = pageRequest(first, after);
    return asPlatform(db, { actor: admin.userId, action: 'list tenants' }, (trx) => listTenants(trx, { status }, page));
  },

  tenantBySlug: async (_parent, { slug }, { db }) => {
    const tenant = await asPlatform(db, { actor: 'system:public-branding', action: 'tenant by slug' }, (trx) =>
      findPublicTenantBySlug(trx, slug.trim().toLowerCase()),
    );
    return tenant ? { slug: tenant.slug, name: tenant.name, status: tenant.status, branding: { logoUrl: tenant.logo_url, primaryColor: tenant.primary_color } } : null;
  },
};
