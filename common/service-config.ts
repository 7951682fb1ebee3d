import { z } from 'zod';
import { optionalUrl } from './config.js';

/** Settings every service reads the same way. */
export const sharedEnv = z.object({
  REDIS_URL: optionalUrl,
  REDIS_KEY_PREFIX: z.string().default('carrel:'),
  HOST: z.string().default('127.0.0.1'),
  // The in-process stack makes one up; separate processes must all be given the same.
  SERVICE_SECRET: z
    .string({ error: 'required: a secret of at least 32 characters, the same for every Carrel service of a deployment' })
    .min(32, 'must be at least 32 characters'),
});
