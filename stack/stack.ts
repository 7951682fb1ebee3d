import { readFileSync } from 'node:fs';
import type { DatabaseConfig } from '../common/config.js';
import { createEventBus } from '../common/events/create-bus.js';
import type { EventBus } from '../common/events/event.js';
import type { RunningServer } from '../common/server/http.js';
import { startRouter } from '../router/src/server.js';
import { startBookingsSubgraph } from '../subgraphs/bookings/src/server.js';
import { startTenantsSubgraph, SUSPENDED_TENANTS_PATH } from '../subgraphs/tenants/src/server.js';
import type { PasswordHashCost } from '../subgraphs/users/src/auth/passwords.js';
import { JWKS_PATH, startUsersSubgraph } from '../subgraphs/users/src/server.js';
import type { SubgraphName } from './subgraph-list.js';

export interface StackOptions {
  database: (service: SubgraphName) => DatabaseConfig;
  redisUrl?: string;
  redisKeyPrefix?: string;
  /** 0 picks free ports (tests). */
  ports: { router: number } & Record<SubgraphName, number>;
  host?: string;
  passwordHashCost: PasswordHashCost;
  platformAdmin?: { email: string; password: string };
  subgraphTimeoutMs?: number;
  supergraphPath?: string;
  /** Access token lifetime (900 s unless told; tests of expiry use seconds). */
  accessTokenTtlSeconds?: number;
}

export interface Stack {
  routerUrl: string;
  bus: EventBus;
  graphqlUrl: string;
  subgraphs: Record<SubgraphName, RunningServer>;
  stop(): Promise<void>;
}

/**
 * Every service in one process: the embedded default behind `npm start`, and what the tests
 * start. Each service still talks to the others over HTTP, exactly as in production.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const bus = createEventBus(options.redisUrl, options.redisKeyPrefix);
  const host = options.host ?? '127.0.0.1';
  const users = await startUsersSubgraph({
    database: options.database('users'),
    bus,
    port: options.ports.users,
    host,
    passwordHashCost: options.passwordHashCost,
    ...(options.redisUrl ? { redis: { url: options.redisUrl, keyPrefix: options.redisKeyPrefix ?? 'carrel:' } } : {}),
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 900,
    refreshTokenTtlSeconds: 30 * 24 * 3600,
    ...(options.platformAdmin ? { platformAdmin: options.platformAdmin } : {}),
  });
  const jwksUrl = `${users.url}${JWKS_PATH}`;
  const tenants = await startTenantsSubgraph({ database: options.database('tenants'), bus, jwksUrl, port: options.ports.tenants, host });
  const bookings = await startBookingsSubgraph({ database: options.database('bookings'), bus, jwksUrl, port: options.ports.bookings, host });
  const subgraphs = { users, tenants, bookings };
  const router = await startRouter({
    supergraphSdl: readFileSync(options.supergraphPath ?? new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, server]) => [name, `${server.url}/graphql`])),
    jwksUrl,
    suspendedTenantsUrl: `${tenants.url}${SUSPENDED_TENANTS_PATH}`,
    bus,
    port: options.ports.router,
    host,
    subgraphTimeoutMs: options.subgraphTimeoutMs ?? 5_000,
  });
  return {
    routerUrl: router.url,
    bus,
    graphqlUrl: `${router.url}/graphql`,
    subgraphs,
    async stop() {
      await router.stop();
      await bookings.stop();
      await tenants.stop();
      await users.stop();
      await bus.close();
    },
  };
}
