import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../../../common/errors.js';

const FAILURES_ALLOWED = 10;
const WINDOW_SECONDS = 15 * 60;

export interface SignInLimiter {
  /** Refuses with RATE_LIMITED while the account has failed too often lately. */
  check(key: string): Promise<void>;
  failed(key: string): Promise<void>;
  succeeded(key: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Slows password guessing: after 10 failed sign-ins to one account (tenant and email) within 15
 * minutes, further attempts are refused until the window passes. rate-limiter-flexible keeps the
 * counts in Redis, shared by every users replica, with an in-memory stand-in while Redis is down.
 */
export function signInLimiter(redis?: { url: string; keyPrefix: string }): SignInLimiter {
  const options = { points: FAILURES_ALLOWED, duration: WINDOW_SECONDS, keyPrefix: 'sign-in' };
  let client: Redis | undefined;
  let limiter: RateLimiterAbstract | RateLimiterStoreAbstract;
  if (redis) {
    client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on('error', () => {});
    limiter = new RateLimiterRedis({ ...options, keyPrefix: `${redis.keyPrefix}sign-in`, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) });
  } else {
    limiter = new RateLimiterMemory(options);
  }
  return {
    async check(key) {
      const state = await limiter.get(key);
      if (state && state.consumedPoints >= FAILURES_ALLOWED) throw rateLimited(Math.ceil(state.msBeforeNext / 1000));
    },
    async failed(key) {
      await limiter.penalty(key, 1);
    },
    async succeeded(key) {
      await limiter.delete(key);
    },
    async close() {
      client?.disconnect();
    },
  };
}
