import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../common/db/database.js';
import { asPlatform } from '../../../common/db/scope.js';
import type { CarrelEvent } from '../../../common/events/event.js';
import { MemoryEventBus } from '../../../common/events/memory-bus.js';
import { startOutboxRelay } from '../../../common/events/outbox.js';
import { createTestDatabases, type TestDatabases } from '../../../test/support/databases.js';
import { migrations } from '../migrations/index.js';
import type { TenantsDatabase } from '../src/db.js';

let databases: TestDatabases;
let db: Kysely<TenantsDatabase>;
const access = { actor: 'system:test', action: 'outbox rows' };

beforeAll(async () => {
  databases = await createTestDatabases();
  db = await openDatabase<TenantsDatabase>({ service: 'tenants', config: databases.config('tenants'), migrations });
});
afterAll(async () => {
  await db?.destroy();
  await databases?.drop();
});

const row = (publishedAt: Date | null) => ({ id: randomUUID(), tenant_id: randomUUID(), type: 'TEST', occurred_at: new Date(), keys: JSON.stringify({}) as never, published_at: publishedAt });

describe('the outbox relay', () => {
  it('publishes pending events once, and deletes published ones past retention but never unpublished ones', async () => {
    const old = row(new Date(Date.now() - 2 * 3600_000));
    const recent = row(new Date());
    const pending = row(null);
    await asPlatform(db, access, (trx) => trx.insertInto('outbox_events').values([old, recent, pending]).execute());

    const bus = new MemoryEventBus();
    const published: CarrelEvent[] = [];
    bus.subscribe((event) => void published.push(event));
    const relay = startOutboxRelay(db, bus, { intervalMs: 60_000, retentionMs: 3600_000 });
    await relay.flush();
    await relay.stop();

    expect(published.map((event) => event.id)).toEqual([pending.id]);
    const left = await asPlatform(db, access, (trx) => trx.selectFrom('outbox_events').select(['id', 'published_at']).execute());
    expect(left.map((event) => event.id).sort()).toEqual([recent.id, pending.id].sort());
    expect(left.every((event) => event.published_at !== null)).toBe(true);
  });
});
