import type { Kysely, Transaction } from 'kysely';
import type { Viewer } from '../auth/viewer.js';
import { asPlatform, inTenant, withoutTenant, type Access } from './scope.js';

/**
 * Runs a unit of work as the viewer: in their tenant, on the audited platform path for platform
 * admins, or with no tenant at all for anonymous callers.
 */
export function asViewer<DB, T>(db: Kysely<DB>, viewer: Viewer | null, action: string, work: (trx: Transaction<DB>) => Promise<T>, access: Access = 'read write'): Promise<T> {
  if (!viewer) return withoutTenant(db, work, access);
  if (viewer.role === 'PLATFORM_ADMIN') return asPlatform(db, { actor: viewer.userId, action }, work, access);
  return inTenant(db, viewer.tenantId, work, access);
}

/** `asViewer` for a unit of work that only reads: loaders and lists. PostgreSQL refuses it any write. */
export function readAsViewer<DB, T>(db: Kysely<DB>, viewer: Viewer | null, action: string, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return asViewer(db, viewer, action, work, 'read only');
}

/** Batch results in key order with `null` for misses, as DataLoader requires. */
export function inKeyOrder<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}
