import type { Migration } from 'kysely';
import * as paymentsRefunds from './2026_12_01_0001_payments_refunds.js';
import * as creditWallets from './2026_12_01_0002_credit_wallets.js';
import * as settlements from './2026_12_01_0003_settlements.js';
import * as paymentPolicies from './2026_12_01_0004_payment_policies.js';
import * as creditPurchases from './2026_12_01_0005_credit_purchases.js';

export const migrations: Record<string, Migration> = {
  '2026_12_01_0001_payments_refunds': paymentsRefunds,
  '2026_12_01_0002_credit_wallets': creditWallets,
  '2026_12_01_0003_settlements': settlements,
  '2026_12_01_0004_payment_policies': paymentPolicies,
  '2026_12_01_0005_credit_purchases': creditPurchases,
};
