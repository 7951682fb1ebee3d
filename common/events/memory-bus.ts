import { logger } from '../logger.js';
import type { CarrelEvent, EventBus, EventHandler, SubscribeOptions } from './event.js';

/**
 * The embedded default's bus: every service runs in one process, so publishing calls each
 * handler directly and resolves once they are done, which lets the outbox mark an event
 * published only after its consumers have it. A durable consumer (one with a group) that fails
 * fails the publish, so the outbox relay offers the event again later, as a Redis consumer group
 * would retry it; every consumer must therefore take an event twice in its stride.
 */
export class MemoryEventBus implements EventBus {
  readonly callsHandlersWhilePublishing = true;
  private readonly handlers = new Set<EventHandler>();
  private readonly durable = new Set<EventHandler>();
  private readonly tenantHandlers = new Map<string, Set<EventHandler>>();

  async publish(events: readonly CarrelEvent[]): Promise<void> {
    for (const event of events) {
      const failures = await Promise.all(
        [...this.handlers, ...(this.tenantHandlers.get(event.tenantId) ?? [])].map(async (handler) => {
          try {
            await handler(event);
            return false;
          } catch (error) {
            logger.error({ err: error, eventId: event.id }, 'event handler failed');
            return this.durable.has(handler);
          }
        }),
      );
      if (failures.some(Boolean)) throw new Error(`a durable consumer failed on event ${event.id}`);
    }
  }

  subscribe(handler: EventHandler, options: SubscribeOptions = {}): () => Promise<void> {
    this.handlers.add(handler);
    if (options.group) this.durable.add(handler);
    return async () => {
      this.handlers.delete(handler);
      this.durable.delete(handler);
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
    this.tenantHandlers.clear();
  }
}
