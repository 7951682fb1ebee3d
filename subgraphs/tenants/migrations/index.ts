import type { Migration } from 'kysely';
import * as tenants from './2026_11_23_0001_tenants.js';

export const migrations: Record<string, Migration> = {
  '2026_11_23_0001_tenants': tenants,
};
