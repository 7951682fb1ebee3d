import type DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { byIdsLoader } from '../../../common/db/loaders.js';
import { findItemsByIds, type ItemRow, type __Name__Database } from './db.js';

export interface __Name__Loaders {
  /** Items the viewer may see (their tenant's; any for platform admins); `null` otherwise. */
  item: DataLoader<string, ItemRow | null>;
}

export function createLoaders(db: Kysely<__Name__Database>, viewer: Viewer | null): __Name__Loaders {
  return { item: byIdsLoader(db, viewer, 'load items', findItemsByIds, (row) => viewer?.role === 'PLATFORM_ADMIN' || row.tenant_id === viewer?.tenantId) };
}
