import DataLoader from 'dataloader';
import type { Kysely, Transaction } from 'kysely';
import type { Viewer } from '../auth/viewer.js';
import type { Page, PageRequest } from '../pagination.js';
import { existingIdsOnly } from '../validation.js';
import { readAsViewer, inKeyOrder } from './viewer-scope.js';

/**
 * A DataLoader of rows by id that also answers, without a promise, for ids it has already loaded
 * in this request: a field resolved from a value is completed at once by graphql-js, where a
 * promise, even a settled one, costs it an asynchronous round per field and object.
 */
export class RowLoader<Row> extends DataLoader<string, Row | null> {
  private readonly settled: Map<string, Row | null>;

  constructor(batch: (ids: readonly string[]) => Promise<(Row | null)[]>) {
    const settled = new Map<string, Row | null>();
    super(async (ids) => {
      const rows = await batch(ids);
      ids.forEach((id, index) => settled.set(id, rows[index]!));
      return rows;
    });
    this.settled = settled;
  }

  /** The row (or null) when already loaded, else its load. */
  loadNow(id: string): Row | null | Promise<Row | null> {
    return this.settled.has(id) ? this.settled.get(id)! : this.load(id);
  }
}

/**
 * Rows by id, as the viewer may see them: one statement per batch, under the viewer's row-level
 * security, then `visible` for the rules within a tenant. `null` for a missing or hidden row alike;
 * nothing is read for anonymous callers or ids that cannot exist.
 */
export function byIdsLoader<DB, Row extends { id: string }>(
  db: Kysely<DB>,
  viewer: Viewer | null,
  action: string,
  find: (trx: Transaction<DB>, ids: string[]) => Promise<Row[]>,
  visible: (row: Row) => boolean,
): RowLoader<Row> {
  return new RowLoader(async (ids) => {
    const existing = existingIdsOnly(ids);
    const rows = viewer && existing.length ? await readAsViewer(db, viewer, action, (trx) => find(trx, existing)) : [];
    return inKeyOrder(ids, rows.filter(visible), (row) => row.id);
  });
}

/** A nested list's arguments; parents asked with the same arguments share one statement. */
export interface ListKey<Args> {
  parentId: string;
  page: PageRequest;
  args: Args;
}

/**
 * One page of a nested list per parent: keys are grouped by their page and arguments, and each
 * group is one statement (`load`, typically windowed per parent) in one unit of work for the batch.
 */
export function listsLoader<DB, Args, Row>(
  db: Kysely<DB>,
  viewer: Viewer | null,
  action: string,
  load: (trx: Transaction<DB>, parentIds: string[], page: PageRequest, args: Args) => Promise<Page<Row>[]>,
): DataLoader<ListKey<Args>, Page<Row>, string> {
  return new DataLoader<ListKey<Args>, Page<Row>, string>(
    async (keys) => {
      const groups = new Map<string, ListKey<Args>[]>();
      for (const key of keys) {
        const group = JSON.stringify([key.page, key.args]);
        groups.set(group, [...(groups.get(group) ?? []), key]);
      }
      const pages = new Map<ListKey<Args>, Page<Row>>();
      await readAsViewer(db, viewer, action, async (trx) => {
        for (const group of groups.values()) {
          const parentIds = [...new Set(group.map((key) => key.parentId))];
          const results = await load(trx, parentIds, group[0]!.page, group[0]!.args);
          for (const key of group) pages.set(key, results[parentIds.indexOf(key.parentId)]!);
        }
      });
      return keys.map((key) => pages.get(key)!);
    },
    { cacheKeyFn: (key) => JSON.stringify(key) },
  );
}
