import { hostname } from 'node:os';
import { Redis } from 'ioredis';
import { logger } from '../logger.js';
import { consume, type CarrelEvent, type Consumer, type EventBus, type EventHandler, type SubscribeOptions } from './event.js';
import { TenantStreamReader } from './redis-tenant-streams.js';

const STREAM_MAX_LENGTH = 100_000;
const TENANT_STREAM_MAX_LENGTH = 10_000;
const BLOCK_MS = 1_000;
const CLAIM_EVERY_MS = 10_000;

/**
 * Events on one Redis stream. A stream rather than pub/sub because durable consumers (consumer
 * groups) need events that arrived while they were away; live subscribers read from the tail.
 */
export class RedisEventBus implements EventBus {
  readonly callsHandlersWhilePublishing = false;
  private readonly publisher: Redis;
  private readonly stream: string;
  private readonly readers = new Set<Redis>();
  private tenantStreams: TenantStreamReader | null = null;
  private readonly keyPrefix: string;
  private closed = false;

  constructor(
    private readonly url: string,
    keyPrefix: string,
    /** How long an unacknowledged entry waits before another consumer of its group takes it over. */
    private readonly claimIdleMs = 30_000,
  ) {
    // Fail fast while Redis is down or hung: the outbox keeps the events and the relay retries.
    this.publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false, commandTimeout: 2_000 });
    this.publisher.on('error', (error) => logger.debug({ err: error }, 'redis publisher error'));
    this.stream = `${keyPrefix}events`;
    this.keyPrefix = keyPrefix;
  }

  private tenantStreamKey(tenantId: string): string {
    return `${this.keyPrefix}tenant:${tenantId}:events`;
  }

  subscribeTenant(tenantId: string, handler: EventHandler): Promise<() => Promise<void>> {
    if (!this.tenantStreams) {
      const reader = new Redis(this.url, { maxRetriesPerRequest: null });
      reader.on('error', (error) => logger.debug({ err: error }, 'redis tenant reader error'));
      this.tenantStreams = new TenantStreamReader(reader, (id) => this.tenantStreamKey(id));
    }
    return this.tenantStreams.add(tenantId, handler);
  }

  async publish(events: readonly CarrelEvent[]): Promise<void> {
    if (events.length === 0) return;
    // One transaction: an event reaches the shared stream and its tenant's stream, or neither.
    const transaction = this.publisher.multi();
    for (const event of events) {
      const payload = JSON.stringify(event);
      transaction.xadd(this.stream, 'MAXLEN', '~', STREAM_MAX_LENGTH, '*', 'event', payload);
      transaction.xadd(this.tenantStreamKey(event.tenantId), 'MAXLEN', '~', TENANT_STREAM_MAX_LENGTH, '*', 'event', payload);
    }
    const results = await transaction.exec();
    const failure = results?.find(([error]) => error);
    if (!results || failure) throw failure?.[0] ?? new Error('Redis pipeline did not run');
  }

  subscribe(consumer: Consumer, options: SubscribeOptions = {}): () => Promise<void> {
    const reader = new Redis(this.url, { maxRetriesPerRequest: null });
    reader.on('error', (error) => logger.debug({ err: error }, 'redis reader error'));
    this.readers.add(reader);
    let stopped = false;
    const loop = options.group
      ? this.readGroup(reader, options.group, consumer, () => stopped)
      : this.readLive(reader, consumer, () => stopped);
    loop.catch((error) => logger.error({ err: error }, 'event reader stopped'));
    return async () => {
      stopped = true;
      this.readers.delete(reader);
      reader.disconnect();
      await loop.catch(() => {});
    };
  }

  private async readLive(reader: Redis, consumer: Consumer, isStopped: () => boolean) {
    let lastId = '$';
    while (!isStopped() && !this.closed) {
      try {
        if (lastId === '$') lastId = await this.tailId(reader);
        const batch = await reader.xread('COUNT', 500, 'BLOCK', BLOCK_MS, 'STREAMS', this.stream, lastId);
        for (const [, entries] of batch ?? []) {
          for (const [id, fields] of entries) {
            lastId = id;
            const event = eventOf(fields);
            if (event) await consume(consumer, [event]).catch((error: unknown) => logger.error({ err: error, eventId: event.id }, 'event handler failed'));
          }
        }
      } catch (error) {
        if (isStopped() || this.closed) return;
        logger.warn({ err: error }, 'reading events failed; retrying');
        await pause(500);
      }
    }
  }

  /** The id of the newest entry, so a reconnect after an outage resumes there instead of skipping ahead to `$`. */
  private async tailId(reader: Redis): Promise<string> {
    const [last] = (await reader.xrevrange(this.stream, '+', '-', 'COUNT', 1)) as [string, string[]][];
    return last?.[0] ?? '0-0';
  }

  private async readGroup(reader: Redis, group: string, consumer: Consumer, isStopped: () => boolean) {
    const consumerName = `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    let groupReady = false;
    let nextClaim = Date.now() + this.claimIdleMs;
    // Start with our own pending entries (delivered before a crash, never acknowledged).
    let cursor = '0';
    while (!isStopped() && !this.closed) {
      try {
        if (!groupReady) {
          await reader.xgroup('CREATE', this.stream, group, '0', 'MKSTREAM').catch((error: Error) => {
            if (!error.message.includes('BUSYGROUP')) throw error;
          });
          groupReady = true;
        }
        let entries: [string, string[]][];
        if (Date.now() >= nextClaim) {
          // Entries a consumer took and never acknowledged (it crashed or was killed) are taken
          // over once they have been idle a while, so no event is stuck with a dead consumer.
          const [, claimed] = (await reader.xautoclaim(this.stream, group, consumerName, this.claimIdleMs, '0-0', 'COUNT', 100)) as [string, [string, string[]][]];
          entries = claimed;
          nextClaim = Date.now() + Math.min(this.claimIdleMs, CLAIM_EVERY_MS);
        } else {
          const batch = (await reader.xreadgroup(
            'GROUP', group, consumerName, 'COUNT', 100, 'BLOCK', BLOCK_MS, 'STREAMS', this.stream, cursor,
          )) as [string, [string, string[]][]][] | null;
          entries = batch?.[0]?.[1] ?? [];
          if (cursor === '0' && entries.length === 0) cursor = '>';
        }
        if (entries.length > 0) await this.consumeEntries(reader, group, consumer, entries);
      } catch (error) {
        if (isStopped() || this.closed) return;
        logger.warn({ err: error, group }, 'reading events failed; retrying');
        // Re-read our pending entries, and recreate the group if Redis lost it (NOGROUP).
        cursor = '0';
        groupReady = false;
        await pause(500);
      }
    }
  }

  /**
   * A read's entries taken together and acknowledged in one command. If that fails, each is taken
   * alone and acknowledged once taken, so one event that keeps failing holds back no other; the
   * first failure is thrown, leaving what failed pending, to be read again.
   */
  private async consumeEntries(reader: Redis, group: string, consumer: Consumer, entries: [string, string[]][]) {
    const taken = async (batch: [string, string[]][]) => {
      const events = batch.map(([, fields]) => eventOf(fields)).filter((event) => event !== null);
      try {
        await consume(consumer, events);
      } catch (error) {
        logger.error({ err: error, group, eventIds: events.map((event) => event.id) }, 'event handler failed');
        throw error;
      }
      await reader.xack(this.stream, group, ...batch.map(([id]) => id));
    };
    try {
      await taken(entries);
    } catch (error) {
      if (entries.length === 1) throw error;
      let failure: unknown = null;
      for (const entry of entries) await taken([entry]).catch((error: unknown) => (failure ??= error));
      if (failure) throw failure;
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.publisher.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const reader of this.readers) reader.disconnect();
    this.readers.clear();
    await this.tenantStreams?.stop();
    this.publisher.disconnect();
  }
}

/** The event a stream entry carries; null for an entry that carries none. */
function eventOf(fields: string[]): CarrelEvent | null {
  const json = fields[fields.indexOf('event') + 1];
  return json ? (JSON.parse(json) as CarrelEvent) : null;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
