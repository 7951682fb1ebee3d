import { logger } from '../logger.js';
import type { CarrelEvent, EventBus, EventHandler } from './event.js';

/**
 * The embedded default's bus: every service runs in one process, so publishing calls each
 * handler directly and resolves once they are done, which lets the outbox mark an event
 * published only after its consumers have it.
 */
export class MemoryEventBus implements EventBus {
  private readonly handlers = new Set<EventHandler>();
  private readonly tenantHandlers = new Map<string, Set<EventHandler>>();

  async publish(events: readonly CarrelEvent[]): Promise<void> {
    for (const event of events) {
      await Promise.all(
        [...this.handlers, ...(this.tenantHandlers.get(event.tenantId) ?? [])].map(async (handler) => {
          try {
            await handler(event);
          } catch (error) {
            logger.error({ err: error, eventId: event.id }, 'event handler failed');
          }
        }),
      );
    }
  }

  subscribe(handler: EventHandler): () => Promise<void> {
    this.handlers.add(handler);
    return async () => {
      this.handlers.delete(handler);
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
