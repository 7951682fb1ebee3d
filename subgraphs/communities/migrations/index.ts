import type { Migration } from 'kysely';
import * as communitiesPosts from './2026_12_01_0001_communities_posts.js';

export const migrations: Record<string, Migration> = {
  '2026_12_01_0001_communities_posts': communitiesPosts,
};
