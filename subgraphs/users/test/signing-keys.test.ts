import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../common/db/database.js';
import { asPlatform, inTenant, withoutTenant } from '../../../common/db/scope.js';
import { createTestDatabases, type TestDatabases } from '../../../test/support/databases.js';
import { migrations } from '../migrations/index.js';
import type { UsersDatabase } from '../src/db.js';
import { loadTokenSigner } from '../src/auth/signing-keys.js';

let databases: TestDatabases;
let db: Kysely<UsersDatabase>;

beforeAll(async () => {
  databases = await createTestDatabases();
  db = await openDatabase<UsersDatabase>({ service: 'users', config: databases.config('users'), migrations });
  await loadTokenSigner(db, 60);
});
afterAll(async () => {
  await db?.destroy();
  await databases?.drop();
});

const readKeys = (trx: Kysely<UsersDatabase>) => sql<{ private_jwk: unknown }>`select private_jwk from signing_keys`.execute(trx);

describe('the private signing key', () => {
  it('is readable on the platform path only, never by an ordinary unit of work', async () => {
    expect((await asPlatform(db, { actor: 'system:test', action: 'read keys' }, readKeys)).rows.length).toBeGreaterThan(0);
    await expect(inTenant(db, randomUUID(), readKeys)).rejects.toMatchObject({ code: '42501' });
    await expect(withoutTenant(db, readKeys)).rejects.toMatchObject({ code: '42501' });
  });
});
