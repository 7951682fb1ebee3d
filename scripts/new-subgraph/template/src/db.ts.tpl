import type { Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { OutboxTables } from '../../../common/events/outbox.js';
import { olderThan, pageOf, type Page, type PageRequest } from '../../../common/pagination.js';

interface ItemsTable {
  id: Generated<string>;
  tenant_id: string;
  title: string;
  created_at: Generated<Date>;
}

export interface __Name__Database extends OutboxTables {
  items: ItemsTable;
}

export type __Name__Db = Kysely<__Name__Database> | Transaction<__Name__Database>;
export type ItemRow = Selectable<ItemsTable>;
export type NewItem = Insertable<ItemsTable>;

export function findItemsByIds(db: __Name__Db, ids: readonly string[]): Promise<ItemRow[]> {
  return db.selectFrom('items').selectAll().where('id', 'in', ids).execute();
}

/** Newest first; one tenant when `tenantId` is given (platform admins), else whatever row-level security shows. */
export async function listItems(db: __Name__Db, tenantId: string | null, page: PageRequest): Promise<Page<ItemRow>> {
  let query = db.selectFrom('items').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.first + 1);
  if (tenantId) query = query.where('tenant_id', '=', tenantId);
  if (page.after) query = query.where(olderThan(page.after));
  return pageOf(await query.execute(), page.first, (row) => ({ key: row.created_at, id: row.id }));
}

export function insertItem(db: __Name__Db, item: NewItem): Promise<ItemRow> {
  return db.insertInto('items').values(item).returningAll().executeTakeFirstOrThrow();
}
