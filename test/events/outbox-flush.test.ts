import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../common/db/database.js';
import { createOutboxTableV1 } from '../../common/db/migration-helpers.js';
import { asPlatform } from '../../common/db/scope.js';
import { MemoryEventBus } from '../../common/events/memory-bus.js';
import { recordEvents, startOutboxRelay, type OutboxRelay } from '../../common/events/outbox.js';
import { createTestDatabases, type TestDatabases } from '../support/databases.js';

let databases: TestDatabases;
let db: Kysely<any>;
let relay: OutboxRelay;
const published = new Set<string>();

beforeAll(async () => {
  databases = await createTestDatabases();
  db = await openDatabase({ service: 'outbox-flush', config: databases.config('outbox_flush'), migrations: { '0001_outbox': { up: createOutboxTableV1 } } });
  const bus = new MemoryEventBus();
  // A consumer that takes a moment, as a projection writing to its database does.
  bus.subscribe(async (event) => {
    await new Promise((resolve) => setTimeout(resolve, 2));
    published.add(event.id);
  }, { group: 'slow-projection' });
  relay = startOutboxRelay(db, bus, { intervalMs: 60_000 });
});
afterAll(async () => {
  await relay?.stop();
  await db?.destroy();
  await databases?.drop();
});

const writeEvent = () =>
  asPlatform(db, { actor: 'system:test', action: 'write an event' }, async (trx) => (await recordEvents(trx, [{ tenantId: randomUUID(), type: 'USER_JOINED', keys: { userId: randomUUID() } }]))[0]!.id);

describe('flushing the outbox relay', () => {
  it('publishes what was committed before the call, and answers while others keep writing and flushing', async () => {
    const writing = Date.now() + 2_000;
    const waits: number[] = [];
    const ours: Promise<void>[] = [];
    while (Date.now() < writing) {
      // Writes overlap, as concurrent mutations do: each flushes once its own commit is done.
      ours.push(
        writeEvent().then(async (id) => {
          const calledAt = Date.now();
          await relay.flush();
          waits.push(Date.now() - calledAt);
          expect(published.has(id), 'an event committed before the flush was published by it').toBe(true);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    // Every flush called while writes went on had answered long before they stopped.
    expect(waits.length).toBeGreaterThan(ours.length / 2);
    expect(Math.max(...waits)).toBeLessThan(1_000);
    await Promise.all(ours);
  });
});
