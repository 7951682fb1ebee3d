import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CancelBookingDocument, CreateBookingDocument, ReactivateTenantDocument, SuspendTenantDocument } from './__generated__/operations.js';
import { must } from './support/client.js';
import { addMinutes, createLibraryWithSeats, dayAt, type LibraryFixture } from './support/library-kit.js';
import { startRouterReplica } from './support/replica.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from './support/seed-kit.js';
import { sharedTestStack, startTestStack, type TestStack } from './support/stack.js';
import { metricSum } from './support/metrics.js';
import { pause, subscriptionClient, untilLive, type LiveSubscription, type SubscriptionClient } from './support/subscription-client.js';

let stack: TestStack;
let admin: Member;
let tenant: TenantFixture;
let other: TenantFixture;

const clients: SubscriptionClient[] = [];

beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  other = await createTenant(stack.graphqlUrl, admin);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});

interface BookingEventPayload {
  bookingEvents: {
    type: 'CREATED' | 'CANCELLED' | 'CHECKED_IN';
    booking: { id: string; seat: { label: string } | null; user: { displayName: string } | null; library: { name: string } | null } | null;
  };
}

const BOOKING_EVENTS = /* GraphQL */ `
  subscription BookingEvents($libraryId: ID, $types: [BookingEventType!], $tenantId: ID) {
    bookingEvents(libraryId: $libraryId, types: $types, tenantId: $tenantId) {
      type
      booking { id seat { label } user { displayName } library { name } }
    }
  }
`;

const TENANT_STATUS = /* GraphQL */ `
  subscription TenantStatus {
    tenantStatusChanged { type tenant { name } }
  }
`;

function connect(member: Member | null, graphqlUrl = stack.graphqlUrl): SubscriptionClient {
  const client = subscriptionClient(graphqlUrl, member?.token ?? null);
  clients.push(client);
  return client;
}

/** A made-up booking event that the subscription's filters let through (see `untilLive`). */
const probe = (tenantId: string, { userId = randomUUID() as string, libraryId = randomUUID() as string, type = 'BOOKING_CREATED' } = {}) => ({
  tenantId,
  type,
  keys: { bookingId: randomUUID(), seatId: randomUUID(), libraryId, userId },
});

let hour = 0;
/** A one-hour period no earlier booking of this file used, so bookings never conflict. */
const freshPeriod = () => {
  const startsAt = addMinutes(dayAt(2, '00:00'), 60 * hour++);
  return { startsAt: startsAt.toISOString(), endsAt: addMinutes(startsAt, 60).toISOString() };
};

const book = async (member: Member, seatId: string, graphqlUrl = stack.graphqlUrl) =>
  (await must(graphqlUrl, CreateBookingDocument, { input: { seatId, ...freshPeriod() } }, member.token)).createBooking;

const newLibrary = (owner: Member, seats = 3): Promise<LibraryFixture> => createLibraryWithSeats(stack.graphqlUrl, owner, { seats });

const codesOf = (subscription: LiveSubscription<unknown>) =>
  Array.isArray(subscription.error) ? subscription.error.map((error) => error.extensions?.code) : subscription.error;

