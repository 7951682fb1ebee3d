import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { EMPTY_PAGE } from '../../../common/pagination.js';
import {
  AdjustCreditsDocument,
  ApproveSettlementDocument,
  CreateBookingDocument,
  CreateSettlementDocument,
  GrantCreditsDocument,
  MarkSettlementPaidDocument,
  TopUpCreditPoolDocument,
  SettlementDocument,
  SettlementsDocument,
  IsoPayForBookingDocument,
  IsoPaymentDocument,
  IsoPaymentsDocument,
  IsoRecordDeskPaymentDocument,
  IsoRefundPaymentDocument,
  IsoRevenueSummaryDocument,
} from '../../../test/__generated__/operations.js';
import { must } from '../../../test/support/client.js';
import { attack, defineIsolationCases, eachMemberOfB, ownersOnly, recordedEventId, ROLES, until, type CoreWorld } from '../../../test/support/isolation-kit.js';
import { createLibraryWithSeats, nextSlot, period } from '../../../test/support/library-kit.js';
import { presentCard, SIMULATED_CARDS, startPayment } from '../../../test/support/payment-kit.js';

interface PaymentsSide {
  library: string;
  /** The PAYMENT_SUCCEEDED event of the desk payment, and the CREDITS_MOVED event of a grant to the tenant. */
  paymentEvent: string;
  creditEvent: string;
  /** A settlement of the tenant's online payment, paid by the student with the simulated provider. */
  settlement: string;
  /** The student's booking, paid at the desk (with a refund), and another with an online payment started. */
  paidBooking: string;
  paidPayment: string;
  onlineBooking: string;
  onlinePayment: string;
}

interface PaymentsWorld {
  a: PaymentsSide;
  b: PaymentsSide;
  /** Unpaid bookings of A's student that the controls pay. */
  aSpares: { forStudent: string; forStaff: string };
}

const paymentSelection = 'id status method amount { amountMinor currency } refunded { amountMinor } booking { id } user { id } fees { net { amountMinor } } checkout { clientSecret checkoutUrl } refunds { id reason }';
/** Internal (`@inaccessible`) fields the router's subscriptions use: attacked at the subgraph itself. */
const PaymentEventQuery: TypedDocumentNode<{ paymentEventsByIds: ({ eventId: string } | null)[] }, { eventId: string }> = parse(`
  query IsoPaymentEvent($eventId: ID!) { paymentEventsByIds(eventIds: [$eventId]) { eventId type occurredAt payment { ${paymentSelection} } } }`);
const PaymentEventsFilterQuery: TypedDocumentNode<{ paymentEventsFilter: unknown }, { tenantId: string }> = parse(`
  query IsoPaymentEventsFilter($tenantId: ID) { paymentEventsFilter(tenantId: $tenantId) { tenantId eventTypes keys { key values } audience } }`);
const CreditEventQuery: TypedDocumentNode<{ creditEventsByIds: ({ eventId: string } | null)[] }, { eventId: string }> = parse(`
  query IsoCreditEvent($eventId: ID!) { creditEventsByIds(eventIds: [$eventId]) { eventId movement channel amount wallet { balances { channel available } } } }`);
const CreditEventsFilterQuery: TypedDocumentNode<{ creditEventsFilter: unknown }, { tenantId: string }> = parse(`
  query IsoCreditEventsFilter($tenantId: ID) { creditEventsFilter(tenantId: $tenantId) { tenantId eventTypes keys { key values } audience } }`);

const window = () => ({ from: new Date(Date.now() - 24 * 3600_000).toISOString(), to: new Date(Date.now() + 24 * 3600_000).toISOString() });

