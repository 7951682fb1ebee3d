import { Redis } from 'ioredis';

/**
 * The router's own connection to the deployment's Redis, for what replicas share on the request
 * path (request counts, registered documents). It fails fast while Redis is down, instead of
 * queueing commands: each user falls back (a count in memory, a cache miss) and requests go on.
 */
export async function connectRouterRedis(url: string, timeoutMs = 2_000): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1_000 });
  redis.on('error', () => {});
  // Waits a while for the first connection: counts taken before it would go to the in-memory
  // stand-in and be missing from the shared count.
  if (redis.status !== 'ready') {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      redis.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return redis;
}
