import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { defineRlsSeeds } from '../../../test/support/rls-kit.js';

async function seedUserWithSession(trx: Transaction<any>, tenantId: string | null, role: string) {
  const user = await trx
    .insertInto('users')
    .values({ tenant_id: tenantId, email: `seed-${randomBytes(4).toString('hex')}@example.test`, display_name: 'Seeded', role, password_hash: 'not-a-hash' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const session = await trx.insertInto('sessions').values({ tenant_id: tenantId, user_id: user.id }).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('refresh_tokens')
    .values({ tenant_id: tenantId, session_id: session.id, token_hash: randomBytes(16).toString('hex'), expires_at: new Date(Date.now() + 3_600_000) })
    .execute();
}

export default defineRlsSeeds({
  tenantTables: ['users', 'sessions', 'refresh_tokens', 'tenant_directory', 'outbox_events'],
  async seedTenant(trx, tenantId) {
    await trx.insertInto('tenant_directory').values({ tenant_id: tenantId, slug: `s-${randomBytes(4).toString('hex')}`, status: 'ACTIVE' }).execute();
    await seedUserWithSession(trx, tenantId, 'STUDENT');
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ tenantId }), published_at: new Date() })
      .execute();
  },
  seedPlatform: (trx) => seedUserWithSession(trx, null, 'PLATFORM_ADMIN'),
  readableByEveryTenant: {
    tenant_directory: {
      reason: 'Which slugs exist and whether they are suspended: sign-up and sign-in look a tenant up by slug before anyone is signed in.',
      columns: ['tenant_id', 'slug', 'status', 'updated_at'],
    },
  },
});
