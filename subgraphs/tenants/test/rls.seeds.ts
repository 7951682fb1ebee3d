import { randomBytes, randomUUID } from 'node:crypto';
import { defineRlsSeeds } from '../../../test/support/rls-kit.js';

export default defineRlsSeeds({
  // The tenant row is the tenant: its own id plays the part of tenant_id.
  tenantTables: ['tenants', 'outbox_events'],
  async seedTenant(trx, tenantId) {
    await trx
      .insertInto('tenants')
      .values({ id: tenantId, slug: `s-${randomBytes(4).toString('hex')}`, name: 'Seeded', plan: 'STARTER', timezone: 'Asia/Kolkata', currency: 'INR' })
      .execute();
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ tenantId }), published_at: new Date() })
      .execute();
  },
});
