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

  it('hands a batch consumer each publish’s events at once, and fails the publish when a durable one fails', async () => {
    const bus = new MemoryEventBus();
    const batches: string[][] = [];
    let failNext = true;
    bus.subscribe(
      {
        async handleBatch(events) {
          if (failNext) {
            failNext = false;
            throw new Error('database busy');
          }
          batches.push(events.map((received) => received.id));
        },
      },
      { group: 'notifications' },
    );
    const burst = [event(), event(), event()];
    await expect(bus.publish(burst)).rejects.toThrow(/durable consumer/);
    await bus.publish(burst);
    expect(batches).toEqual([burst.map((sent) => sent.id)]);
  });
});
