import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { milliseconds, optionalUrl, port, readConfig, type Env } from '../../common/config.js';
import { sharedEnv } from '../../common/service-config.js';
import { endpointUrl, urlVariable } from '../../common/subgraph-kit/addresses.js';
import { SUBGRAPHS, type SubgraphName } from '../../subgraphs/index.js';
import type { RouterOptions } from './server.js';
import { DEFAULT_RATE_LIMITS } from './rate-limits.js';
import { DEFAULT_SUBGRAPH_LIMITS } from './subgraph-client.js';

const CARREL_SUPERGRAPH = fileURLToPath(new URL('../../schema/supergraph.graphql', import.meta.url));

/** A comma-separated list; empty when unset. */
const list = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((item) => item.trim()).filter(Boolean));

const routerEnv = sharedEnv.extend({
  PORT: port(4000),
  METRICS_PORT: port(9464),
  SUPERGRAPH_PATH: z.string().default(CARREL_SUPERGRAPH),
  SUBGRAPH_TIMEOUT_MS: milliseconds(5_000),
  SUBGRAPH_MAX_RESPONSE_BYTES: z.coerce.number().int().positive().default(DEFAULT_SUBGRAPH_LIMITS.maxResponseBytes),
  SUBGRAPH_BREAKER_FAILURES: z.coerce.number().int().positive().default(DEFAULT_SUBGRAPH_LIMITS.breakerFailures),
  SUBGRAPH_BREAKER_RESET_MS: milliseconds(DEFAULT_SUBGRAPH_LIMITS.breakerResetMs),
  RATE_LIMIT_PER_IP: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.perIpPerMinute),
  RATE_LIMIT_PER_TENANT: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.perTenantPerMinute),
  RATE_LIMIT_CREDENTIALS_PER_IP: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.credentialsPerIpPerMinute),
  RATE_LIMIT_COST_PER_IP: z.coerce.number().int().positive().default(DEFAULT_RATE_LIMITS.costPerIpPerMinute),
  // Proxies (IPs or CIDRs, comma-separated) whose X-Forwarded-For is believed; none by default.
  TRUSTED_PROXIES: list,
  // Origins of the portals, e.g. `https://student.example,https://owner.example`; none by default.
  CORS_ORIGINS: list.refine((origins) => origins.every(isOrigin), 'each must be an origin such as https://student.example: scheme, host and port only'),
});

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

export type RouterConfig = Omit<RouterOptions, 'bus'> & { redisUrl: string | undefined; redisKeyPrefix: string };

/**
 * The router's settings. A subgraph is called at the URL the supergraph gives it unless
 * `<NAME>_URL` overrides it (one variable per subgraph of the registry); token keys and tenant
 * status come from `JWKS_URL` and `TENANT_STATUS_URL`, which default to where the registry's
 * subgraphs serve them. `--supergraph <path>` on the command line wins over SUPERGRAPH_PATH.
 */
export function loadRouterConfig(env: Env = process.env, argv: string[] = process.argv.slice(2)): RouterConfig {
  const settings = readConfig(routerEnv, env);
  const overrideVariables = Object.fromEntries(SUBGRAPHS.map(({ name }) => [urlVariable(name), optionalUrl])) as Record<ReturnType<typeof urlVariable>, typeof optionalUrl>;
  const overrides = readConfig(z.object(overrideVariables), env);
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const { name } of SUBGRAPHS) {
    const url = overrides[urlVariable(name)];
    if (url) subgraphUrls[name] = url;
  }
  const flag = argv.indexOf('--supergraph');
  const supergraphPath = flag >= 0 && argv[flag + 1] ? argv[flag + 1]! : settings.SUPERGRAPH_PATH;
  return {
    supergraphSdl: readFileSync(supergraphPath, 'utf8'),
    subgraphUrls,
    jwksUrl: endpointUrl('tokenKeys', env),
    suspendedTenantsUrl: endpointUrl('suspendedTenants', env),
    serviceSecret: settings.SERVICE_SECRET,
    port: settings.PORT,
    metricsPort: settings.METRICS_PORT,
    host: settings.HOST,
    subgraphTimeoutMs: settings.SUBGRAPH_TIMEOUT_MS,
    subgraphLimits: {
      maxResponseBytes: settings.SUBGRAPH_MAX_RESPONSE_BYTES,
      breakerFailures: settings.SUBGRAPH_BREAKER_FAILURES,
      breakerResetMs: settings.SUBGRAPH_BREAKER_RESET_MS,
    },
    corsOrigins: settings.CORS_ORIGINS,
    rateLimits: {
      perIpPerMinute: settings.RATE_LIMIT_PER_IP,
      perTenantPerMinute: settings.RATE_LIMIT_PER_TENANT,
      credentialsPerIpPerMinute: settings.RATE_LIMIT_CREDENTIALS_PER_IP,
      costPerIpPerMinute: settings.RATE_LIMIT_COST_PER_IP,
      trustedProxies: settings.TRUSTED_PROXIES,
    },
    ...(settings.REDIS_URL ? { redis: { url: settings.REDIS_URL, keyPrefix: settings.REDIS_KEY_PREFIX } } : {}),
    redisUrl: settings.REDIS_URL,
    redisKeyPrefix: settings.REDIS_KEY_PREFIX,
  };
}
