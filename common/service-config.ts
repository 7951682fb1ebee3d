import { z } from 'zod';
import { optionalUrl } from './config.js';

/** Settings every service reads the same way. */
export const sharedEnv = z.object({
  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().default('carrel:'),
  HOST: z.string().default('127.0.0.1'),
});
