import { z } from 'zod';
import { databaseEnv, port, readConfig } from '../../../common/config.js';
import { sharedEnv } from '../../../common/service-config.js';
import type { BookingsSubgraphOptions } from './server.js';

const bookingsEnv = sharedEnv.extend({
  BOOKINGS_PORT: port(4003),
  USERS_JWKS_URL: z.string().url().default('http://localhost:4001/.well-known/jwks.json'),
});

export type BookingsConfig = Omit<BookingsSubgraphOptions, 'bus'> & { redisUrl: string | undefined; redisKeyPrefix: string };

export function loadBookingsConfig(env: NodeJS.ProcessEnv = process.env): BookingsConfig {
  const settings = readConfig(bookingsEnv, env);
  return {
    database: readConfig(databaseEnv('bookings'), env),
    port: settings.BOOKINGS_PORT,
    host: settings.HOST,
    jwksUrl: settings.USERS_JWKS_URL,
    redisUrl: settings.REDIS_URL,
    redisKeyPrefix: settings.REDIS_KEY_PREFIX,
  };
}
