import { sql } from 'kysely';
import { badUserInput } from './errors.js';
import { isUuid } from './validation.js';

export const MAX_PAGE_SIZE = 100;

/** Keyset position: lists are ordered newest first by (createdAt, id). */
export interface Position {
  createdAt: Date;
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

/** Validates `first` / `after` from the API: cursors are opaque to clients but checked here. */
export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return { first: size, after: after ? decodeCursor(after) : null };
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
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

function decodeCursor(cursor: string): Position {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    // Only what encodeCursor writes: a four-digit-year ISO instant that round-trips exactly.
    if (typeof createdAt !== 'string' || !/^\d{4}-/.test(createdAt) || Number.isNaN(date.getTime()) || date.toISOString() !== createdAt) throw new Error('bad cursor');
    if (typeof id !== 'string' || !isUuid(id)) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw badUserInput('after is not a cursor this list returned.', 'after');
  }
}

/** Rows after `position` in newest-first order, for tables keyed by (created_at, id). */
export const olderThan = (position: Position) => sql<boolean>`(created_at, id) < (${position.createdAt}, ${position.id})`;
