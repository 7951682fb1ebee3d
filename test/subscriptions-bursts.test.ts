import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import WebSocket from 'ws';
import type { CarrelEvent } from '../common/events/event.js';
import type { RunningServer } from '../common/server/http.js';
import { CreateBookingDocument } from './__generated__/operations.js';
import { must } from './support/client.js';
import { addMinutes, createLibraryWithSeats, dayAt } from './support/library-kit.js';
import { metricSum } from './support/metrics.js';
import { startRouterReplica } from './support/replica.js';
import { createMember, createTenant, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import type { TestStack } from './support/stack.js';
import { pause, subscriptionClient, subscriptionTestBed, untilLive, type LiveSubscription, type SubscriptionClient } from './support/subscription-client.js';

let stack: TestStack;
let admin: Member;
const clients = subscriptionTestBed((bed) => ({ stack, admin } = bed));

interface BookingEventPayload {
  bookingEvents: { eventId: string; type: string; booking: { id: string; user: { displayName: string } | null } | null };
}

const BOOKING_EVENTS = `subscription { bookingEvents { eventId type booking { id user { displayName } } } }`;
/** The same events in another selection: a group of its own. */
const BOOKING_EVENTS_WITH_SEAT = `subscription { bookingEvents { eventId type booking { id user { displayName } seat { label } } } }`;

/** A booking event nobody consumes but subscribers (no notification, no refund): for readiness and load. */
const checkInProbe = (tenantId: string, userId: string = randomUUID()) => ({
  tenantId,
  type: 'BOOKING_CHECKED_IN',
  keys: { bookingId: randomUUID(), seatId: randomUUID(), libraryId: randomUUID(), userId },
});

const eventIds = (subscription: LiveSubscription<BookingEventPayload>) => subscription.events.map(({ result }) => result.data?.bookingEvents.eventId);

describe('a burst of events', () => {
  let tenant: TenantFixture;
  let staff: Member;
  let students: Member[];
  let seatIds: string[];
  /** The burst's events as the tenant's stream carried them, in its order. */
  const burst: CarrelEvent[] = [];
  const replicas: RunningServer[] = [];
  const replicaClients: SubscriptionClient[] = [];

  beforeAll(async () => {
    tenant = await createTenant(stack.graphqlUrl, admin);
    staff = await createMember(stack.graphqlUrl, tenant.owner, tenant.id, tenant.slug, 'STAFF');
    students = await Promise.all(Array.from({ length: 8 }, (_, index) => registerStudent(stack.graphqlUrl, tenant.slug, `Student ${index + 1}`)));
    seatIds = (await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 8 })).seats.map((seat) => seat.id);
  });
  afterAll(async () => {
    await Promise.all(replicaClients.map((client) => client.dispose()));
    for (const replica of replicas) await replica.stop();
  });

  /** Owners and staff over several sockets, two subscriptions on each, in two selections. */
  function watchers(connect: (member: Member) => SubscriptionClient) {
    const subscriptions: LiveSubscription<BookingEventPayload>[] = [];
    for (const [index, member] of [tenant.owner, tenant.owner, tenant.owner, staff, staff, staff].entries()) {
      const client = connect(member);
      const query = index % 2 ? BOOKING_EVENTS_WITH_SEAT : BOOKING_EVENTS;
      subscriptions.push(client.subscribe<BookingEventPayload>(query), client.subscribe<BookingEventPayload>(query));
    }
    return subscriptions;
  }

  /** Every subscription got exactly the burst, in the stream's order, each event with its own booking and student. */
  function expectTheBurst(subscriptions: LiveSubscription<BookingEventPayload>[]) {
    const nameOf = (userId: string) => `Student ${students.findIndex((student) => student.id === userId) + 1}`;
    for (const subscription of subscriptions) {
      expect(eventIds(subscription)).toEqual(burst.map((event) => event.id));
      expect(subscription.events.map(({ result }) => result.data?.bookingEvents.booking)).toEqual(
        burst.map((event) => expect.objectContaining({ id: event.keys.bookingId, user: { displayName: nameOf(event.keys.userId!) } })),
      );
    }
  }

  it('reaches every subscriber once, in the tenant’s order, each event with its own booking; students only their own', async () => {
    const outsider = await createTenant(stack.graphqlUrl, admin);
    const subscriptions = watchers(clients.connect);
    const ownOnly = students.slice(0, 3).map((student) => clients.connect(student).subscribe<BookingEventPayload>(BOOKING_EVENTS));
    const outsiders = clients.connect(outsider.owner).subscribe<BookingEventPayload>(BOOKING_EVENTS);
    await untilLive(subscriptions, stack.bus, checkInProbe(tenant.id));
    for (const [index, subscription] of ownOnly.entries()) await untilLive(subscription, stack.bus, checkInProbe(tenant.id, students[index]!.id));
    await untilLive(outsiders, stack.bus, checkInProbe(outsider.id));
    const stopRecording = await stack.bus.subscribeTenant(tenant.id, (event) => {
      if (event.type === 'BOOKING_CREATED') burst.push(event);
    });

    const startsAt = dayAt(3, '10:00');
    const bookings = await Promise.all(
      students.map(async (student, index) => {
        const input = { seatId: seatIds[index]!, startsAt: startsAt.toISOString(), endsAt: addMinutes(startsAt, 60).toISOString() };
        return (await must(stack.graphqlUrl, CreateBookingDocument, { input }, student.token)).createBooking.id;
      }),
    );
    await expect.poll(() => subscriptions.map((subscription) => subscription.events.length), { timeout: 5_000 }).toEqual(subscriptions.map(() => 8));
    await stopRecording();
    // Time for a duplicate or a straggler to show up, if one were coming.
    await pause(300);

    expect(burst.map((event) => event.keys.bookingId).sort()).toEqual([...bookings].sort());
    expectTheBurst(subscriptions);
    for (const [index, subscription] of ownOnly.entries()) {
      expect(subscription.events.map(({ result }) => result.data?.bookingEvents.booking?.id)).toEqual([bookings[index]]);
    }
    expect(outsiders.events).toEqual([]);
  });

  it('hydrates events that arrive together once per selection and scope, each subgraph asked once, and delivers them once though published twice', async () => {
    expect(burst).toHaveLength(8);
    const replica = await startRouterReplica(stack);
    replicas.push(replica);
    const onStack = watchers(clients.connect);
    const onReplica = watchers((member) => {
      const client = subscriptionClient(`${replica.url}/graphql`, member.token);
      replicaClients.push(client);
      return client;
    });
    await untilLive([...onStack, ...onReplica], stack.bus, checkInProbe(tenant.id));
    const hydrations = () => metricSum(stack.metricsUrl!, 'carrel_subscription_hydrations_total');
    const usersCalls = () => metricSum(stack.metricsUrl!, 'carrel_subgraph_call_duration_seconds_count', { subgraph: 'users' });
    const before = await hydrations();
    const usersCallsBefore = await usersCalls();

    // The relay publishes at least once: the stack's router has had these, the replica has not.
    await stack.bus.publish(burst);
    await expect.poll(() => onReplica.map((subscription) => subscription.events.length), { timeout: 5_000 }).toEqual(onReplica.map(() => 8));
    await pause(300);

    expectTheBurst(onReplica);
    expect(onStack.map((subscription) => subscription.events)).toEqual(onStack.map(() => []));
    const spent = (await hydrations()) - before;
    // Two selections, owner and staff: four groups. On Redis the burst arrives in one read; the
    // in-process bus hands events over one by one, as its other consumers take each in turn.
    if (process.env.REDIS_URL) expect(spent).toBe(4);
    else expect(spent).toBeLessThanOrEqual(4 * burst.length);
    // However many events a hydration holds, it asks the users subgraph once for all their students' names.
    expect((await usersCalls()) - usersCallsBefore).toBe(spent);
  });
});

