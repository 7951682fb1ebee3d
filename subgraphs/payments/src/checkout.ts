import { inTenant } from '../../../common/db/scope.js';
import { serviceUnavailable } from '../../../common/errors.js';
import { logger } from '../../../common/logger.js';
import type { PaymentsServices } from './context.js';
import { findPaymentsByIds, recordCheckout, type PaymentRow } from './db/payments.js';
import type { StartedPayment } from './providers/provider.js';

export const paymentOf = async ({ db }: Pick<PaymentsServices, 'db'>, tenantId: string, id: string) => (await inTenant(db, tenantId, (trx) => findPaymentsByIds(trx, [id])))[0]!;

/**
 * Starts an online payment, already committed as PENDING, with the provider and records what the
 * payer's portal needs. Keyed by the payment's id: a replay after a crash between the commit and
 * this call asks again, and the provider answers with the same payment.
 */
export async function startCheckout(services: PaymentsServices, payment: PaymentRow, description: string): Promise<PaymentRow> {
  if (payment.provider_ref || payment.status !== 'PENDING') return payment;
  let started: StartedPayment;
  try {
    started = await services.provider.createPayment({
      paymentId: payment.id,
      tenantId: payment.tenant_id,
      amountMinor: Number(payment.amount_minor),
      currency: payment.currency.trim(),
      description,
      idempotencyKey: payment.id,
    });
  } catch (error) {
    logger.warn({ err: error, paymentId: payment.id }, 'the payment provider did not start a payment');
    throw serviceUnavailable('payment provider', 'unreachable');
  }
  const checkout = { provider_ref: started.providerRef, client_secret: started.clientSecret, checkout_url: started.checkoutUrl };
  return (await inTenant(services.db, payment.tenant_id, (trx) => recordCheckout(trx, payment.id, checkout))) ?? paymentOf(services, payment.tenant_id, payment.id);
}
