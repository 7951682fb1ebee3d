import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { asViewer, inKeyOrder } from '../../../common/db/viewer-scope.js';
import { existingIdsOnly } from '../../../common/validation.js';
import { findTenantsByIds, type TenantRow, type TenantsDatabase } from './db.js';

export interface TenantsLoaders {
  /** Tenants the viewer may see (their own; any for platform admins); `null` otherwise. */
  tenant: DataLoader<string, TenantRow | null>;
}

export function createLoaders(db: Kysely<TenantsDatabase>, viewer: Viewer | null): TenantsLoaders {
  return {
    tenant: new DataLoader(async (ids) => {
      const existing = existingIdsOnly(ids);
      // Anonymous callers see no tenant: row-level security returns nothing without one.
      const rows = viewer && existing.length ? await asViewer(db, viewer, 'load tenants', (trx) => findTenantsByIds(trx, existing)) : [];
      const visible = rows.filter((row) => viewer?.role === 'PLATFORM_ADMIN' || row.id === viewer?.tenantId);
      return inKeyOrder(ids, visible, (row) => row.id);
    }),
  };
}