describe('a subscriber that stops reading', () => {
  it('is closed with 1013 once its payloads pile up, while a subscriber beside it gets every event', async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    // A long alias makes each payload large, so the socket's buffers fill after fewer events.
    const alias = `e${'x'.repeat(4_000)}`;
    const query = `subscription { ${alias}: bookingEvents(types: [CHECKED_IN]) { type } }`;
    const reader = clients.connect(tenant.owner).subscribe<Record<string, unknown>>(query);

    const stalled = new WebSocket(stack.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    onTestFinished(() => stalled.terminate());
    const closed = new Promise<number>((resolve) => stalled.once('close', (code: number) => resolve(code)));
    const ids = Array.from({ length: 20 }, (_, index) => String(index));
    const seenBy = new Set<string>();
    stalled.on('message', (data: Buffer) => {
      const message = JSON.parse(String(data)) as { type: string; id?: string };
      if (message.type === 'connection_ack') for (const id of ids) stalled.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
      if (message.type === 'next') seenBy.add(message.id!);
    });
    stalled.once('open', () => stalled.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tenant.owner.token}` } })));
    await untilLive(reader, stack.bus, checkInProbe(tenant.id));
    await expect.poll(async () => {
      await stack.bus.publish([{ ...checkInProbe(tenant.id), id: randomUUID(), occurredAt: new Date().toISOString() }]);
      return seenBy.size;
    }, { timeout: 5_000, interval: 100 }).toBe(ids.length);
    stalled.pause();
    // The last readiness probes' payloads settle first.
    await pause(300);

    const active = () => metricSum(stack.metricsUrl!, 'carrel_subscriptions_active');
    const activeBefore = await active();
    let published = 0;
    const readerBefore = reader.results.length;
    while ((await active()) === activeBefore && published < 5_000) {
      await stack.bus.publish(Array.from({ length: 50 }, () => ({ ...checkInProbe(tenant.id), id: randomUUID(), occurredAt: new Date().toISOString() })));
      published += 50;
      await expect.poll(() => reader.results.length - readerBefore, { timeout: 5_000, interval: 20 }).toBe(published);
    }
    expect(await active()).toBeLessThan(activeBefore);

    stalled.resume();
    expect(await closed).toBe(1013);
    await pause(300);
    expect(reader.results.length - readerBefore).toBe(published);
    expect(reader.error).toBeNull();
  });
});
