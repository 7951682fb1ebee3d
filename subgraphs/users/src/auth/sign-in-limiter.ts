import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract, type RateLimiterRes, type RateLimiterStoreAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../../../common/errors.js';

/** Attempts in a row without a success; the eleventh within the window is refused. */
const FAILURES_ALLOWED = 10;
const WINDOW_SECONDS = 15 * 60;

export interface SignInLimiter {
  /**
   * Counts an attempt before the password is checked, atomically, so parallel guesses cannot all
   * slip past; refuses with RATE_LIMITED once the account has used up its attempts.
   */
  attempt(key: string): Promise<void>;
  /** A correct password clears the count. */
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
    async attempt(key) {
      try {
        await limiter.consume(key);
      } catch (refusal) {
        if (refusal instanceof Error) throw refusal;
        throw rateLimited(Math.ceil((refusal as RateLimiterRes).msBeforeNext / 1000));
      }
    },
    async succeeded(key) {
      await limiter.delete(key);
    },
    async close() {
      client?.disconnect();
    },
  };
}
