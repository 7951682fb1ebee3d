import type { Migration } from 'kysely';
import * as items from './__date___0001_items.js';

export const migrations: Record<string, Migration> = {
  '__date___0001_items': items,
};
