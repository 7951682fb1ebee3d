import type { Migration } from 'kysely';
import * as communitiesPosts from './2026_12_01_0001_communities_posts.js';
import * as notifications from './2026_12_01_0002_notifications.js';
import * as moderation from './2026_12_01_0003_moderation.js';
import * as directMessages from './2026_12_01_0004_direct_messages.js';
import * as announcements from './2026_12_01_0005_announcements.js';

export const migrations: Record<string, Migration> = {
  '2026_12_01_0001_communities_posts': communitiesPosts,
  '2026_12_01_0002_notifications': notifications,
  '2026_12_01_0003_moderation': moderation,
  '2026_12_01_0004_direct_messages': directMessages,
  '2026_12_01_0005_announcements': announcements,
};
