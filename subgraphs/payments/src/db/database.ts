import type { Generated, Kysely, Transaction } from 'kysely';
import type { OutboxTables } from '../../../../common/events/outbox.js';

export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';
export type PaymentMethod = 'ONLINE' | 'CASH' | 'CARD';
export type RefundStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

export type PaymentPurpose = 'BOOKING' | 'CREDITS';

export interface PaymentsTable {
  id: Generated<string>;
  tenant_id: string;
  purpose: Generated<PaymentPurpose>;
  /** For a booking's payment; null for a credit purchase. */
  booking_id: string | null;
  library_id: string | null;
  /** For a credit purchase: the credits it buys. */
  credit_channel: CreditChannel | null;
  credit_amount: string | number | null;
  user_id: string;
  created_by: string;
  method: PaymentMethod;
  status: PaymentStatus;
  amount_minor: string | number;
  currency: string;
  refunded_minor: Generated<string | number>;
  platform_fee_bps: number | null;
  gateway_fee_minor: string | number | null;
  platform_fee_minor: string | number | null;
  net_minor: string | number | null;
  provider: string | null;
  provider_ref: string | null;
  client_secret: string | null;
  checkout_url: string | null;
  failure_reason: string | null;
  created_at: Generated<Date>;
  succeeded_at: Date | null;
  /** The payout that paid this payment's net to the tenant, once there is one. */
  settlement_id: string | null;
}

export type SettlementStatus = 'DRAFT' | 'APPROVED' | 'PAID';

export interface SettlementsTable {
  id: Generated<string>;
  tenant_id: string;
  period_start: Date;
  period_end: Date;
  currency: string;
  status: Generated<SettlementStatus>;
  payment_count: number;
  gross_minor: string | number;
  refunded_minor: string | number;
  gateway_fees_minor: string | number;
  platform_fees_minor: string | number;
  payout_minor: string | number;
  created_by: string;
  approved_by: string | null;
  approved_at: Date | null;
  paid_by: string | null;
  paid_at: Date | null;
  utr: string | null;
  created_at: Generated<Date>;
}

export interface RefundsTable {
  id: Generated<string>;
  tenant_id: string;
  payment_id: string;
  amount_minor: string | number;
  status: RefundStatus;
  reason: string;
  actor: string;
  provider_refund_ref: string | null;
  failure_reason: string | null;
  created_at: Generated<Date>;
  completed_at: Date | null;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  actor: string;
  key: string;
  operation: string;
  request_hash: string;
  result_id: string | null;
  created_at: Generated<Date>;
}

export interface ProviderEventsTable {
  provider: string;
  event_id: string;
  tenant_id: string;
  payment_id: string | null;
  type: string;
  occurred_at: Date;
  received_at: Generated<Date>;
}

export type CreditChannel = 'SMS' | 'WHATSAPP' | 'EMAIL';
export type CreditAccountKind = 'AVAILABLE' | 'RESERVED' | 'CONSUMED' | 'POOL' | 'ISSUED';
export type CreditMovementKind = 'TOP_UP' | 'GRANT' | 'ADJUST' | 'PURCHASE' | 'RESERVE' | 'CAPTURE' | 'RELEASE';

export interface CreditAccountsTable {
  id: Generated<string>;
  tenant_id: string | null;
  channel: CreditChannel;
  kind: CreditAccountKind;
  balance: Generated<string | number>;
}

export interface CreditMovementsTable {
  id: Generated<string>;
  tenant_id: string | null;
  kind: CreditMovementKind;
  channel: CreditChannel;
  amount: string | number;
  reference: string;
  request_hash: string;
  reservation_id: string | null;
  actor: string;
  reason: string | null;
  created_at: Generated<Date>;
}

export interface CreditEntriesTable {
  id: Generated<string>;
  tenant_id: string | null;
  movement_id: string;
  account_id: string;
  amount: string | number;
  balance_after: string | number;
  created_at: Generated<Date>;
}

export interface CreditReservationsTable {
  id: Generated<string>;
  tenant_id: string;
  channel: CreditChannel;
  reference: string;
  amount: string | number;
  captured: Generated<string | number>;
  released: Generated<string | number>;
  created_at: Generated<Date>;
}

export interface PaymentPoliciesTable {
  tenant_id: string;
  refund_on_cancellation: Generated<boolean>;
  updated_by: string;
  updated_at: Generated<Date>;
}

export interface PaymentsDatabase extends OutboxTables {
  payments: PaymentsTable;
  refunds: RefundsTable;
  idempotency_keys: IdempotencyKeysTable;
  provider_events: ProviderEventsTable;
  credit_accounts: CreditAccountsTable;
  credit_movements: CreditMovementsTable;
  credit_entries: CreditEntriesTable;
  credit_reservations: CreditReservationsTable;
  settlements: SettlementsTable;
  payment_policies: PaymentPoliciesTable;
}

export type PaymentsDb = Kysely<PaymentsDatabase> | Transaction<PaymentsDatabase>;
