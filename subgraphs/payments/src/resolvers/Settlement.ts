import { money } from '../../../../common/money.js';
import type { SettlementResolvers } from '../__generated__/resolvers-types.js';

export const Settlement: SettlementResolvers = {
  tenant: (settlement) => ({ id: settlement.tenant_id }),
  periodStart: (settlement) => settlement.period_start,
  periodEnd: (settlement) => settlement.period_end,
  currency: (settlement) => settlement.currency.trim(),
  paymentCount: (settlement) => settlement.payment_count,
  gross: (settlement) => money(settlement.gross_minor, settlement.currency.trim()),
  refunded: (settlement) => money(settlement.refunded_minor, settlement.currency.trim()),
  gatewayFees: (settlement) => money(settlement.gateway_fees_minor, settlement.currency.trim()),
  platformFees: (settlement) => money(settlement.platform_fees_minor, settlement.currency.trim()),
  payout: (settlement) => money(settlement.payout_minor, settlement.currency.trim()),
  createdAt: (settlement) => settlement.created_at,
  approvedAt: (settlement) => settlement.approved_at,
  paidAt: (settlement) => settlement.paid_at,
};
