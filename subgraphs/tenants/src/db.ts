import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { OutboxTables } from '../../../common/events/outbox.js';
import { olderThan, pageOf, type Page, type PageRequest } from '../../../common/pagination.js';

export type TenantStatus = 'ACTIVE' | 'SUSPENDED';

interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: Generated<TenantStatus>;
  plan: 'STARTER' | 'GROWTH' | 'ENTERPRISE';
  timezone: string;
  currency: string;
  logo_url: string | null;
  primary_color: string | null;
  suspension_reason: string | null;
  suspended_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TenantsDatabase extends OutboxTables {
  tenants: TenantsTable;
}

export type TenantsDb = Kysely<TenantsDatabase> | Transaction<TenantsDatabase>;
export type TenantRow = Selectable<TenantsTable>;
export type NewTenant = Insertable<TenantsTable>;
export type TenantUpdate = Updateable<TenantsTable>;
export type PublicTenantRow = Pick<TenantRow, 'slug' | 'name' | 'status' | 'logo_url' | 'primary_color'>;

export function findTenantsByIds(db: TenantsDb, ids: readonly string[]): Promise<TenantRow[]> {
  return db.selectFrom('tenants').selectAll().where('id', 'in', ids).execute();
}

export function findPublicTenantBySlug(db: TenantsDb, slug: string): Promise<PublicTenantRow | undefined> {
  return db.selectFrom('tenants').select(['slug', 'name', 'status', 'logo_url', 'primary_color']).where('slug', '=', slug).executeTakeFirst();
}

export async function listTenants(db: TenantsDb, filter: { status?: TenantStatus | null }, page: PageRequest): Promise<Page<TenantRow>> {
  let query = db.selectFrom('tenants').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.first + 1);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (page.after) query = query.where(olderThan(page.after));
  return pageOf(await query.execute(), page.first, (row) => ({ key: row.created_at, id: row.id }));
}

export function insertTenant(db: TenantsDb, tenant: NewTenant): Promise<TenantRow> {
  return db.insertInto('tenants').values(tenant).returningAll().executeTakeFirstOrThrow();
}

/** Updates only when `onlyIfStatus` matches, so racing suspend/reactivate calls each change state once. */
export function updateTenant(db: TenantsDb, id: string, changes: TenantUpdate, onlyIfStatus?: TenantStatus): Promise<TenantRow | undefined> {
  let query = db.updateTable('tenants').set({ ...changes, updated_at: new Date() }).where('id', '=', id);
  if (onlyIfStatus) query = query.where('status', '=', onlyIfStatus);
  return query.returningAll().executeTakeFirst();
}

export async function findSuspendedTenantIds(db: TenantsDb): Promise<string[]> {
  const rows = await db.selectFrom('tenants').select('id').where('status', '=', 'SUSPENDED').execute();
  return rows.map((row) => row.id);
}
