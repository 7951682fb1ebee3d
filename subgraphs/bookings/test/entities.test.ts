import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  IsoAddSeatsDocument,
  IsoCreateBookingDocument,
  IsoCreateLibraryDocument,
  IsoDeactivateSeatDocument,
  type Weekday,
} from '../../../test/__generated__/operations.js';
import { must, request } from '../../../test/support/client.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member } from '../../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../../test/support/stack.js';

/**
 * Every @key type of the bookings subgraph resolved as the router resolves it: `_entities` with
 * representations, posted to the subgraph itself with the caller's token.
 */

type Representation = { __typename: string; id: string };
type Entity = Record<string, unknown> | null;

const MINUTE = 60_000;
const SLOT = 30 * MINUTE;
// Listed back to front: the library answers in weekday order whatever order it was given.
const WEEKDAYS: Weekday[] = ['SUNDAY', 'SATURDAY', 'FRIDAY', 'THURSDAY', 'WEDNESDAY', 'TUESDAY', 'MONDAY'];
const RULES = { slotMinutes: 30, maxBookingMinutes: 240, cancellationCutoffMinutes: 60, checkInWindowMinutes: 15 };

// One document for every type, as the router sends one per fetch; it aliases fields whose types
// clash between fragments, as a library's and a booking's status do.
const SELECTIONS: Record<string, string> = {
  Library: `__typename id name address timezone libraryStatus: status createdAt tenant { id }
    openingHours { weekday opensAt closesAt } hourlyPrice { amountMinor currency }
    rules { slotMinutes maxBookingMinutes cancellationCutoffMinutes checkInWindowMinutes }
    seats { nodes { id label } pageInfo { hasNextPage endCursor } }
    allSeats: seats(includeInactive: true) { nodes { id label active } }`,
  Seat: '__typename id label zone features active library { id name }',
  Booking: `__typename id status startsAt endsAt price { amountMinor currency } user { id } bookedBy { id }
    seat { id label } library { id name } createdAt checkedInAt cancelledAt cancellationReason`,
  User: '__typename id bookings { nodes { id status } pageInfo { hasNextPage endCursor } } cancelled: bookings(status: CANCELLED) { nodes { id } }',
  Tenant: '__typename id libraries { nodes { id name } pageInfo { hasNextPage endCursor } }',
};
const ENTITIES_QUERY = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ${Object.entries(SELECTIONS).map(([type, selection]) => `... on ${type} { ${selection} }`).join('\n    ')}
  }
}`;

let stack: TestStack;
let tenant: { id: string; owner: Member };
let staff: Member;
let alice: Member;
let bob: Member;
let library: { id: string; name: string; createdAt: string };
let seats: { quiet: string; plain: string; retired: string };
let slot: { startsAt: string; endsAt: string };
let later: { startsAt: string; endsAt: string };
/** Alice's own booking, Bob's, and one the owner made for Alice. */
let bookings: { alice: string; bob: string; forAlice: string };
let createdAt: Record<string, string>;

function resolve(representations: Representation[], token?: string) {
  return request<{ _entities: Entity[] }, { representations: Representation[] }>(
    `${stack.subgraphs.bookings.url}/graphql`,
    ENTITIES_QUERY,
    { representations },
    token,
  );
}

async function entities(representations: Representation[], token?: string): Promise<Entity[]> {
  const response = await resolve(representations, token);
  expect(response.errors).toBeUndefined();
  expect(response.status).toBe(200);
  return response.data!._entities;
}

const ref = (__typename: string, id: string): Representation => ({ __typename, id });
const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  const made = await createTenant(stack.graphqlUrl, admin);
  tenant = { id: made.id, owner: made.owner };
  staff = await createMember(stack.graphqlUrl, made.owner, made.id, made.slug, 'STAFF');
  alice = await registerStudent(stack.graphqlUrl, made.slug, 'Alice');
  bob = await registerStudent(stack.graphqlUrl, made.slug, 'Bob');

  const { createLibrary } = await must(
    stack.graphqlUrl,
    IsoCreateLibraryDocument,
    {
      input: {
        name: 'Koramangala Reading Room',
        address: '80 Feet Road, Koramangala, Bengaluru',
        timezone: 'Asia/Kolkata',
        openingHours: WEEKDAYS.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })),
        hourlyPrice: { amountMinor: 15000, currency: 'INR' },
        rules: RULES,
      },
    },
    tenant.owner.token,
  );
  library = { id: createLibrary.id, name: createLibrary.name, createdAt: createLibrary.createdAt };
  const { addSeats } = await must(
    stack.graphqlUrl,
    IsoAddSeatsDocument,
    {
      libraryId: library.id,
      seats: [{ label: 'A1', zone: 'Quiet room', features: ['Power', 'window', 'power'] }, { label: 'A2' }, { label: 'A3' }],
    },
    tenant.owner.token,
  );
  const byLabel = Object.fromEntries(addSeats.map((seat) => [seat.label, seat.id]));
  seats = { quiet: byLabel.A1!, plain: byLabel.A2!, retired: byLabel.A3! };
  await must(stack.graphqlUrl, IsoDeactivateSeatDocument, { id: seats.retired }, tenant.owner.token);

  // Half an hour on the next half-hour slot an hour or more ahead: inside round-the-clock hours whatever the time.
  const start = Math.ceil((Date.now() + 60 * MINUTE) / SLOT) * SLOT;
  slot = { startsAt: new Date(start).toISOString(), endsAt: new Date(start + SLOT).toISOString() };
  later = { startsAt: new Date(start + 2 * SLOT).toISOString(), endsAt: new Date(start + 3 * SLOT).toISOString() };
  const book = async (member: Member, seatId: string, period: typeof slot, userId?: string) =>
    (await must(stack.graphqlUrl, IsoCreateBookingDocument, { input: { seatId, ...period, ...(userId ? { userId } : {}) } }, member.token)).createBooking;
  const made3 = [await book(alice, seats.quiet, slot), await book(bob, seats.plain, slot), await book(tenant.owner, seats.plain, later, alice.id)];
  bookings = { alice: made3[0]!.id, bob: made3[1]!.id, forAlice: made3[2]!.id };
  createdAt = Object.fromEntries(made3.map((booking) => [booking.id, booking.createdAt]));
});

const expectedLibrary = () => ({
  __typename: 'Library',
  id: library.id,
  name: 'Koramangala Reading Room',
  address: '80 Feet Road, Koramangala, Bengaluru',
  timezone: 'Asia/Kolkata',
  libraryStatus: 'OPEN',
  createdAt: library.createdAt,
  tenant: { id: tenant.id },
  openingHours: [...WEEKDAYS].reverse().map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })),
  hourlyPrice: { amountMinor: 15000, currency: 'INR' },
  rules: RULES,
  seats: {
    nodes: [
      { id: seats.quiet, label: 'A1' },
      { id: seats.plain, label: 'A2' },
    ],
    pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
  },
  allSeats: {
    nodes: [
      { id: seats.quiet, label: 'A1', active: true },
      { id: seats.plain, label: 'A2', active: true },
      { id: seats.retired, label: 'A3', active: false },
    ],
  },
});

const expectedSeats = () => ({
  quiet: { __typename: 'Seat', id: seats.quiet, label: 'A1', zone: 'Quiet room', features: ['power', 'window'], active: true, library: { id: library.id, name: library.name } },
  retired: { __typename: 'Seat', id: seats.retired, label: 'A3', zone: null, features: [], active: false, library: { id: library.id, name: library.name } },
});

function expectedBooking(id: string, seat: { id: string; label: string }, period: typeof slot, user: Member, bookedBy: Member) {
  return {
    __typename: 'Booking',
    id,
    status: 'CONFIRMED',
    startsAt: new Date(period.startsAt).toISOString(),
    endsAt: new Date(period.endsAt).toISOString(),
    // Half an hour at 150.00 an hour.
    price: { amountMinor: 7500, currency: 'INR' },
    user: { id: user.id },
    bookedBy: { id: bookedBy.id },
    seat,
    library: { id: library.id, name: library.name },
    createdAt: createdAt[id],
    checkedInAt: null,
    cancelledAt: null,
    cancellationReason: null,
  };
}
const expectedBookings = () => ({
  alice: expectedBooking(bookings.alice, { id: seats.quiet, label: 'A1' }, slot, alice, alice),
  bob: expectedBooking(bookings.bob, { id: seats.plain, label: 'A2' }, slot, bob, bob),
  forAlice: expectedBooking(bookings.forAlice, { id: seats.plain, label: 'A2' }, later, alice, tenant.owner),
});

const bookingsOf = (ids: string[]) => ({ nodes: ids.map((id) => ({ id, status: 'CONFIRMED' })), pageInfo: { hasNextPage: false, endCursor: ids.length ? expect.any(String) : null } });

describe('Library entities', () => {
  it('resolve with every field for the owner and for a student of the tenant', async () => {
    for (const member of [tenant.owner, alice]) {
      expect(await entities([ref('Library', library.id)], member.token)).toEqual([expectedLibrary()]);
    }
  });

  it('resolve to null for an anonymous caller', async () => {
    expect(await entities([ref('Library', library.id)])).toEqual([null]);
  });
});

describe('Seat entities', () => {
  it('resolve with every field, inactive ones too, for the owner and for a student of the tenant', async () => {
    for (const member of [tenant.owner, alice]) {
      const { quiet, retired } = expectedSeats();
      expect(await entities([ref('Seat', seats.quiet), ref('Seat', seats.retired)], member.token)).toEqual([quiet, retired]);
    }
  });

  it('resolve to null for an anonymous caller', async () => {
    expect(await entities([ref('Seat', seats.quiet), ref('Seat', seats.retired)])).toEqual([null, null]);
  });
});

describe('Booking entities', () => {
  it('resolve with every field for the owner and staff, whoever the booking is for', async () => {
    const expected = expectedBookings();
    for (const member of [tenant.owner, staff]) {
      const refs = [ref('Booking', bookings.alice), ref('Booking', bookings.bob), ref('Booking', bookings.forAlice)];
      expect(await entities(refs, member.token)).toEqual([expected.alice, expected.bob, expected.forAlice]);
    }
  });

  it('resolve for a student to their own bookings, and to null for another student’s of the same tenant', async () => {
    const expected = expectedBookings();
    const refs = [ref('Booking', bookings.alice), ref('Booking', bookings.bob), ref('Booking', bookings.forAlice)];
    expect(await entities(refs, alice.token)).toEqual([expected.alice, null, expected.forAlice]);
    expect(await entities(refs, bob.token)).toEqual([null, expected.bob, null]);
  });

  it('resolve to null for an anonymous caller', async () => {
    expect(await entities([ref('Booking', bookings.alice), ref('Booking', bookings.bob)])).toEqual([null, null]);
  });
});

describe('User entities, for the bookings this subgraph adds', () => {
  it('give staff and owners each student’s bookings, newest start first', async () => {
    for (const member of [tenant.owner, staff]) {
      expect(await entities([ref('User', alice.id), ref('User', bob.id)], member.token)).toEqual([
        { __typename: 'User', id: alice.id, bookings: bookingsOf([bookings.forAlice, bookings.alice]), cancelled: { nodes: [] } },
        { __typename: 'User', id: bob.id, bookings: bookingsOf([bookings.bob]), cancelled: { nodes: [] } },
      ]);
    }
  });

  it('give a student their own bookings and none of another student’s', async () => {
    expect(await entities([ref('User', alice.id), ref('User', bob.id)], alice.token)).toEqual([
      { __typename: 'User', id: alice.id, bookings: bookingsOf([bookings.forAlice, bookings.alice]), cancelled: { nodes: [] } },
      { __typename: 'User', id: bob.id, bookings: emptyPage, cancelled: { nodes: [] } },
    ]);
  });

  it('give an anonymous caller no bookings', async () => {
    const resolved = await entities([ref('User', alice.id), ref('User', bob.id)]);
    expect(resolved).toEqual([
      expect.toBeOneOf([null, { __typename: 'User', id: alice.id, bookings: emptyPage, cancelled: { nodes: [] } }]),
      expect.toBeOneOf([null, { __typename: 'User', id: bob.id, bookings: emptyPage, cancelled: { nodes: [] } }]),
    ]);
  });
});

describe('Tenant entities, for the libraries this subgraph adds', () => {
  it('give the owner and a student the tenant’s libraries', async () => {
    for (const member of [tenant.owner, alice]) {
      expect(await entities([ref('Tenant', tenant.id)], member.token)).toEqual([
        { __typename: 'Tenant', id: tenant.id, libraries: { nodes: [{ id: library.id, name: library.name }], pageInfo: { hasNextPage: false, endCursor: expect.any(String) } } },
      ]);
    }
  });

  it('resolve to null for an anonymous caller', async () => {
    expect(await entities([ref('Tenant', tenant.id)])).toEqual([null]);
  });
});

describe('a batch of representations', () => {
  it('resolves mixed types in the order asked, with null for keys that exist nowhere or are no id at all', async () => {
    const { quiet } = expectedSeats();
    const representations = [
      ref('Booking', bookings.alice),
      ref('Library', randomUUID()),
      ref('Seat', seats.quiet),
      ref('Booking', 'not-a-uuid'),
      ref('Library', library.id),
      ref('Seat', randomUUID()),
      ref('Tenant', tenant.id),
    ];
    const resolved = await entities(representations, alice.token);
    expect(resolved).toEqual([
      expectedBookings().alice,
      null,
      quiet,
      null,
      expectedLibrary(),
      null,
      { __typename: 'Tenant', id: tenant.id, libraries: expect.objectContaining({ nodes: [{ id: library.id, name: library.name }] }) },
    ]);
  });
});
