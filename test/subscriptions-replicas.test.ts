import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../common/server/http.js';
import { CreateBookingDocument } from './__generated__/operations.js';
import { must } from './support/client.js';
import { addMinutes, createLibraryWithSeats, dayAt } from './support/library-kit.js';
import { startRouterReplica } from './support/replica.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';
import { pause, subscriptionClient, untilLive, type SubscriptionClient } from './support/subscription-client.js';

let stack: TestStack;
let tenant: TenantFixture;
let student: Member;
let seatIds: string[];
const replicas: RunningServer[] = [];
const clients: SubscriptionClient[] = [];

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Asha Rao');
  seatIds = (await createLibraryWithSeats(stack.graphqlUrl, tenant.owner)).seats.map((seat) => seat.id);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  for (const replica of replicas) await replica.stop();
});

async function startReplica(): Promise<string> {
  const replica = await startRouterReplica(stack);
  replicas.push(replica);
  return `${replica.url}/graphql`;
}

interface BookingEventPayload {
  bookingEvents: { type: string; booking: { id: string; user: { displayName: string } | null } | null };
}

const BOOKING_EVENTS = `subscription { bookingEvents { type booking { id user { displayName } } } }`;

let hour = 0;
const book = async (graphqlUrl: string, seatId: string) => {
  const startsAt = addMinutes(dayAt(2, '00:00'), 60 * hour++);
  const input = { seatId, startsAt: startsAt.toISOString(), endsAt: addMinutes(startsAt, 60).toISOString() };
  return (await must(graphqlUrl, CreateBookingDocument, { input }, student.token)).createBooking;
};

const probe = () => ({ tenantId: tenant.id, type: 'BOOKING_CREATED', keys: { bookingId: randomUUID(), seatId: randomUUID(), libraryId: randomUUID(), userId: randomUUID() } });

/** The tenant's owner subscribed to booking events on the stack's router and on a new replica. */
async function subscribedOnBoth() {
  const replicaUrl = await startReplica();
  const onFirst = subscriptionClient(stack.graphqlUrl, tenant.owner.token);
  const onSecond = subscriptionClient(replicaUrl, tenant.owner.token);
  clients.push(onFirst, onSecond);
  const firstEvents = onFirst.subscribe<BookingEventPayload>(BOOKING_EVENTS);
  const secondEvents = onSecond.subscribe<BookingEventPayload>(BOOKING_EVENTS);
  await untilLive([firstEvents, secondEvents], stack.bus, probe());
  return { replicaUrl, onFirst, onSecond, firstEvents, secondEvents };
}

describe('subscriptions across router replicas', () => {
  it('delivers a booking made through one router to subscribers connected to the other, once each', async () => {
    const { replicaUrl, onFirst, onSecond, firstEvents, secondEvents } = await subscribedOnBoth();

    const throughFirst = await book(stack.graphqlUrl, seatIds[0]!);
    const throughSecond = await book(replicaUrl, seatIds[1]!);
    const ids = (events: typeof firstEvents.events) => events.map(({ result }) => result.data?.bookingEvents.booking?.id);
    await expect.poll(() => [firstEvents.events.length, secondEvents.events.length], { timeout: 2_000 }).toEqual([2, 2]);
    // Time for a duplicate to show up, if one were coming.
    await pause(500);

    const expected = [
      { data: { bookingEvents: { type: 'CREATED', booking: { id: throughFirst.id, user: { displayName: 'Asha Rao' } } } } },
      { data: { bookingEvents: { type: 'CREATED', booking: { id: throughSecond.id, user: { displayName: 'Asha Rao' } } } } },
    ];
    expect(firstEvents.events.map(({ result }) => result)).toEqual(expected);
    expect(secondEvents.events.map(({ result }) => result)).toEqual(expected);
    expect(ids(secondEvents.events)).toEqual([throughFirst.id, throughSecond.id]);
    expect([onFirst.closeCodes, onSecond.closeCodes]).toEqual([[], []]);
  });

  it('keeps delivering on one replica while the other shuts down', async () => {
    const { onFirst, onSecond, firstEvents, secondEvents } = await subscribedOnBoth();

    const replica = replicas.pop()!;
    await replica.stop();
    await expect.poll(() => onSecond.closeCodes, { timeout: 2_000 }).toEqual([1001]);

    const booking = await book(stack.graphqlUrl, seatIds[2]!);
    await expect.poll(() => firstEvents.events.map(({ result }) => result.data?.bookingEvents.booking?.id), { timeout: 2_000 }).toEqual([booking.id]);
    expect(secondEvents.events).toEqual([]);
    expect(onFirst.closeCodes).toEqual([]);
  });
});
