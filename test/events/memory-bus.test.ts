import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CarrelEvent } from '../../common/events/event.js';
import { MemoryEventBus } from '../../common/events/memory-bus.js';

const event = (): CarrelEvent => ({ id: randomUUID(), tenantId: randomUUID(), type: 'TEST', occurredAt: new Date().toISOString(), keys: {} });

describe('the in-process bus', () => {
  it('fails a publish when a durable consumer fails, so the outbox offers the event again, but not when a live one does', async () => {
    const bus = new MemoryEventBus();
    let failNext = true;
    const handled: string[] = [];
    bus.subscribe((received) => {
      if (failNext) {
        failNext = false;
        throw new Error('database busy');
      }
      handled.push(received.id);
    }, { group: 'projection' });
    bus.subscribe(() => {
      throw new Error('a live subscriber failing is its own problem');
    });

    const first = event();
    await expect(bus.publish([first])).rejects.toThrow(/durable consumer/);
    await bus.publish([first]);
    expect(handled).toEqual([first.id]);
  });
});
