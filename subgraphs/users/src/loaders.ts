import type DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { byIdsLoader } from '../../../common/db/loaders.js';
import { canSeeUser } from './access.js';
import { findUsersByIds, type UserRow, type UsersDatabase } from './db.js';

export interface UsersLoaders {
  /** Users the viewer may see, by id; `null` for missing and hidden ones alike. */
  user: DataLoader<string, UserRow | null>;
}

export function createLoaders(db: Kysely<UsersDatabase>, viewer: Viewer | null): UsersLoaders {
  return { user: byIdsLoader(db, viewer, 'load users', findUsersByIds, (row) => canSeeUser(viewer, row)) };
}
