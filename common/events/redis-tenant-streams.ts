import type { Redis } from 'ioredis';
import { logger } from '../logger.js';
import type { CarrelEvent, EventHandler } from './event.js';

const BLOCK_MS = 250;

interface TenantStream {
  key: string;
  /** The id of the last entry read; reads resume after it, also across reconnects. */
  lastId: string;
  handlers: Set<EventHandler>;
}

/**
 * Reads the per-tenant streams of every tenant some local subscriber needs, with one blocking
 * XREAD over all of them: one Redis connection per replica however many sockets it serves.
 */
export class TenantStreamReader {
  private readonly streams = new Map<string, TenantStream>();
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly reader: Redis,
    private readonly keyOf: (tenantId: string) => string,
  ) {}

  async add(tenantId: string, handler: EventHandler): Promise<() => Promise<void>> {
    let stream = this.streams.get(tenantId);
    if (!stream) {
      const key = this.keyOf(tenantId);
      // Start at the current end: the subscriber wants events from now on, not history.
      const [last] = (await this.reader.xrevrange(key, '+', '-', 'COUNT', 1)) as [string, string[]][];
      stream = this.streams.get(tenantId) ?? { key, lastId: last?.[0] ?? '0-0', handlers: new Set() };
      this.streams.set(tenantId, stream);
    }
    stream.handlers.add(handler);
    this.running ??= this.loop();
    const added = stream;
    return async () => {
      added.handlers.delete(handler);
      if (added.handlers.size === 0) this.streams.delete(tenantId);
    };
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const streams = [...this.streams.values()];
      if (streams.length === 0) {
        await pause(100);
        continue;
      }
      try {
        const batch = (await this.reader.xread('COUNT', 500, 'BLOCK', BLOCK_MS, 'STREAMS', ...streams.map((stream) => stream.key), ...streams.map((stream) => stream.lastId))) as
          | [string, [string, string[]][]][]
          | null;
        for (const [key, entries] of batch ?? []) {
          const stream = streams.find((candidate) => candidate.key === key);
          if (!stream) continue;
          for (const [id, fields] of entries) {
            stream.lastId = id;
            const json = fields[fields.indexOf('event') + 1];
            if (!json) continue;
            const event = JSON.parse(json) as CarrelEvent;
            for (const handler of stream.handlers) {
              try {
                await handler(event);
              } catch (error) {
                logger.error({ err: error, eventId: event.id }, 'tenant event handler failed');
              }
            }
          }
        }
      } catch (error) {
        if (this.stopped) return;
        logger.warn({ err: error }, 'reading tenant streams failed; retrying');
        await pause(500);
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.reader.disconnect();
    await this.running?.catch(() => {});
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
