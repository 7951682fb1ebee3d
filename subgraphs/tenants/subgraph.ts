import { asPlatform } from '../../common/db/scope.js';
import { badUserInput } from '../../common/errors.js';
import { DateTime } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { createContext, type TenantsServices } from './src/context.js';
import { findSuspendedTenantIds, type TenantsDatabase } from './src/db.js';
import { Mutation } from './src/resolvers/Mutation.js';
import { Query } from './src/resolvers/Query.js';
import { Tenant } from './src/resolvers/Tenant.js';
import { TenantStatusEvent } from './src/resolvers/TenantStatusEvent.js';

const resolvers: Resolvers = { DateTime, Query, Mutation, Tenant, TenantStatusEvent };

/** Tenants, their settings and branding, suspension; tells the router which tenants are suspended. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  services: ({ db, relay }: SubgraphPlatform<TenantsDatabase, unknown>): TenantsServices => ({ db, relay }),
  context: createContext,
  constraintErrors: { tenants_slug_key: () => badUserInput('That slug is taken.', 'slug') },
  endpoints: {
    suspendedTenants: ({ db }) => async (_req, res) => {
      const ids = await asPlatform(db, { actor: 'system:router', action: 'list suspended tenants' }, (trx) => findSuspendedTenantIds(trx));
      res.json({ suspendedTenantIds: ids });
    },
  },
});
