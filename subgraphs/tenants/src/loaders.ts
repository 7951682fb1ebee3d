import type DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { byIdsLoader } from '../../../common/db/loaders.js';
import { findTenantsByIds, type TenantRow, type TenantsDatabase } from './db.js';

export interface TenantsLoaders {
  /** Tenants the viewer may see (their own; any for platform admins); `null` otherwise. */
  tenant: DataLoader<string, TenantRow | null>;
}

export function createLoaders(db: Kysely<TenantsDatabase>, viewer: Viewer | null): TenantsLoaders {
  return { tenant: byIdsLoader(db, viewer, 'load tenants', findTenantsByIds, (row) => viewer?.role === 'PLATFORM_ADMIN' || row.id === viewer?.tenantId) };
}
