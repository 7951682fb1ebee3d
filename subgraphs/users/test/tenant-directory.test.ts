import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../common/db/database.js';
import { withoutTenant } from '../../../common/db/scope.js';
import type { CarrelEvent } from '../../../common/events/event.js';
import { createTestDatabases, type TestDatabases } from '../../../test/support/databases.js';
import { migrations } from '../migrations/index.js';
import { findTenantInDirectory, type UsersDatabase } from '../src/db.js';
import { tenantDirectoryProjection } from '../src/tenant-directory.js';

let databases: TestDatabases;
let db: Kysely<UsersDatabase>;

beforeAll(async () => {
  databases = await createTestDatabases();
  db = await openDatabase<UsersDatabase>({ service: 'users', config: databases.config('users'), migrations });
});
afterAll(async () => {
  await db?.destroy();
  await databases?.drop();
});

const tenantEvent = (tenantId: string, type: string, occurredAt: string): CarrelEvent => ({ id: randomUUID(), tenantId, type, occurredAt, keys: { tenantId, slug: `t-${tenantId.slice(0, 8)}` } });

describe('the tenant directory projection', () => {
  it('keeps the newest status when events arrive out of order, as two consumers of a group may deliver them', async () => {
    const tenantId = randomUUID();
    const apply = tenantDirectoryProjection(db);
    await apply(tenantEvent(tenantId, 'TENANT_CREATED', '2026-11-23T08:00:00.000Z'));
    await apply(tenantEvent(tenantId, 'TENANT_REACTIVATED', '2026-11-23T08:02:00.000Z'));
    await apply(tenantEvent(tenantId, 'TENANT_SUSPENDED', '2026-11-23T08:01:00.000Z'));
    expect((await withoutTenant(db, (trx) => findTenantInDirectory(trx, tenantId)))?.status).toBe('ACTIVE');

    await apply(tenantEvent(tenantId, 'TENANT_SUSPENDED', '2026-11-23T08:03:00.000Z'));
    expect((await withoutTenant(db, (trx) => findTenantInDirectory(trx, tenantId)))?.status).toBe('SUSPENDED');
  });
});
