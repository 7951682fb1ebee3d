import { z } from 'zod';
import { databaseEnv, port, readConfig } from '../../../common/config.js';
import { sharedEnv } from '../../../common/service-config.js';
import type { TenantsSubgraphOptions } from './server.js';

const tenantsEnv = sharedEnv.extend({
  TENANTS_PORT: port(4002),
  USERS_JWKS_URL: z.string().url().default('http://localhost:4001/.well-known/jwks.json'),
});

export type TenantsConfig = Omit<TenantsSubgraphOptions, 'bus'> & { redisUrl: string | undefined; redisKeyPrefix: string };

export function loadTenantsConfig(env: NodeJS.ProcessEnv = process.env): TenantsConfig {
  const settings = readConfig(tenantsEnv, env);
  return {
    database: readConfig(databaseEnv('tenants'), env),
    port: settings.TENANTS_PORT,
    host: settings.HOST,
    jwksUrl: settings.USERS_JWKS_URL,
    redisUrl: settings.REDIS_URL,
    redisKeyPrefix: settings.REDIS_KEY_PREFIX,
  };
}
