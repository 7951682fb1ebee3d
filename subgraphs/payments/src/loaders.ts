import DataLoader from 'dataloader';
import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import { byIdsLoader, listsLoader, type ListKey } from '../../../common/db/loaders.js';
import { readAsViewer, inKeyOrder } from '../../../common/db/viewer-scope.js';
import type { Page } from '../../../common/pagination.js';
import { existingIdsOnly } from '../../../common/validation.js';
import { canSeePayment } from './access.js';
import type { PaymentsDatabase } from './db/database.js';
import { accountsOf, findMovementsByIds, type CreditAccountRow, type CreditMovementRow } from './db/credits.js';
import { findPaymentsByIds, paymentsOfBookings, paymentsOfUsers, type PaymentRow } from './db/payments.js';
import { findPaymentPolicies, type PaymentPolicy } from './db/policies.js';
import { refundsOfPayments, type RefundRow } from './db/refunds.js';
import { findSettlementsByIds, type SettlementRow } from './db/settlements.js';

export interface PaymentsLoaders {
  payment: DataLoader<string, PaymentRow | null>;
  /** Each booking's most telling payment (see `paymentsOfBookings`), by booking id. */
  paymentOfBooking: DataLoader<string, PaymentRow | null>;
  refundsOfPayment: DataLoader<string, RefundRow[]>;
  paymentsOfUser: DataLoader<ListKey<Record<string, never>>, Page<PaymentRow>, string>;
  /** A tenant's credit accounts by tenant id; asked only for tenants the viewer may see. */
  accountsOfTenant: DataLoader<string, CreditAccountRow[]>;
  settlement: DataLoader<string, SettlementRow | null>;
  creditMovement: DataLoader<string, CreditMovementRow | null>;
  /** By tenant id; only tenants the viewer may see are asked (see Tenant.__resolveReference). */
  paymentPolicy: DataLoader<string, PaymentPolicy>;
}

export function createLoaders(db: Kysely<PaymentsDatabase>, viewer: Viewer | null): PaymentsLoaders {
  return {
    payment: byIdsLoader(db, viewer, 'load payments', findPaymentsByIds, (row) => canSeePayment(viewer, row)),
    paymentOfBooking: new DataLoader(async (bookingIds) => {
      const ids = existingIdsOnly(bookingIds);
      const rows = viewer && ids.length ? await readAsViewer(db, viewer, 'load payments of bookings', (trx) => paymentsOfBookings(trx, ids)) : [];
      return inKeyOrder(bookingIds, rows.filter((row) => canSeePayment(viewer, row)), (row) => row.booking_id!);
    }),
    // Asked only for payments the viewer already sees.
    refundsOfPayment: new DataLoader((paymentIds) => readAsViewer(db, viewer, 'load refunds of payments', (trx) => refundsOfPayments(trx, paymentIds))),
    paymentsOfUser: listsLoader(db, viewer, 'load payments of users', (trx, ids, page) => paymentsOfUsers(trx, ids, page)),
    accountsOfTenant: new DataLoader(async (tenantIds) => {
      const rows = await readAsViewer(db, viewer, 'load credit wallets', (trx) => accountsOf(trx, tenantIds));
      return tenantIds.map((id) => rows.filter((row) => row.tenant_id === id));
    }),
    // Row-level security keeps members to their tenant's; only owners and admins ask.
    settlement: byIdsLoader(db, viewer, 'load settlements', findSettlementsByIds, () => true),
    // Asked for the movements of credit events the viewer was already let read.
    creditMovement: byIdsLoader(db, viewer, 'load credit movements', findMovementsByIds, () => true),
    paymentPolicy: new DataLoader((tenantIds) => readAsViewer(db, viewer, 'load payment policies', (trx) => findPaymentPolicies(trx, tenantIds))),
  };
}
