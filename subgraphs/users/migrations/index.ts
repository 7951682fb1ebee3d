import type { Migration } from 'kysely';
import * as usersSessions from './2026_11_23_0001_users_sessions.js';
import * as outbox from './2026_11_23_0002_outbox.js';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_users_sessions': usersSessions,
  '2026_11_23_0002_outbox': outbox,
};
