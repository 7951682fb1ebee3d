import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { accessTokenVerifier, remoteSigningKeys } from '../../../common/auth/access-token.js';
import type { DatabaseConfig } from '../../../common/config.js';
import { openDatabase } from '../../../common/db/database.js';
import { asPlatform } from '../../../common/db/scope.js';
import type { EventBus } from '../../../common/events/event.js';
import { startOutboxRelay } from '../../../common/events/outbox.js';
import { logger } from '../../../common/logger.js';
import { DateTime } from '../../../common/scalars.js';
import type { RunningServer } from '../../../common/server/http.js';
import { startSubgraphServer } from '../../../common/server/subgraph-server.js';
import { migrations } from '../migrations/index.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { createContext, type TenantsServices } from './context.js';
import { findSuspendedTenantIds, type TenantsDatabase } from './db.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { Tenant } from './resolvers/Tenant.js';
import { TenantStatusEvent } from './resolvers/TenantStatusEvent.js';

export const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
export const resolvers: Resolvers = { DateTime, Query, Mutation, Tenant, TenantStatusEvent };

/** Internal, not routed by the router: the ids of suspended tenants, for the router's periodic re-check. */
export const SUSPENDED_TENANTS_PATH = '/internal/suspended-tenants';

export interface TenantsSubgraphOptions {
  database: DatabaseConfig;
  bus: EventBus;
  /** The users subgraph's JWKS, to verify access tokens. */
  jwksUrl: string;
  port: number;
  host?: string;
}

export async function startTenantsSubgraph(options: TenantsSubgraphOptions): Promise<RunningServer> {
  const db = await openDatabase<TenantsDatabase>({ service: 'tenants', config: options.database, migrations });
  const services: TenantsServices = { db, relay: startOutboxRelay(db, options.bus) };

  const server = await startSubgraphServer({
    name: 'tenants',
    typeDefs,
    resolvers,
    port: options.port,
    host: options.host,
    verifyAccessToken: accessTokenVerifier(remoteSigningKeys(options.jwksUrl)),
    context: (viewer) => createContext(services, viewer),
    db,
    bus: options.bus,
    routes: (app) =>
      app.get(SUSPENDED_TENANTS_PATH, async (_req, res) => {
        const ids = await asPlatform(db, { actor: 'system:router', action: 'list suspended tenants' }, (trx) => findSuspendedTenantIds(trx));
        res.json({ suspendedTenantIds: ids });
      }),
    onStop: async () => {
      await services.relay.stop();
      await db.destroy();
    },
  });
  logger.info({ url: server.url }, 'tenants subgraph ready');
  return server;
}
