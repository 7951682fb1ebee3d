import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../../../../common/errors.js';

const WINDOW_SECONDS = 15 * 60;
/** Attempts on one account from one client IP without a success. */
const FAILURES_PER_ADDRESS = 10;
/**
 * Attempts on one account from every address together: high enough that a stranger elsewhere
 * needs a hundred addresses to lock its owner out, low enough to stop a slow distributed guess.
 */
const FAILURES_PER_ACCOUNT = 100;

export interface SignInLimiter {
  /**
   * Counts an attempt on `account` from `clientIp` before the password is checked, atomically, so
   * parallel guesses cannot all slip past; refuses with RATE_LIMITED once either count is spent.
   */
  attempt(account: string, clientIp: string): Promise<void>;
  /** A correct password clears the count of that address. */
  succeeded(account: string, clientIp: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Slows password guessing without handing strangers a way to lock people out. Failures count per
 * (client IP, account), 10 in 15 minutes, and per account from everywhere, 100: someone guessing
 * from one address is stopped after 10, while the owner, signing in from another, is refused only
 * once a hundred failures have come in. rate-limiter-flexible keeps the counts in Redis, shared by
 * every users replica, with counts in memory standing in while Redis is down.
 */
export function signInLimiter(redis?: { url: string; keyPrefix: string }): SignInLimiter {
  let client: Redis | undefined;
  if (redis) {
    client = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on('error', () => {});
  }
  const limiter = (keyPrefix: string, points: number): RateLimiterAbstract => {
    const options = { points, duration: WINDOW_SECONDS, keyPrefix };
    return client
      ? new RateLimiterRedis({ ...options, keyPrefix: `${redis!.keyPrefix}${keyPrefix}`, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
  };
  const fromAddress = limiter('sign-in', FAILURES_PER_ADDRESS);
  const onAccount = limiter('sign-in-account', FAILURES_PER_ACCOUNT);
  const byAddress = (account: string, clientIp: string) => `${clientIp}|${account}`;
  return {
    async attempt(account, clientIp) {
      try {
        await fromAddress.consume(byAddress(account, clientIp));
        await onAccount.consume(account);
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal;
        throw rateLimited(Math.max(1, Math.ceil(refusal.msBeforeNext / 1000)));
      }
    },
    async succeeded(account, clientIp) {
      await fromAddress.delete(byAddress(account, clientIp));
    },
    async close() {
      client?.disconnect();
    },
  };
}
