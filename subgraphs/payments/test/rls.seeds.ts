import { randomUUID } from 'node:crypto';
import { CreateBookingDocument, RecordDeskPaymentDocument, RefundPaymentDocument, UpdateBookingPolicyDocument } from '../../../test/__generated__/operations.js';
import { must } from '../../../test/support/client.js';
import { createLibraryWithSeats, nextSlot, period } from '../../../test/support/library-kit.js';
import { startPayment } from '../../../test/support/payment-kit.js';
import { defineRlsSeeds } from '../../../test/support/rls-kit.js';

export default defineRlsSeeds({
  tenantTables: ['payments', 'refunds', 'idempotency_keys', 'provider_events', 'outbox_events'],

  async seedTenant(trx, tenantId) {
    const payment = await trx
      .insertInto('payments')
      .values({
        tenant_id: tenantId,
        booking_id: randomUUID(),
        library_id: randomUUID(),
        user_id: randomUUID(),
        created_by: randomUUID(),
        method: 'ONLINE',
        status: 'SUCCEEDED',
        amount_minor: 10_000,
        currency: 'INR',
        refunded_minor: 1_000,
        platform_fee_bps: 300,
        gateway_fee_minor: 200,
        platform_fee_minor: 300,
        net_minor: 9_500,
        provider: 'simulated',
        provider_ref: `sim_pi_${randomUUID()}`,
        succeeded_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('refunds').values({ tenant_id: tenantId, payment_id: payment.id, amount_minor: 1_000, status: 'SUCCEEDED', reason: 'Seeded', actor: randomUUID() }).execute();
    await trx.insertInto('idempotency_keys').values({ tenant_id: tenantId, actor: randomUUID(), key: randomUUID(), operation: 'payForBooking', request_hash: 'seeded', result_id: payment.id }).execute();
    await trx.insertInto('provider_events').values({ provider: 'simulated', event_id: `sim_evt_${randomUUID()}`, tenant_id: tenantId, payment_id: payment.id, type: 'payment.succeeded', occurred_at: new Date() }).execute();
    await trx
      .insertInto('outbox_events')
      .values({ id: randomUUID(), tenant_id: tenantId, type: 'TEST_SEEDED', keys: JSON.stringify({ paymentId: payment.id }), published_at: new Date() })
      .execute();
  },

  /** A paid desk payment with a refund, and an online payment started: a row in every table but the webhooks'. */
  async throughApi(graphqlUrl, tenant, student) {
    const { seats } = await createLibraryWithSeats(graphqlUrl, tenant.owner, { seats: 2 });
    const when = period(nextSlot(120), 60);
    const { createBooking: paidAtDesk } = await must(graphqlUrl, CreateBookingDocument, { input: { seatId: seats[0]!.id, ...when } }, student.token);
    const { recordDeskPayment } = await must(graphqlUrl, RecordDeskPaymentDocument, { bookingId: paidAtDesk.id, method: 'CASH', idempotencyKey: randomUUID() }, tenant.owner.token);
    await must(graphqlUrl, RefundPaymentDocument, { paymentId: recordDeskPayment.id, amountMinor: 100, reason: 'Seeded', idempotencyKey: randomUUID() }, tenant.owner.token);
    await must(graphqlUrl, UpdateBookingPolicyDocument, { input: { paymentRequired: true } }, tenant.owner.token);
    const { createBooking: online } = await must(graphqlUrl, CreateBookingDocument, { input: { seatId: seats[1]!.id, ...when } }, student.token);
    await startPayment(graphqlUrl, student, online.id);
  },
});
