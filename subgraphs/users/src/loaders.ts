import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { asViewer, inKeyOrder } from '../../../common/db/viewer-scope.js';
import { existingIdsOnly } from '../../../common/validation.js';
import { canSeeUser } from './access.js';
import { findUsersByIds, type UserRow, type UsersDatabase } from './db.js';

export interface UsersLoaders {
  /** Users the viewer may see, by id; `null` for missing and hidden ones alike. */
  user: DataLoader<string, UserRow | null>;
}

export function createLoaders(db: Kysely<UsersDatabase>, viewer: Viewer | null): UsersLoaders {
  return {
    user: new DataLoader(async (ids) => {
      const existing = existingIdsOnly(ids);
      const rows = existing.length ? await asViewer(db, viewer, 'load users', (trx) => findUsersByIds(trx, existing)) : [];
      return inKeyOrder(ids, rows.filter((row) => canSeeUser(viewer, row)), (row) => row.id);
    }),
  };
}
