import type { EventBus } from './event.js';
import { MemoryEventBus } from './memory-bus.js';
import { RedisEventBus } from './redis-bus.js';

/** Redis when REDIS_URL is set; otherwise the in-process bus of the embedded default. */
export function createEventBus(redisUrl: string | undefined, keyPrefix = 'carrel:'): EventBus {
  return redisUrl ? new RedisEventBus(redisUrl, keyPrefix) : new MemoryEventBus();
}