async function sideOf(core: CoreWorld, label: 'A' | 'B', spareSeats: number): Promise<{ side: PaymentsSide; spares: string[] }> {
  const { recorder } = core;
  const tenant = label === 'A' ? core.a : core.b;
  const { graphqlUrl } = core.stack;
  const owner = tenant.members.OWNER;
  const student = tenant.members.STUDENT;
  const { library, seats } = await createLibraryWithSeats(graphqlUrl, owner, { seats: 3 + spareSeats });
  const when = period(nextSlot(24 * 60), 60);
  const bookSeat = async (index: number) => (await must(graphqlUrl, CreateBookingDocument, { input: { seatId: seats[index]!.id, ...when } }, student.token)).createBooking.id;
  const paidBooking = await bookSeat(0);
  const { recordDeskPayment } = await must(graphqlUrl, IsoRecordDeskPaymentDocument, { bookingId: paidBooking, method: 'CARD', idempotencyKey: randomUUID() }, owner.token);
  await must(graphqlUrl, IsoRefundPaymentDocument, { paymentId: recordDeskPayment.id, amountMinor: 100, reason: `Goodwill of ${tenant.slug}`, idempotencyKey: randomUUID() }, owner.token);
  const paymentEvent = await recordedEventId(recorder, `the success of ${label}'s desk payment`, (event) => event.type === 'PAYMENT_SUCCEEDED' && event.keys.paymentId === recordDeskPayment.id);
  await must(graphqlUrl, TopUpCreditPoolDocument, { channel: 'SMS', amount: 1, reason: 'Isolation', idempotencyKey: randomUUID() }, core.admin.token);
  await must(graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, channel: 'SMS', amount: 1, reason: `Grant to ${tenant.slug}`, idempotencyKey: randomUUID() }, core.admin.token);
  const creditEvent = await recordedEventId(recorder, `the grant to ${label}`, (event) => event.type === 'CREDITS_MOVED' && event.tenantId === tenant.id);
  const settledBooking = await bookSeat(1);
  const settled = await startPayment(graphqlUrl, student, settledBooking);
  await presentCard(core.stack, settled, SIMULATED_CARDS.succeeds);
  await until(`${label}'s online payment succeeds`, async () => (await must(graphqlUrl, IsoPaymentDocument, { id: settled.id }, owner.token)).payment?.status === 'SUCCEEDED');
  const range = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
  const { createSettlement } = await must(graphqlUrl, CreateSettlementDocument, { tenantId: tenant.id, ...range, currency: 'INR', idempotencyKey: randomUUID() }, core.admin.token);
  const onlineBooking = await bookSeat(2);
  const online = await startPayment(graphqlUrl, student, onlineBooking);
  const spares = await Promise.all(Array.from({ length: spareSeats }, (_, index) => bookSeat(3 + index)));
  return { side: { library: library.id, paymentEvent, creditEvent, settlement: createSettlement.id, paidBooking, paidPayment: recordDeskPayment.id, onlineBooking, onlinePayment: online.id }, spares };
}

