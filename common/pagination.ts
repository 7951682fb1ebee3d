import { sql, type Expression, type SelectQueryBuilder } from 'kysely';
import { badUserInput } from './errors.js';
import { isUuid } from './validation.js';

export const MAX_PAGE_SIZE = 100;

/** Keyset position: lists are ordered by a key (a time such as creation or start, or a label) and then id. */
export interface Position {
  key: Date | string;
  id: string;
}

export interface PageRequest {
  first: number;
  after: Position | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A list the viewer may not see, shown as an empty one rather than an error. */
export const EMPTY_PAGE: Page<never> = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

/** Validates `first` / `after` from the API: cursors are opaque to clients but checked here. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined, keyKind: 'date' | 'text' = 'date'): PageRequest {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return { first: size, after: after ? decodeCursor(after, keyKind) : null };
}

/** Takes `first + 1` rows, as fetched, and turns them into a page. */
export function pageOf<T>(rows: T[], first: number, positionOf: (row: T) => Position): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes.at(-1);
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(positionOf(last)) : null },
  };
}

function encodeCursor(position: Position): string {
  const key = position.key instanceof Date ? ['d', position.key.toISOString()] : ['s', position.key];
  return Buffer.from(JSON.stringify([...key, position.id])).toString('base64url');
}

function decodeCursor(cursor: string, keyKind: 'date' | 'text'): Position {
  try {
    const [kind, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof key !== 'string' || typeof id !== 'string' || !isUuid(id)) throw new Error('bad cursor');
    if (keyKind === 'text') {
      if (kind !== 's' || key.length > 200) throw new Error('bad cursor');
      return { key, id };
    }
    // Only what encodeCursor writes: a four-digit-year ISO instant that round-trips exactly.
    const date = new Date(key);
    if (kind !== 'd' || !/^\d{4}-/.test(key) || Number.isNaN(date.getTime()) || date.toISOString() !== key) throw new Error('bad cursor');
    return { key: date, id };
  } catch {
    throw badUserInput('after is not a cursor this list returned.', 'after');
  }
}

const CREATED_AT = sql.ref('created_at');

/** Rows after `position` in descending order of (key, id); the key is `created_at` unless given. */
export const olderThan = (position: Position, key: Expression<unknown> = CREATED_AT) =>
  sql<boolean>`(${key}, id) < (${position.key}, ${position.id})`;

/** A page of a query's rows, newest first by (`created_at`, `id`): the shape most lists take. */
export async function newestFirst<Row extends { created_at: Date; id: string }>(query: SelectQueryBuilder<any, any, Row>, page: PageRequest): Promise<Page<Row>> {
  const rows = await query
    .$if(page.after !== null, (q) => q.where(olderThan(page.after!)))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.first + 1)
    .execute();
  return pageOf(rows, page.first, (row) => ({ key: row.created_at, id: row.id }));
}

/** Rows after `position` in ascending order of (key, id). */
export const newerThan = (position: Position, key: Expression<unknown> = CREATED_AT) =>
  sql<boolean>`(${key}, id) > (${position.key}, ${position.id})`;

/**
 * Splits rows fetched for many parents at once (each parent's first `first + 1`, numbered by a
 * window function) into one page per parent, in the order the parents were asked for.
 */
export function pagesByParent<T>(parents: readonly string[], rows: T[], parentOf: (row: T) => string, first: number, positionOf: (row: T) => Position): Page<T>[] {
  const byParent = new Map<string, T[]>();
  for (const row of rows) {
    const list = byParent.get(parentOf(row));
    if (list) list.push(row);
    else byParent.set(parentOf(row), [row]);
  }
  return parents.map((parent) => pageOf(byParent.get(parent) ?? [], first, positionOf));
}
