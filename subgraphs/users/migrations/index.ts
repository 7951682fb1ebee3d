import type { Migration } from 'kysely';
import * as usersSessions from './2026_11_23_0001_users_sessions.js';
import * as outbox from './2026_11_23_0002_outbox.js';
import * as signingKeysPlatformOnly from './2026_11_23_0003_signing_keys_platform_only.js';
import * as phoneNumbers from './2026_12_01_0004_phone_numbers.js';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_users_sessions': usersSessions,
  '2026_11_23_0002_outbox': outbox,
  '2026_11_23_0003_signing_keys_platform_only': signingKeysPlatformOnly,
  '2026_12_01_0004_phone_numbers': phoneNumbers,
};
