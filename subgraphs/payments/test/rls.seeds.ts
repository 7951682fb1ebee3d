import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  CreateBookingDocument,
  CreateSettlementDocument,
  GrantCreditsDocument,
  PaymentDocument,
  RecordDeskPaymentDocument,
  RefundPaymentDocument,
  TopUpCreditPoolDocument,
  UpdateBookingPolicyDocument,
  UpdatePaymentPolicyDocument,
} from '../../../test/__generated__/operations.js';
import { must } from '../../../test/support/client.js';
import { createLibraryWithSeats, nextSlot, period } from '../../../test/support/library-kit.js';
import { presentCard, reserveCredits, SIMULATED_CARDS, startPayment } from '../../../test/support/payment-kit.js';
import { loginAdmin } from '../../../test/support/seed-kit.js';
import { until } from '../../../test/support/isolation-kit.js';
import { defineRlsSeeds } from '../../../test/support/rls-kit.js';

export default defineRlsSeeds({
  tenantTables: ['payments', 'refunds', 'idempotency_keys', 'provider_events', 'credit_accounts', 'credit_movements', 'credit_entries', 'credit_reservations', 'settlements', 'payment_policies', 'outbox_events'],
  appendOnly: {
    credit_movements: 'The credit ledger: a balance is explained by its movements forever.',
    credit_entries: 'The credit ledger: a balance is explained by its entries forever.',
  },

  async seedTenant(trx, tenantId) {
    const settlement = await trx
      .insertInto('settlements')
      .values({
        tenant_id: tenantId,
        period_start: new Date(Date.now() - 86_400_000),
        period_end: new Date(),
        currency: 'INR',
        payment_count: 1,
        gross_minor: 10_000,
        refunded_minor: 1_000,
        gateway_fees_minor: 200,
        platform_fees_minor: 300,
        payout_minor: 8_500,
        created_by: randomUUID(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
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
        settlement_id: settlement.id,
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
    await seedCredits(trx, tenantId);
    await trx.insertInto('payment_policies').values({ tenant_id: tenantId, refund_on_cancellation: false, updated_by: randomUUID() }).execute();
  },

  /** The platform's pool, topped up: its rows have no tenant, and no tenant may see them. */
  seedPlatform: (trx) => seedCredits(trx, null),

  /** A paid desk payment with a refund, and an online payment started: a row in every table but the webhooks'. */
  async throughApi(stack, tenant, student) {
    const { graphqlUrl } = stack;
    const { seats } = await createLibraryWithSeats(graphqlUrl, tenant.owner, { seats: 2 });
    const when = period(nextSlot(120), 60);
    const { createBooking: paidAtDesk } = await must(graphqlUrl, CreateBookingDocument, { input: { seatId: seats[0]!.id, ...when } }, student.token);
    const { recordDeskPayment } = await must(graphqlUrl, RecordDeskPaymentDocument, { bookingId: paidAtDesk.id, method: 'CASH', idempotencyKey: randomUUID() }, tenant.owner.token);
    await must(graphqlUrl, RefundPaymentDocument, { paymentId: recordDeskPayment.id, amountMinor: 100, reason: 'Seeded', idempotencyKey: randomUUID() }, tenant.owner.token);
    await must(graphqlUrl, UpdateBookingPolicyDocument, { input: { paymentRequired: true } }, tenant.owner.token);
    await must(graphqlUrl, UpdatePaymentPolicyDocument, { input: { refundOnCancellation: true } }, tenant.owner.token);
    const { createBooking: online } = await must(graphqlUrl, CreateBookingDocument, { input: { seatId: seats[1]!.id, ...when } }, student.token);
    const payment = await startPayment(graphqlUrl, student, online.id);
    await presentCard(stack, payment, SIMULATED_CARDS.succeeds);

    const admin = await loginAdmin(graphqlUrl);
    await must(graphqlUrl, TopUpCreditPoolDocument, { channel: 'SMS', amount: 100, reason: 'Seeded', idempotencyKey: randomUUID() }, admin.token);
    await must(graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, channel: 'SMS', amount: 10, reason: 'Seeded', idempotencyKey: randomUUID() }, admin.token);
    await reserveCredits(stack, { tenantId: tenant.id, channel: 'SMS', amount: 2, reference: `seed-${randomUUID()}`, service: 'rls-test' });
    await until('the online payment succeeds', async () => (await must(graphqlUrl, PaymentDocument, { id: payment.id }, tenant.owner.token)).payment?.status === 'SUCCEEDED');
    const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
    await must(graphqlUrl, CreateSettlementDocument, { tenantId: tenant.id, ...range, currency: 'INR', idempotencyKey: randomUUID() }, admin.token);
  },
});

/** A channel's accounts with a movement between two of them and its entries; a reservation for a tenant. */
async function seedCredits(trx: Transaction<any>, tenantId: string | null) {
  const kinds = tenantId ? ['AVAILABLE', 'RESERVED', 'CONSUMED'] : ['POOL', 'ISSUED'];
  const accounts = await trx
    .insertInto('credit_accounts')
    .values(kinds.map((kind, index) => ({ tenant_id: tenantId, channel: 'SMS', kind, balance: index === 0 ? 10 : kind === 'ISSUED' ? -10 : 0 })))
    // The platform's accounts may exist already, made through the API on PostgreSQL: those are used as they are.
    .onConflict((oc) => oc.constraint('credit_accounts_one_per_kind').doUpdateSet({ channel: 'SMS' }))
    .returning(['id', 'kind'])
    .execute();
  const movement = await trx
    .insertInto('credit_movements')
    .values({ tenant_id: tenantId, kind: tenantId ? 'GRANT' : 'TOP_UP', channel: 'SMS', amount: 10, reference: `seed:${randomUUID()}`, request_hash: 'seeded', actor: randomUUID() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('credit_entries')
    .values(accounts.slice(0, 2).map((account, index) => ({ tenant_id: tenantId, movement_id: movement.id, account_id: account.id, amount: index === 0 ? 10 : -10, balance_after: index === 0 ? 10 : -10 })))
    .execute();
  if (tenantId) await trx.insertInto('credit_reservations').values({ tenant_id: tenantId, channel: 'SMS', reference: `seed:${randomUUID()}`, amount: 1 }).execute();
}
