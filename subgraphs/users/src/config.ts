import { z } from 'zod';
import { databaseEnv, port, readConfig } from '../../../common/config.js';
import { sharedEnv } from '../../../common/service-config.js';
import type { UsersSubgraphOptions } from './server.js';

const usersEnv = sharedEnv.extend({
  USERS_PORT: port(4001),
  PASSWORD_HASH_COST: z.enum(['owasp', 'test']).default('owasp'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(30 * 24 * 3600),
  CARREL_ADMIN_EMAIL: z.string().email().optional(),
  CARREL_ADMIN_PASSWORD: z.string().min(10).optional(),
});

export type UsersConfig = Omit<UsersSubgraphOptions, 'bus'> & { redisUrl: string | undefined; redisKeyPrefix: string };

export function loadUsersConfig(env: NodeJS.ProcessEnv = process.env): UsersConfig {
  const settings = readConfig(usersEnv, env);
  return {
    database: readConfig(databaseEnv('users'), env),
    port: settings.USERS_PORT,
    host: settings.HOST,
    redisUrl: settings.REDIS_URL,
    redisKeyPrefix: settings.REDIS_KEY_PREFIX,
    passwordHashCost: settings.PASSWORD_HASH_COST,
    ...(settings.REDIS_URL ? { redis: { url: settings.REDIS_URL, keyPrefix: settings.REDIS_KEY_PREFIX } } : {}),
    accessTokenTtlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlSeconds: settings.REFRESH_TOKEN_TTL_SECONDS,
    ...(settings.CARREL_ADMIN_EMAIL && settings.CARREL_ADMIN_PASSWORD
      ? { platformAdmin: { email: settings.CARREL_ADMIN_EMAIL, password: settings.CARREL_ADMIN_PASSWORD } }
      : {}),
  };
}
