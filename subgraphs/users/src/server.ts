import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { createLocalJWKSet } from 'jose';
import { accessTokenVerifier } from '../../../common/auth/access-token.js';
import type { DatabaseConfig } from '../../../common/config.js';
import { openDatabase } from '../../../common/db/database.js';
import type { EventBus } from '../../../common/events/event.js';
import { startOutboxRelay } from '../../../common/events/outbox.js';
import { logger } from '../../../common/logger.js';
import { DateTime } from '../../../common/scalars.js';
import type { RunningServer } from '../../../common/server/http.js';
import { startSubgraphServer } from '../../../common/server/subgraph-server.js';
import { migrations } from '../migrations/index.js';
import type { Resolvers } from './__generated__/resolvers-types.js';
import { decoyHash, type PasswordHashCost } from './auth/passwords.js';
import { ensurePlatformAdmin } from './auth/platform-admin.js';
import { signInLimiter } from './auth/sign-in-limiter.js';
import { loadTokenSigner } from './auth/signing-keys.js';
import { createContext, type UsersServices } from './context.js';
import type { UsersDatabase } from './db.js';
import { Mutation } from './resolvers/Mutation.js';
import { Query } from './resolvers/Query.js';
import { User } from './resolvers/User.js';
import { tenantDirectoryProjection } from './tenant-directory.js';

export const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
export const resolvers: Resolvers = { DateTime, Query, Mutation, User };

export const JWKS_PATH = '/.well-known/jwks.json';

export interface UsersSubgraphOptions {
  database: DatabaseConfig;
  bus: EventBus;
  port: number;
  host?: string;
  passwordHashCost: PasswordHashCost;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Created at start when no platform admin exists yet. */
  platformAdmin?: { email: string; password: string };
  /** Where sign-in attempts are counted across replicas; in memory without it. */
  redis?: { url: string; keyPrefix: string };
}

export async function startUsersSubgraph(options: UsersSubgraphOptions): Promise<RunningServer> {
  const db = await openDatabase<UsersDatabase>({ service: 'users', config: options.database, migrations });
  const services: UsersServices = {
    db,
    relay: startOutboxRelay(db, options.bus),
    signer: await loadTokenSigner(db, options.accessTokenTtlSeconds),
    passwordHashCost: options.passwordHashCost,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
    decoyPasswordHash: await decoyHash(options.passwordHashCost),
    signInLimiter: signInLimiter(options.redis),
  };
  if (options.platformAdmin) await ensurePlatformAdmin(services, options.platformAdmin);
  const unsubscribe = options.bus.subscribe(tenantDirectoryProjection(db), { group: 'users.tenant-directory' });

  const server = await startSubgraphServer({
    name: 'users',
    typeDefs,
    resolvers,
    port: options.port,
    host: options.host,
    verifyAccessToken: accessTokenVerifier(createLocalJWKSet(services.signer.jwks)),
    context: (viewer) => createContext(services, viewer),
    db,
    bus: options.bus,
    routes: (app) => app.get(JWKS_PATH, (_req, res) => void res.set('cache-control', 'public, max-age=300').json(services.signer.jwks)),
    onStop: async () => {
      await unsubscribe();
      await services.relay.stop();
      await services.signInLimiter.close();
      await db.destroy();
    },
  });
  logger.info({ url: server.url }, 'users subgraph ready');
  return server;
}
