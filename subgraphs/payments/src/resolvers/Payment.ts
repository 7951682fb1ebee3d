import { money } from '../../../../common/money.js';
import type { PaymentResolvers } from '../__generated__/resolvers-types.js';
import { canSeeCheckout, canSeeFees } from '../access.js';

export const Payment: PaymentResolvers = {
  __resolveReference: (reference, { loaders }) => loaders.payment.load(reference.id),
  amount: (payment) => money(payment.amount_minor, payment.currency.trim()),
  refunded: (payment) => money(payment.refunded_minor, payment.currency.trim()),
  booking: (payment) => (payment.booking_id ? { id: payment.booking_id } : null),
  credits: (payment) => (payment.credit_channel ? { channel: payment.credit_channel, amount: Number(payment.credit_amount) } : null),
  user: (payment) => ({ id: payment.user_id }),
  createdBy: (payment) => ({ id: payment.created_by }),
  createdAt: (payment) => payment.created_at,
  succeededAt: (payment) => payment.succeeded_at,
  failureReason: (payment) => payment.failure_reason,
  fees: (payment, _args, { viewer }) => {
    if (!canSeeFees(viewer) || payment.status !== 'SUCCEEDED') return null;
    const currency = payment.currency.trim();
    return {
      gateway: money(payment.gateway_fee_minor ?? 0, currency),
      platform: money(payment.platform_fee_minor ?? 0, currency),
      platformFeeBps: payment.platform_fee_bps ?? 0,
      net: money(payment.net_minor ?? 0, currency),
    };
  },
  checkout: (payment, _args, { viewer }) =>
    canSeeCheckout(viewer, payment) && payment.provider ? { provider: payment.provider, clientSecret: payment.client_secret, checkoutUrl: payment.checkout_url } : null,
  refunds: (payment, _args, { loaders }) => loaders.refundsOfPayment.load(payment.id),
};