describe('booking events over graphql-ws', () => {
  it('delivers a student’s booking to the owner within a second, with seat, student and library filled in', async () => {
    const { library, seats } = await newLibrary(tenant.owner);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Asha Rao');
    const owner = connect(tenant.owner);
    const events = owner.subscribe<BookingEventPayload>(`subscription { bookingEvents { type booking { seat { label } user { displayName } library { name } } } }`);
    await untilLive(events, stack.bus, probe(tenant.id));

    const startedAt = Date.now();
    await book(student, seats[1]!.id);
    await expect.poll(() => events.events.length, { timeout: 1_000, interval: 10 }).toBe(1);

    const [received] = events.events;
    expect(received!.at - startedAt).toBeLessThan(1_000);
    expect(received!.result).toEqual({
      data: { bookingEvents: { type: 'CREATED', booking: { seat: { label: 'S02' }, user: { displayName: 'Asha Rao' }, library: { name: library.name } } } },
    });
    expect(owner.closeCodes).toEqual([]);
  });

  it('gives a student the events of their own bookings only, and another tenant’s owner none', async () => {
    const { seats } = await newLibrary(tenant.owner);
    const asha = await registerStudent(stack.graphqlUrl, tenant.slug, 'Asha Rao');
    const ravi = await registerStudent(stack.graphqlUrl, tenant.slug, 'Ravi Menon');
    const ownerEvents = connect(tenant.owner).subscribe<BookingEventPayload>(BOOKING_EVENTS);
    const ashaEvents = connect(asha).subscribe<BookingEventPayload>(BOOKING_EVENTS);
    const outsiderEvents = connect(other.owner).subscribe<BookingEventPayload>(BOOKING_EVENTS);
    await untilLive(ownerEvents, stack.bus, probe(tenant.id));
    await untilLive(ashaEvents, stack.bus, probe(tenant.id, { userId: asha.id }));
    await untilLive(outsiderEvents, stack.bus, probe(other.id));

    const byAsha = await book(asha, seats[0]!.id);
    const byRavi = await book(ravi, seats[1]!.id);
    await expect.poll(() => ownerEvents.events.length, { timeout: 2_000 }).toBe(2);
    // The owner has both; give a stray event to the others time to arrive as well.
    await pause(300);

    expect(ownerEvents.events.map(({ result }) => result.data?.bookingEvents.booking?.id).sort()).toEqual([byAsha.id, byRavi.id].sort());
    expect(ashaEvents.events.map(({ result }) => result.data)).toEqual([
      { bookingEvents: { type: 'CREATED', booking: { id: byAsha.id, seat: { label: 'S01' }, user: { displayName: 'Asha Rao' }, library: { name: byAsha.library!.name } } } },
    ]);
    expect(outsiderEvents.events).toEqual([]);
  });

  it('honours fragments, aliases, variables and @include in the selection', async () => {
    const { library, seats } = await newLibrary(tenant.owner);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Meera Iyer');
    const query = /* GraphQL */ `
      subscription Aliased($library: ID!, $withUser: Boolean!, $withSeat: Boolean!) {
        happened: bookingEvents(libraryId: $library) {
          ...EventFields
          booking {
            who: user @include(if: $withUser) { displayName }
            seat @include(if: $withSeat) { label }
          }
        }
      }
      fragment EventFields on BookingEvent {
        kind: type
        booking { ... on Booking { id } library { title: name } }
      }
    `;
    const client = connect(tenant.owner);
    const withUser = client.subscribe<{ happened: Record<string, unknown> }>(query, { library: library.id, withUser: true, withSeat: false });
    const withSeat = client.subscribe<{ happened: Record<string, unknown> }>(query, { library: library.id, withUser: false, withSeat: true });
    await untilLive([withUser, withSeat], stack.bus, probe(tenant.id, { libraryId: library.id }));

    const booking = await book(student, seats[2]!.id);
    await expect.poll(() => withUser.events.length + withSeat.events.length, { timeout: 2_000 }).toBe(2);
    const common = { kind: 'CREATED', booking: { id: booking.id, library: { title: library.name } } };
    expect(withUser.events[0]!.result).toEqual({ data: { happened: { ...common, booking: { ...common.booking, who: { displayName: 'Meera Iyer' } } } } });
    expect(withSeat.events[0]!.result).toEqual({ data: { happened: { ...common, booking: { ...common.booking, seat: { label: 'S03' } } } } });
  });

  it('filters by libraryId and by event types', async () => {
    const first = await newLibrary(tenant.owner);
    const second = await newLibrary(tenant.owner);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const client = connect(tenant.owner);
    const everything = client.subscribe<BookingEventPayload>(BOOKING_EVENTS);
    const ofFirst = client.subscribe<BookingEventPayload>(BOOKING_EVENTS, { libraryId: first.library.id });
    const cancellations = client.subscribe<BookingEventPayload>(BOOKING_EVENTS, { types: ['CANCELLED'] });
    await untilLive([everything, ofFirst], stack.bus, probe(tenant.id, { libraryId: first.library.id }));
    await untilLive(cancellations, stack.bus, probe(tenant.id, { type: 'BOOKING_CANCELLED' }));

    const inFirst = await book(student, first.seats[0]!.id);
    const inSecond = await book(student, second.seats[0]!.id);
    await must(stack.graphqlUrl, CancelBookingDocument, { id: inSecond.id }, student.token);
    await expect.poll(() => everything.events.length, { timeout: 2_000 }).toBe(3);
    await pause(300);

    const seen = (subscription: LiveSubscription<BookingEventPayload>) =>
      subscription.events.map(({ result }) => [result.data?.bookingEvents.type, result.data?.bookingEvents.booking?.id]);
    expect(seen(everything)).toEqual([['CREATED', inFirst.id], ['CREATED', inSecond.id], ['CANCELLED', inSecond.id]]);
    expect(seen(ofFirst)).toEqual([['CREATED', inFirst.id]]);
    expect(seen(cancellations)).toEqual([['CANCELLED', inSecond.id]]);
  });

  it('makes a platform admin name the tenant, and then delivers that tenant’s events', async () => {
    const { seats } = await newLibrary(tenant.owner);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const client = connect(admin);
    const unnamed = client.subscribe<BookingEventPayload>(BOOKING_EVENTS);
    const named = client.subscribe<BookingEventPayload>(BOOKING_EVENTS, { tenantId: tenant.id });
    await expect.poll(() => codesOf(unnamed), { timeout: 2_000 }).toEqual(['BAD_USER_INPUT']);
    await untilLive(named, stack.bus, probe(tenant.id));

    const booking = await book(student, seats[0]!.id);
    await expect.poll(() => named.events.map(({ result }) => result.data?.bookingEvents.booking?.id), { timeout: 2_000 }).toEqual([booking.id]);
    expect(client.closeCodes).toEqual([]);
  });

  it('refuses a member who names another tenant', async () => {
    const events = connect(other.owner).subscribe(BOOKING_EVENTS, { tenantId: tenant.id });
    await expect.poll(() => codesOf(events), { timeout: 2_000 }).toEqual(['NOT_FOUND']);
  });
});

