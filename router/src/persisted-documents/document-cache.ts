import { ErrorsAreMissesCache, InMemoryLRUCache, PrefixingKeyValueCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';
import { logger } from '../../../common/logger.js';
import type { TrustedDocuments } from './trusted-documents.js';

/** How long a document registered by a client (APQ) is kept after its last registration. */
const REGISTERED_TTL_SECONDS = 24 * 60 * 60;

/** Documents clients registered, in the deployment's Redis, so every replica knows them. */
class RedisDocuments implements KeyValueCache<string> {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async get(hash: string): Promise<string | undefined> {
    return (await this.redis.get(this.prefix + hash)) ?? undefined;
  }

  async set(hash: string, document: string): Promise<void> {
    await this.redis.set(this.prefix + hash, document, 'EX', REGISTERED_TTL_SECONDS);
  }

  async delete(hash: string): Promise<boolean> {
    return (await this.redis.del(this.prefix + hash)) > 0;
  }
}

/**
 * Apollo Server's automatic persisted queries (APQ) cache: the trusted documents first, so a
 * portal sends only their hash from its first request on; then what clients registered, in Redis
 * when the deployment has one (a Redis error is a miss, and the client sends the text again), in
 * memory otherwise.
 */
export function persistedDocumentCache(trusted: TrustedDocuments, redis?: { client: Redis; keyPrefix: string }): KeyValueCache<string> {
  const registered: KeyValueCache<string> = redis
    ? new ErrorsAreMissesCache(new RedisDocuments(redis.client, `${redis.keyPrefix}apq:`), { debug() {}, info() {}, warn: (message) => logger.warn(message), error: (message) => logger.warn(message) })
    : new InMemoryLRUCache<string>({ maxSize: 30 * 1024 * 1024 });
  const cache: KeyValueCache<string> = {
    get: async (hash) => trusted.body(hash) ?? (await registered.get(hash)),
    set: async (hash, document, options) => {
      if (!trusted.has(hash)) await registered.set(hash, document, { ttl: REGISTERED_TTL_SECONDS, ...options });
    },
    delete: (hash) => registered.delete(hash),
  };
  // Keys are already hashes in a store of their own: Apollo need not prefix them.
  return PrefixingKeyValueCache.cacheDangerouslyDoesNotNeedPrefixesForIsolation(cache);
}
