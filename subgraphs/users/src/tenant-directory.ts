import type { Kysely } from 'kysely';
import { asPlatform, withoutTenant } from '../../../common/db/scope.js';
import type { EventType } from '../../../common/events/catalogue.js';
import type { CarrelEvent } from '../../../common/events/event.js';
import { pollUntil } from '../../../common/poll.js';
import { findTenantInDirectory, upsertTenantInDirectory, type TenantDirectoryRow, type UsersDatabase } from './db.js';

const STATUS_BY_EVENT: Partial<Record<EventType, TenantDirectoryRow['status']>> = {
  TENANT_CREATED: 'ACTIVE',
  TENANT_REACTIVATED: 'ACTIVE',
  TENANT_SUSPENDED: 'SUSPENDED',
};

/**
 * Keeps the users subgraph's copy of which tenants exist and whether they are suspended, fed by
 * the tenants subgraph's events: sign-up and sign-in need it, and no subgraph reads another's tables.
 */
export function tenantDirectoryProjection(db: Kysely<UsersDatabase>) {
  return async (event: CarrelEvent): Promise<void> => {
    const status = STATUS_BY_EVENT[event.type as EventType];
    const slug = event.keys.slug;
    if (!status || !slug) return;
    await asPlatform(db, { actor: 'system:tenant-directory', action: event.type }, (trx) =>
      upsertTenantInDirectory(trx, { tenant_id: event.tenantId, slug, status, updated_at: new Date(event.occurredAt) }),
    );
  };
}

/**
 * A tenant created a moment ago may not have reached the directory yet (the event is on its
 * way), so a lookup by id waits briefly before calling it missing.
 */
export function awaitTenantInDirectory(db: Kysely<UsersDatabase>, tenantId: string): Promise<TenantDirectoryRow | undefined> {
  return pollUntil(() => withoutTenant(db, (trx) => findTenantInDirectory(trx, tenantId)), Boolean);
}