describe('suspending a tenant', () => {
  it('sends SUSPENDED, closes the tenant’s sockets with 4423, refuses reconnects until reactivation and leaves other tenants open', async () => {
    const suspended = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, suspended.slug);
    const bystander = await registerStudent(stack.graphqlUrl, other.slug);
    const { seats: otherSeats } = await newLibrary(other.owner);

    const owner = connect(suspended.owner);
    // Status subscriptions go first, each on the same socket as a probed subscription of the same
    // tenant, so they are live by the time that one is.
    const status = owner.subscribe<{ tenantStatusChanged: { type: string; tenant: { name: string } | null } }>(TENANT_STATUS);
    const ownerEvents = owner.subscribe(BOOKING_EVENTS);
    const studentClient = connect(student);
    const studentEvents = studentClient.subscribe(BOOKING_EVENTS);
    const watcher = connect(admin);
    const watched = watcher.subscribe<{ tenantStatusChanged: { type: string; tenant: { name: string } | null } }>(
      `subscription ($tenantId: ID) { tenantStatusChanged(tenantId: $tenantId) { type tenant { name } } }`,
      { tenantId: suspended.id },
    );
    const watcherEvents = watcher.subscribe(BOOKING_EVENTS, { tenantId: suspended.id });
    const otherClient = connect(other.owner);
    const otherStatus = otherClient.subscribe(TENANT_STATUS);
    const otherEvents = otherClient.subscribe<BookingEventPayload>(BOOKING_EVENTS);
    await untilLive([ownerEvents, watcherEvents], stack.bus, probe(suspended.id));
    await untilLive(studentEvents, stack.bus, probe(suspended.id, { userId: student.id }));
    await untilLive(otherEvents, stack.bus, probe(other.id));

    await must(stack.graphqlUrl, SuspendTenantDocument, { id: suspended.id, reason: 'Unpaid invoices' }, admin.token);
    await expect.poll(() => [owner.closeCodes, studentClient.closeCodes], { timeout: 3_000 }).toEqual([[4423], [4423]]);
    const suspendedEvent = { data: { tenantStatusChanged: { type: 'SUSPENDED', tenant: { name: `Tenant ${suspended.slug}` } } } };
    // A platform admin watching the tenant is no member of it: told, and left connected.
    await expect.poll(() => watched.events.map(({ result }) => result), { timeout: 2_000 }).toEqual([suspendedEvent]);
    expect(watcher.closeCodes).toEqual([]);
    // Nothing arrives on a closed socket, so an event received came before the close.
    expect(status.events.map(({ result }) => result)).toEqual([suspendedEvent]);

    const refused = connect(suspended.owner);
    await expect(refused.connected()).rejects.toMatchObject({ code: 4423 });

    const booking = await book(bystander, otherSeats[0]!.id);
    await expect.poll(() => otherEvents.events.map(({ result }) => result.data?.bookingEvents.booking?.id), { timeout: 2_000 }).toEqual([booking.id]);
    expect(otherStatus.events).toEqual([]);
    expect(otherClient.closeCodes).toEqual([]);

    await must(stack.graphqlUrl, ReactivateTenantDocument, { id: suspended.id }, admin.token);
    await expect
      .poll(
        async () => {
          const again = connect(suspended.owner);
          return again.connected().then(
            () => 'connected',
            (event: { code: number }) => event.code,
          );
        },
        { timeout: 3_000, interval: 100 },
      )
      .toBe('connected');
  });
});

