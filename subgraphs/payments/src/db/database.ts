import type { Generated, Kysely, Transaction } from 'kysely';
import type { OutboxTables } from '../../../../common/events/outbox.js';

export type PaymentStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';
export type PaymentMethod = 'ONLINE' | 'CASH' | 'CARD';
export type RefundStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

export interface PaymentsTable {
  id: Generated<string>;
  tenant_id: string;
  booking_id: string;
  library_id: string;
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

export interface PaymentsDatabase extends OutboxTables {
  payments: PaymentsTable;
  refunds: RefundsTable;
  idempotency_keys: IdempotencyKeysTable;
  provider_events: ProviderEventsTable;
}

export type PaymentsDb = Kysely<PaymentsDatabase> | Transaction<PaymentsDatabase>;
