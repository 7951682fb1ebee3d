import { logger } from '../logger.js';
import { consume, type BatchConsumer, type CarrelEvent, type Consumer, type EventBus, type EventHandler, type SubscribeOptions } from './event.js';

/**
 * The embedded default's bus: every service runs in one process, so publishing calls each
 * handler directly and resolves once they are done, which lets the outbox mark an event
 * published only after its consumers have it. A durable consumer (one with a group) that fails
 * fails the publish, so the outbox relay offers the event again later, as a Redis consumer group
 * would retry it; every consumer must therefore take an event twice in its stride. A batch
 * consumer takes each publish's events at once, beside the handlers' turns.
 */
export class MemoryEventBus implements EventBus {
  readonly callsHandlersWhilePublishing = true;
  private readonly handlers = new Set<EventHandler>();
  private readonly batchConsumers = new Set<BatchConsumer>();
  private readonly durable = new Set<Consumer>();
  private readonly tenantHandlers = new Map<string, Set<EventHandler>>();

  async publish(events: readonly CarrelEvent[]): Promise<void> {
    const batches = Promise.all([...this.batchConsumers].map((consumer) => this.failsDurably(consumer, events)));
    for (const event of events) {
      const failures = await Promise.all([...this.handlers, ...(this.tenantHandlers.get(event.tenantId) ?? [])].map((handler) => this.failsDurably(handler, [event])));
      if (failures.some(Boolean)) {
        await batches;
        throw new Error(`a durable consumer failed on event ${event.id}`);
      }
    }
    if ((await batches).some(Boolean)) throw new Error(`a durable consumer failed on events ${events.map((event) => event.id).join(', ')}`);
  }

  /** Whether `consumer` failed to take `events` and is durable, so the publish must fail and be offered again. */
  private async failsDurably(consumer: Consumer, events: readonly CarrelEvent[]): Promise<boolean> {
    try {
      await consume(consumer, events);
      return false;
    } catch (error) {
      logger.error({ err: error, eventIds: events.map((event) => event.id) }, 'event handler failed');
      return this.durable.has(consumer);
    }
  }

  subscribe(consumer: Consumer, options: SubscribeOptions = {}): () => Promise<void> {
    if (typeof consumer === 'function') this.handlers.add(consumer);
    else this.batchConsumers.add(consumer);
    if (options.group) this.durable.add(consumer);
    return async () => {
      if (typeof consumer === 'function') this.handlers.delete(consumer);
      else this.batchConsumers.delete(consumer);
      this.durable.delete(consumer);
    };
  }

  async subscribeTenant(tenantId: string, handler: EventHandler): Promise<() => Promise<void>> {
    const handlers = this.tenantHandlers.get(tenantId) ?? new Set<EventHandler>();
    handlers.add(handler);
    this.tenantHandlers.set(tenantId, handlers);
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.tenantHandlers.delete(tenantId);
    };
  }

  async ping() {
    return true;
  }

  async close() {
    this.handlers.clear();
    this.batchConsumers.clear();
    this.tenantHandlers.clear();
  }
}
