import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { milliseconds, optionalUrl, port, readConfig } from '../../common/config.js';
import { sharedEnv } from '../../common/service-config.js';
import { defaultSubgraphUrl, SUBGRAPHS } from '../../stack/subgraph-list.js';
import type { RouterOptions } from './server.js';

const routerEnv = sharedEnv.extend({
  PORT: port(4000),
  METRICS_PORT: port(9464),
  SUPERGRAPH_PATH: z.string().default('schema/supergraph.graphql'),
  USERS_URL: optionalUrl,
  TENANTS_URL: optionalUrl,
  BOOKINGS_URL: optionalUrl,
  USERS_JWKS_URL: optionalUrl,
  TENANTS_STATUS_URL: optionalUrl,
  SUBGRAPH_TIMEOUT_MS: milliseconds(5_000),
});

export type RouterConfig = Omit<RouterOptions, 'bus'> & { redisUrl: string | undefined; redisKeyPrefix: string };

/** `--supergraph <path>` on the command line wins over SUPERGRAPH_PATH. */
export function loadRouterConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv.slice(2)): RouterConfig {
  const settings = readConfig(routerEnv, env);
  const flag = argv.indexOf('--supergraph');
  const supergraphPath = flag >= 0 && argv[flag + 1] ? argv[flag + 1]! : settings.SUPERGRAPH_PATH;
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, (settings[`${name.toUpperCase()}_URL` as 'USERS_URL'] as string | undefined) ?? defaultSubgraphUrl(name)]),
  );
  return {
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    subgraphUrls,
    jwksUrl: settings.USERS_JWKS_URL ?? new URL('/.well-known/jwks.json', subgraphUrls.users).href,
    suspendedTenantsUrl: settings.TENANTS_STATUS_URL ?? new URL('/internal/suspended-tenants', subgraphUrls.tenants).href,
    port: settings.PORT,
    metricsPort: settings.METRICS_PORT,
    host: settings.HOST,
    subgraphTimeoutMs: settings.SUBGRAPH_TIMEOUT_MS,
    redisUrl: settings.REDIS_URL,
    redisKeyPrefix: settings.REDIS_KEY_PREFIX,
  };
}
