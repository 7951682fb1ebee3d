import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CreateBookingDocument, GrantCreditsDocument, RefundPaymentDocument, TopUpCreditPoolDocument } from './__generated__/operations.js';
import { must } from './support/client.js';
import { createLibraryWithSeats, nextSlot, period } from './support/library-kit.js';
import { presentCard, requirePayment, reserveCredits, SIMULATED_CARDS, startPayment } from './support/payment-kit.js';
import { createMember, createTenant, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import type { TestStack } from './support/stack.js';
import { subscriptionTestBed, untilLive, type LiveSubscription } from './support/subscription-client.js';

let stack: TestStack;
let admin: Member;
const clients = subscriptionTestBed((bed) => ({ stack, admin } = bed));

interface PaymentEventPayload {
  paymentEvents: { type: string; payment: { id: string; amount: { amountMinor: number }; fees: { net: { amountMinor: number } } | null } | null };
}
const PAYMENT_EVENTS = `subscription { paymentEvents { type payment { id amount { amountMinor } fees { net { amountMinor } } } } }`;

const paymentProbe = (tenantId: string, userId = randomUUID() as string) => ({ tenantId, type: 'PAYMENT_FAILED' as const, keys: { paymentId: randomUUID(), bookingId: randomUUID(), userId } });
const codesOf = (subscription: LiveSubscription<unknown>) => (Array.isArray(subscription.error) ? subscription.error.map((error) => error.extensions?.code) : subscription.error);

/** A tenant that requires payment, with a library and a student who booked a seat. */
async function tenantWithBooking(): Promise<{ tenant: TenantFixture; student: Member; bookingId: string }> {
  const tenant = await createTenant(stack.graphqlUrl, admin);
  await requirePayment(stack.graphqlUrl, tenant.owner);
  const { seats } = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 1, hourlyPrice: { amountMinor: 10_000, currency: 'INR' } });
  const student = await registerStudent(stack.graphqlUrl, tenant.slug);
  const { createBooking } = await must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seats[0]!.id, ...period(nextSlot(120), 60) } }, student.token);
  return { tenant, student, bookingId: createBooking.id };
}

describe('payment events over graphql-ws', () => {
  it('show the owner a payment succeed and be refunded, with fees; the student their own; staff without fees; another tenant nothing', async () => {
    const { tenant, student, bookingId } = await tenantWithBooking();
    const staff = await createMember(stack.graphqlUrl, admin, tenant.id, tenant.slug, 'STAFF');
    const classmate = await registerStudent(stack.graphqlUrl, tenant.slug);
    const stranger = await createTenant(stack.graphqlUrl, admin);
    const [owners, students, classmates, staffs, strangers] = [tenant.owner, student, classmate, staff, stranger.owner].map((member) => clients.connect(member).subscribe<PaymentEventPayload>(PAYMENT_EVENTS));
    await untilLive([owners!, staffs!], stack.bus, paymentProbe(tenant.id));
    await untilLive(students!, stack.bus, paymentProbe(tenant.id, student.id));
    await untilLive(classmates!, stack.bus, paymentProbe(tenant.id, classmate.id));
    await untilLive(strangers!, stack.bus, paymentProbe(stranger.id));
    for (const subscription of [owners, students, classmates, staffs, strangers]) subscription!.events.length = 0;

    const payment = await startPayment(stack.graphqlUrl, student, bookingId);
    await presentCard(stack, payment, SIMULATED_CARDS.succeeds);
    await expect.poll(() => owners!.events.length, { timeout: 2_000, interval: 20 }).toBe(1);
    await must(stack.graphqlUrl, RefundPaymentDocument, { paymentId: payment.id, amountMinor: 500, reason: 'Goodwill', idempotencyKey: randomUUID() }, tenant.owner.token);
    await expect.poll(() => owners!.events.length, { timeout: 2_000, interval: 20 }).toBe(2);

    expect(owners!.events.map((event) => event.result)).toEqual([
      { data: { paymentEvents: { type: 'SUCCEEDED', payment: { id: payment.id, amount: { amountMinor: 10_000 }, fees: { net: { amountMinor: 9_500 } } } } } },
      { data: { paymentEvents: { type: 'REFUNDED', payment: { id: payment.id, amount: { amountMinor: 10_000 }, fees: { net: { amountMinor: 9_500 } } } } } },
    ]);
    await expect.poll(() => students!.events.length, { timeout: 1_000 }).toBe(2);
    expect(students!.events[0]!.result).toEqual({ data: { paymentEvents: { type: 'SUCCEEDED', payment: { id: payment.id, amount: { amountMinor: 10_000 }, fees: null } } } });
    await expect.poll(() => staffs!.events.length, { timeout: 1_000 }).toBe(2);
    expect(staffs!.events.every((event) => (event.result as { data: PaymentEventPayload }).data.paymentEvents.payment?.fees === null)).toBe(true);
    expect(classmates!.events).toEqual([]);
    expect(strangers!.events).toEqual([]);
  });
});

describe('credit events over graphql-ws', () => {
  it('show staff and owners their tenant’s credits move, and refuse students', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const owners = clients.connect(tenant.owner).subscribe<{ creditEvents: { movement: string; channel: string; amount: number; wallet: { balances: { channel: string; available: number }[] } } }>(
      `subscription { creditEvents(channel: SMS) { movement channel amount wallet { balances { channel available } } } }`,
    );
    await untilLive(owners, stack.bus, { tenantId: tenant.id, type: 'CREDITS_MOVED', keys: { movementId: randomUUID(), channel: 'SMS' } });
    owners.events.length = 0;

    await must(stack.graphqlUrl, TopUpCreditPoolDocument, { channel: 'SMS', amount: 50, reason: 'Test', idempotencyKey: randomUUID() }, admin.token);
    await must(stack.graphqlUrl, TopUpCreditPoolDocument, { channel: 'EMAIL', amount: 50, reason: 'Test', idempotencyKey: randomUUID() }, admin.token);
    await must(stack.graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, channel: 'EMAIL', amount: 5, reason: 'Not SMS', idempotencyKey: randomUUID() }, admin.token);
    await must(stack.graphqlUrl, GrantCreditsDocument, { tenantId: tenant.id, channel: 'SMS', amount: 20, reason: 'Welcome', idempotencyKey: randomUUID() }, admin.token);
    await reserveCredits(stack, { tenantId: tenant.id, channel: 'SMS', amount: 3, reference: 'announcement-9', service: 'test' });
    await expect.poll(() => owners.events.length, { timeout: 2_000, interval: 20 }).toBe(2);
    expect(owners.events.map((event) => (event.result as { data: unknown }).data)).toEqual([
      { creditEvents: { movement: 'GRANT', channel: 'SMS', amount: 20, wallet: { balances: expect.arrayContaining([{ channel: 'SMS', available: expect.any(Number) }]) } } },
      { creditEvents: { movement: 'RESERVE', channel: 'SMS', amount: 3, wallet: { balances: expect.arrayContaining([{ channel: 'SMS', available: 17 }]) } } },
    ]);

    const students = clients.connect(student).subscribe(`subscription { creditEvents { movement } }`);
    await expect.poll(() => codesOf(students), { timeout: 2_000 }).toEqual(['FORBIDDEN']);
  });
});
