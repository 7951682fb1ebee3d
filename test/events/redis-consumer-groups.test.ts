import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { CarrelEvent } from '../../common/events/event.js';
import { RedisEventBus } from '../../common/events/redis-bus.js';

const url = process.env.REDIS_URL;
const prefix = `carrel-test:groups-${randomUUID().slice(0, 8)}:`;
const event = (type: string): CarrelEvent => ({ id: randomUUID(), tenantId: randomUUID(), type, occurredAt: new Date().toISOString(), keys: {} });
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!url)('durable consumers on Redis', () => {
  afterAll(async () => {
    const admin = new Redis(url!);
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    admin.disconnect();
  });

  it('hands an event whose consumer died mid-handling to another consumer of the group', async () => {
    const dying = new RedisEventBus(url!, prefix, 500);
    let started!: () => void;
    const handling = new Promise<void>((resolve) => (started = resolve));
    dying.subscribe(async () => {
      started();
      await pause(60_000);
    }, { group: 'projection' });
    await pause(300);
    const stuck = event('TENANT_CREATED');
    await dying.publish([stuck]);
    await handling;
    // Killed mid-handling: its connection goes, the handler never finishes, nothing is acknowledged.
    await dying.close();

    const survivor = new RedisEventBus(url!, prefix, 500);
    const seen: string[] = [];
    const stopSurvivor = survivor.subscribe((received) => void seen.push(received.id), { group: 'projection' });
    await expect.poll(() => survivor.ping()).toBe(true);
    const later = event('TENANT_SUSPENDED');
    await survivor.publish([later]);
    await expect.poll(() => seen, { timeout: 5_000 }).toEqual(expect.arrayContaining([stuck.id, later.id]));
    await stopSurvivor();
    await survivor.close();
  });

  it('hands a batch consumer the events read together at once, and each alone after a batch fails, so one failing event holds back no other', async () => {
    // A stream of its own: a new group reads its stream from the start.
    const bus = new RedisEventBus(url!, `${prefix}batches:`, 500);
    const poison = event('TENANT_SUSPENDED');
    const burst = [event('TENANT_CREATED'), poison, event('TENANT_CREATED')];
    const offered: string[][] = [];
    const taken: string[] = [];
    let poisonFails = true;
    const stop = bus.subscribe(
      {
        async handleBatch(events) {
          offered.push(events.map((received) => received.id));
          if (poisonFails && events.some((received) => received.id === poison.id)) throw new Error('cannot take this one yet');
          taken.push(...events.map((received) => received.id));
        },
      },
      { group: 'notifications' },
    );
    await expect.poll(() => bus.ping()).toBe(true);
    // One publish is one transaction: the group reads the three in one go.
    await bus.publish(burst);
    const [first, second, third] = burst.map((sent) => sent.id);
    await expect.poll(() => offered.slice(0, 4), { timeout: 5_000 }).toEqual([[first, second, third], [first], [second], [third]]);
    expect(taken).toEqual([first, third]);
    // Left pending, the failed one is offered again until it is taken, alone.
    poisonFails = false;
    await expect.poll(() => taken, { timeout: 5_000 }).toEqual([first, third, second]);
    await stop();
    await bus.close();
  });
});