describe('subscribers who may see the same', () => {
  const hydrations = () => metricSum(stack.metricsUrl!, 'carrel_subscription_hydrations_total');

  it('share one hydration of each event: ten students watching their tenant’s status cost one, and each gets it', async () => {
    const watched = await createTenant(stack.graphqlUrl, admin);
    const students = await Promise.all(Array.from({ length: 10 }, () => registerStudent(stack.graphqlUrl, watched.slug)));
    const subscriptions = students.map((student) => connect(student).subscribe<{ tenantStatusChanged: { type: string; tenant: { name: string } | null } }>(TENANT_STATUS));
    await untilLive(subscriptions, stack.bus, { tenantId: watched.id, type: 'TENANT_REACTIVATED', keys: { tenantId: watched.id, slug: watched.slug } });

    const before = await hydrations();
    await must(stack.graphqlUrl, SuspendTenantDocument, { id: watched.id, reason: 'Audit' }, admin.token);
    const expected = { data: { tenantStatusChanged: { type: 'SUSPENDED', tenant: { name: `Tenant ${watched.slug}` } } } };
    await expect.poll(() => subscriptions.map((subscription) => subscription.events.map(({ result }) => result)), { timeout: 3_000 }).toEqual(Array(10).fill([expected]));
    expect((await hydrations()) - before).toBe(1);
    await must(stack.graphqlUrl, ReactivateTenantDocument, { id: watched.id }, admin.token);
  });
});