export default defineIsolationCases<PaymentsWorld>({
  async setUp(core) {
    const a = await sideOf(core, 'A', 2);
    const b = await sideOf(core, 'B', 0);
    return { a: a.side, b: b.side, aSpares: { forStudent: a.spares[0]!, forStaff: a.spares[1]! } };
  },

  snapshotOfB: `
    payments(tenantId: $id, first: 100) {
      nodes { ${paymentSelection} createdBy { id } createdAt succeededAt failureReason }
      pageInfo { hasNextPage }
    }
    settlements(tenantId: $id, first: 100) { nodes { id status paymentCount payout { amountMinor } utr } }
    creditsOfB: tenant(id: $id) { creditWallet { balances { channel available reserved consumed } entries(first: 100) { nodes { id amount balanceAfter reason } } } }`,
  secretsOfB: ({ own: { b } }) => [b.paidPayment, b.onlinePayment, b.settlement],

  rootFields: {
    Query: {
      payment: attack(IsoPaymentDocument, {
        targets: (world) => ({ "B's desk payment": { id: world.own.b.paidPayment }, "B's online payment": { id: world.own.b.onlinePayment } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [
          { as: 'STUDENT', variables: (world) => ({ id: world.own.a.onlinePayment }) },
          { as: 'STAFF', variables: (world) => ({ id: world.own.a.paidPayment }) },
        ],
      }),
      payments: attack(IsoPaymentsDocument, {
        targets: (world) => ({ "B's payments": { tenantId: world.b.id, first: 100 } }),
        nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
        refusal: 'NOT_FOUND',
        controls: [
          { as: 'STUDENT', variables: () => ({ first: 100 }) },
          { as: 'OWNER', variables: (world) => ({ tenantId: world.a.id, filter: { bookingId: world.own.a.paidBooking }, first: 100 }) },
        ],
      }),
      revenueSummary: attack(IsoRevenueSummaryDocument, {
        targets: (world) => ({ "B's revenue": { ...window(), tenantId: world.b.id }, "B's revenue of B's library": { ...window(), tenantId: world.b.id, libraryId: world.own.b.library } }),
        nowhere: () => ({ ...window(), tenantId: randomUUID() }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ ...window(), libraryId: world.own.a.library }) }],
      }),
      platformCreditPool: { noForeignId: 'The platform’s own pool, for platform admins only; takes no id.' },
      paymentEventsByIds: attack(PaymentEventQuery, {
        targets: (world) => ({ "the event of B's payment": { eventId: world.own.b.paymentEvent } }),
        nowhere: () => ({ eventId: randomUUID() }),
        refusal: 'NULL_ITEMS',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ eventId: world.own.a.paymentEvent }) })),
      }),
      paymentEventsFilter: attack(PaymentEventsFilterQuery, {
        targets: (world) => ({ "B's events": { tenantId: world.b.id } }),
        nowhere: () => ({ tenantId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ tenantId: world.a.id }) })),
      }),
      creditEventsByIds: attack(CreditEventQuery, {
        targets: (world) => ({ "the event of B's grant": { eventId: world.own.b.creditEvent } }),
        nowhere: () => ({ eventId: randomUUID() }),
        refusal: 'NULL_ITEMS',
        controls: (['STAFF', 'OWNER'] as const).map((role) => ({ as: role, variables: (world) => ({ eventId: world.own.a.creditEvent }) })),
      }),
      creditEventsFilter: attack(CreditEventsFilterQuery, {
        targets: (world) => ({ "B's events": { tenantId: world.b.id } }),
        nowhere: () => ({ tenantId: randomUUID() }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: (['STAFF', 'OWNER'] as const).map((role) => ({ as: role, variables: (world) => ({ tenantId: world.a.id }) })),
      }),
      settlements: attack(SettlementsDocument, {
        targets: (world) => ({ "B's settlements": { tenantId: world.b.id, first: 100 } }),
        nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: () => ({ first: 100 }) }],
      }),
      settlement: attack(SettlementDocument, {
        targets: (world) => ({ "B's settlement": { id: world.own.b.settlement } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.a.settlement }) }],
      }),
    },
    Mutation: {
      payForBooking: attack(IsoPayForBookingDocument, {
        targets: (world) => ({ "B's unpaid booking": { bookingId: world.own.b.onlineBooking, idempotencyKey: randomUUID() }, "B's paid booking": { bookingId: world.own.b.paidBooking, idempotencyKey: randomUUID() } }),
        nowhere: () => ({ bookingId: randomUUID(), idempotencyKey: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ bookingId: world.own.aSpares.forStudent, idempotencyKey: randomUUID() }) }],
      }),
      recordDeskPayment: attack(IsoRecordDeskPaymentDocument, {
        targets: (world) => ({ "B's unpaid booking": { bookingId: world.own.b.onlineBooking, method: 'CASH' as const, idempotencyKey: randomUUID() } }),
        nowhere: () => ({ bookingId: randomUUID(), method: 'CASH' as const, idempotencyKey: randomUUID() }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [{ as: 'STAFF', variables: (world) => ({ bookingId: world.own.aSpares.forStaff, method: 'CASH' as const, idempotencyKey: randomUUID() }) }],
      }),
      refundPayment: attack(IsoRefundPaymentDocument, {
        targets: (world) => ({ "B's desk payment": { paymentId: world.own.b.paidPayment, amountMinor: 1, reason: 'Hostile', idempotencyKey: randomUUID() } }),
        nowhere: () => ({ paymentId: randomUUID(), amountMinor: 1, reason: 'Hostile', idempotencyKey: randomUUID() }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ paymentId: world.own.a.paidPayment, amountMinor: 1, reason: 'Goodwill', idempotencyKey: randomUUID() }) }],
      }),
      topUpCreditPool: { noForeignId: 'Tops up the platform’s own pool, for platform admins only; names no tenant.' },
      buyCredits: { noForeignId: 'Buys credits for the tenant named by the token; names no tenant or other object.' },
      updatePaymentPolicy: { noForeignId: 'Sets the policy of the tenant named by the token; the input names no tenant or other object.' },
      // Platform admins' alone: every member of a tenant is refused, whichever tenant they name.
      grantCredits: attack(GrantCreditsDocument, {
        targets: (world) => ({ "B's wallet": { tenantId: world.b.id, channel: 'SMS' as const, amount: 1, reason: 'Hostile', idempotencyKey: randomUUID() } }),
        nowhere: () => ({ tenantId: randomUUID(), channel: 'SMS' as const, amount: 1, reason: 'Hostile', idempotencyKey: randomUUID() }),
        refusal: 'FORBIDDEN',
      }),
      createSettlement: attack(CreateSettlementDocument, {
        targets: (world) => ({ "B's payments": { tenantId: world.b.id, ...window(), currency: 'INR', idempotencyKey: randomUUID() } }),
        nowhere: () => ({ tenantId: randomUUID(), ...window(), currency: 'INR', idempotencyKey: randomUUID() }),
        refusal: 'FORBIDDEN',
      }),
      approveSettlement: attack(ApproveSettlementDocument, {
        targets: (world) => ({ "B's settlement": { id: world.own.b.settlement } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'FORBIDDEN',
      }),
      markSettlementPaid: attack(MarkSettlementPaidDocument, {
        targets: (world) => ({ "B's settlement": { id: world.own.b.settlement, utr: `UTR${randomUUID().slice(0, 8)}` } }),
        nowhere: () => ({ id: randomUUID(), utr: `UTR${randomUUID().slice(0, 8)}` }),
        refusal: 'FORBIDDEN',
      }),
      adjustCredits: attack(AdjustCreditsDocument, {
        targets: (world) => ({ "B's wallet": { tenantId: world.b.id, channel: 'SMS' as const, amount: -1, reason: 'Hostile', idempotencyKey: randomUUID() } }),
        nowhere: () => ({ tenantId: randomUUID(), channel: 'SMS' as const, amount: -1, reason: 'Hostile', idempotencyKey: randomUUID() }),
        refusal: 'FORBIDDEN',
      }),
    },
  },

  entities: {
    Tenant: {
      own: (world) => ({ __typename: 'Tenant', id: world.a.id }),
      foreign: (world) => ({ 'B itself': { __typename: 'Tenant', id: world.b.id } }),
      nowhere: () => ({ __typename: 'Tenant', id: randomUUID() }),
      selection: 'id paymentPolicy { refundOnCancellation } creditWallet { balances { channel available reserved consumed } entries(first: 20) { nodes { id amount reason } } }',
    },
    Payment: {
      own: (world) => ({ __typename: 'Payment', id: world.own.a.onlinePayment }),
      foreign: (world) => ({ "B's desk payment": { __typename: 'Payment', id: world.own.b.paidPayment }, "B's online payment": { __typename: 'Payment', id: world.own.b.onlinePayment } }),
      nowhere: () => ({ __typename: 'Payment', id: randomUUID() }),
      selection: paymentSelection,
    },
    // The bookings subgraph decides whether A may see B's booking at all; payments must add nothing of B's payment.
    Booking: {
      own: (world) => ({ __typename: 'Booking', id: world.own.a.paidBooking }),
      foreign: (world) => ({ "B's paid booking": { __typename: 'Booking', id: world.own.b.paidBooking }, "B's booking being paid": { __typename: 'Booking', id: world.own.b.onlineBooking } }),
      nowhere: () => ({ __typename: 'Booking', id: randomUUID() }),
      selection: `id paymentStatus payment { ${paymentSelection} }`,
      stranger: (representation) => ({ id: representation.id, paymentStatus: 'UNPAID', payment: null }),
    },
    User: {
      own: (world, role) => ({ __typename: 'User', id: world.a.members[role].id }),
      foreign: (world) => eachMemberOfB(world, (member) => ({ __typename: 'User', id: member.id })),
      nowhere: () => ({ __typename: 'User', id: randomUUID() }),
      selection: `id payments(first: 20) { nodes { ${paymentSelection} } pageInfo { hasNextPage endCursor } }`,
      stranger: (representation) => ({ id: representation.id, payments: EMPTY_PAGE }),
    },
  },
});
