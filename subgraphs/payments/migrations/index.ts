import type { Migration } from 'kysely';
import * as paymentsRefunds from './2026_12_01_0001_payments_refunds.js';

export const migrations: Record<string, Migration> = {
  '2026_12_01_0001_payments_refunds': paymentsRefunds,
};