describe('invalid and hostile clients', () => {
  let student: Member;
  let seatId: string;
  let bystander: SubscriptionClient;
  let bystanderEvents: LiveSubscription<BookingEventPayload>;
  let bystanderLive: Promise<unknown>;

  beforeAll(async () => {
    student = await registerStudent(stack.graphqlUrl, tenant.slug);
    seatId = (await newLibrary(tenant.owner)).seats[0]!.id;
    // Outside `clients`: it stays open through every test of this block.
    bystander = subscriptionClient(stack.graphqlUrl, tenant.owner.token);
    bystanderEvents = bystander.subscribe<BookingEventPayload>(BOOKING_EVENTS);
    // Awaited by each test's last check rather than here, so a broken bystander fails only that check.
    bystanderLive = untilLive(bystanderEvents, stack.bus, probe(tenant.id)).then(
      () => null,
      (error: unknown) => error,
    );
  });
  afterAll(() => bystander?.dispose());

  /** The bystander's socket is still open and still gets events; the router still answers. */
  async function expectOthersServed() {
    expect(await bystanderLive).toBeNull();
    const booking = await book(student, seatId);
    await expect.poll(() => bystanderEvents.events.some(({ result }) => result.data?.bookingEvents.booking?.id === booking.id), { timeout: 2_000 }).toBe(true);
    expect(bystander.closeCodes).toEqual([]);
    expect((await fetch(`${stack.routerUrl}/health`)).status).toBe(200);
  }

  it('closes a socket that never sends connection_init with 4408', async () => {
    const socket = new WebSocket(stack.graphqlUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const startedAt = Date.now();
    const code = await new Promise<number>((resolve) => socket.once('close', (closeCode: number) => resolve(closeCode)));
    expect(code).toBe(4408);
    expect(Date.now() - startedAt).toBeLessThan(5_000);
    await expectOthersServed();
  });

  it('closes a socket with a missing, malformed or forged token with 4403', async () => {
    const attempts = [
      subscriptionClient(stack.graphqlUrl, null),
      subscriptionClient(stack.graphqlUrl, 'not-a-token'),
      subscriptionClient(stack.graphqlUrl, null, { authorization: 'Basic YWRtaW46YWRtaW4=' }),
      subscriptionClient(stack.graphqlUrl, `${tenant.owner.token.slice(0, -4)}AAAA`),
      subscriptionClient(stack.graphqlUrl, 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'),
    ];
    clients.push(...attempts);
    const codes = await Promise.all(attempts.map((client) => client.connected().then(() => 'connected', (event: { code: number }) => event.code)));
    expect(codes).toEqual([4403, 4403, 4403, 4403, 4403]);
    await expectOthersServed();
  });

  it('closes a socket that sends a message over 64 KB with 1009', async () => {
    const client = connect(tenant.owner);
    await client.connected();
    const padding = `# ${'x'.repeat(70 * 1024)}\n`;
    const oversized = client.subscribe(`${padding}subscription { bookingEvents { type } }`);
    await expect.poll(() => client.closeCodes, { timeout: 2_000 }).toEqual([1009]);
    expect(oversized.error).toMatchObject({ code: 1009 });
    await expectOthersServed();
  });

  it('answers every subscription past 20 on one socket with RATE_LIMITED and keeps serving the first 20', async () => {
    const client = connect(tenant.owner);
    await client.connected();
    const subscriptions = Array.from({ length: 200 }, () => client.subscribe<BookingEventPayload>(BOOKING_EVENTS));
    // Refusals come back at once; accepted subscriptions say nothing until an event arrives.
    await pause(1_000);

    const refused = subscriptions.filter((subscription) => subscription.error);
    const accepted = subscriptions.filter((subscription) => !subscription.error);
    expect(new Set(refused.map((subscription) => JSON.stringify(codesOf(subscription))))).toEqual(new Set([JSON.stringify(['RATE_LIMITED'])]));
    expect(accepted).toHaveLength(20);

    await untilLive(accepted, stack.bus, probe(tenant.id));
    const booking = await book(student, seatId);
    await expect.poll(() => accepted.filter((subscription) => subscription.events.length === 1).length, { timeout: 2_000 }).toBe(20);
    expect(accepted.map((subscription) => subscription.events[0]!.result.data?.bookingEvents.booking?.id)).toEqual(Array(20).fill(booking.id));
    expect(client.closeCodes).toEqual([]);
    await expectOthersServed();
  });

  it('answers a malformed or invalid document with an error and keeps the socket usable', async () => {
    const client = connect(tenant.owner);
    await client.connected();
    const malformed = client.subscribe('subscription { bookingEvents { type ');
    const unknownField = client.subscribe('subscription { bookingEvents { type nope } }');
    const query = client.subscribe('query { __typename }');
    const twoFields = client.subscribe('subscription { bookingEvents { type } tenantStatusChanged { type } }');
    const badVariable = client.subscribe(BOOKING_EVENTS, { types: ['EXPLODED'] });
    await expect.poll(() => [malformed, unknownField, query, twoFields, badVariable].map(codesOf), { timeout: 2_000 }).toEqual([
      ['GRAPHQL_PARSE_FAILED'],
      ['GRAPHQL_VALIDATION_FAILED'],
      ['BAD_USER_INPUT'],
      expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']),
      ['BAD_USER_INPUT'],
    ]);

    const events = client.subscribe<BookingEventPayload>(BOOKING_EVENTS);
    await untilLive(events, stack.bus, probe(tenant.id));
    const booking = await book(student, seatId);
    await expect.poll(() => events.events.map(({ result }) => result.data?.bookingEvents.booking?.id), { timeout: 2_000 }).toEqual([booking.id]);
    expect(client.closeCodes).toEqual([]);
    await expectOthersServed();
  });
});

describe('shutting a router down', () => {
  it('closes its sockets with 1001', async () => {
    const replica = await startRouterReplica(stack);
    let stopped = false;
    try {
      const client = connect(tenant.owner, `${replica.url}/graphql`);
      const events = client.subscribe(BOOKING_EVENTS);
      await untilLive(events, stack.bus, probe(tenant.id));
      stopped = true;
      await replica.stop();
      await expect.poll(() => client.closeCodes, { timeout: 2_000 }).toEqual([1001]);
    } finally {
      if (!stopped) await replica.stop();
    }
  });
});

/** The stack's tokens live 15 minutes; a second stack whose users service issues 4-second tokens shows a socket outliving its token. */
describe('a token expiring', () => {
  const TOKEN_SECONDS = 4;
  let shortLived: { graphqlUrl: string; stop(): Promise<void> };

  beforeAll(async () => {
    shortLived = await startTestStack({ env: { ACCESS_TOKEN_TTL_SECONDS: String(TOKEN_SECONDS) } });
  });
  afterAll(() => shortLived?.stop());

  it('closes the socket with 4403 when the token expires, and refuses it afterwards', async () => {
    const shortAdmin = await loginAdmin(shortLived.graphqlUrl);
    const shortTenant = await createTenant(shortLived.graphqlUrl, shortAdmin);
    const owner = shortTenant.owner;
    const issuedAt = Date.now();
    const client = connect(owner, shortLived.graphqlUrl);
    const events = client.subscribe(BOOKING_EVENTS);
    await client.connected();
    expect(client.closeCodes).toEqual([]);

    await expect.poll(() => client.closeCodes, { timeout: (TOKEN_SECONDS + 2) * 1_000, interval: 50 }).toEqual([4403]);
    expect(Date.now() - issuedAt).toBeGreaterThan((TOKEN_SECONDS - 2) * 1_000);
    expect(events.error).toMatchObject({ code: 4403 });

    const again = connect(owner, shortLived.graphqlUrl);
    await expect(again.connected()).rejects.toMatchObject({ code: 4403 });
  });
});

