import { randomBytes, randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  IsoAddSeatsDocument,
  IsoBookingDocument,
  IsoBookingsDocument,
  IsoCancelBookingDocument,
  IsoCheckInDocument,
  IsoCloseLibraryDocument,
  IsoCreateBookingDocument,
  IsoCreateLibraryDocument,
  IsoDeactivateSeatDocument,
  IsoLibrariesDocument,
  IsoLibraryDocument,
  IsoSeatAvailabilityDocument,
  IsoUpdateLibraryDocument,
  IsoUpdateSeatDocument,
  type CreateLibraryInput,
  type Weekday,
} from '../../../test/__generated__/operations.js';
import { errorCodes, must, request } from '../../../test/support/client.js';
import { attack, defineIsolationCases, eachMemberOfB, ownersOnly, recordedEventId, ROLES, type CoreWorld, type World } from '../../../test/support/isolation-kit.js';
import type { Member } from '../../../test/support/seed-kit.js';

/** A half hour of round-the-clock opening, at least an hour ahead: bookable, cancellable and open for check-in. */
interface Slot {
  startsAt: string;
  endsAt: string;
}

interface BookingsSide {
  library: { id: string; name: string };
  /** The library's seats by label; S1 is booked by the student for the slot. */
  seats: Record<string, string>;
  /** The student's booking of S1 for the slot. */
  booking: string;
  /** Its BOOKING_CREATED event, as subscribers receive it. */
  bookingEvent: string;
}

interface BookingsWorld {
  a: BookingsSide;
  b: BookingsSide;
  slot: Slot;
  /** Objects of A that controls may change, close, cancel or check in without disturbing the attackers. */
  aSpares: {
    library: string;
    seats: { free: string; deactivated: string };
    bookings: { cancelledByStudent: string; cancelledByOwner: string; checkedInByStudent: string; checkedInByStaff: string };
  };
}

const unique = () => randomBytes(4).toString('hex');
const MINUTE = 60_000;
const SLOT_MINUTES = 30;
const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const libraryInput = (name: string): CreateLibraryInput => ({
  name,
  address: `${name}, 12 MG Road, Bengaluru`,
  timezone: 'Asia/Kolkata',
  openingHours: WEEKDAYS.map((weekday) => ({ weekday, opensAt: '00:00', closesAt: '24:00' })),
  hourlyPrice: { amountMinor: 5000, currency: 'INR' },
  // Check-in opens two hours ahead, cancelling closes half an hour ahead: the slot allows both.
  rules: { slotMinutes: SLOT_MINUTES, maxBookingMinutes: 240, cancellationCutoffMinutes: 30, checkInWindowMinutes: 120 },
});
/** The `n`th half hour after the world's slot, for attempts that must not collide with it. */
const slotAfter = (slot: Slot, n: number): Slot => {
  const start = Date.parse(slot.startsAt) + n * SLOT_MINUTES * MINUTE;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + SLOT_MINUTES * MINUTE).toISOString() };
};
const mapSeatsOfB = <V>(world: World<BookingsWorld>, variables: (seatId: string) => V): Record<string, V> =>
  Object.fromEntries(Object.entries(world.own.b.seats).map(([label, id]) => [`B's seat ${label}`, variables(id)]));

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
const bookingSelection = 'id status startsAt endsAt price { amountMinor currency } user { id } bookedBy { id } seat { id label } library { id name }';

/** Internal (`@inaccessible`) fields the router's subscriptions use: attacked at the subgraph itself. */
const BookingEventQuery: TypedDocumentNode<{ bookingEventsByIds: ({ eventId: string; type: string; booking: { id: string } | null } | null)[] }, { eventId: string }> = parse(`
  query IsoBookingEvent($eventId: ID!) {
    bookingEventsByIds(eventIds: [$eventId]) { eventId type occurredAt booking { ${bookingSelection} } }
  }`);
const BookingEventsFilterQuery: TypedDocumentNode<{ bookingEventsFilter: unknown }, { tenantId: string; libraryId?: string }> = parse(`
  query IsoBookingEventsFilter($tenantId: ID, $libraryId: ID) {
    bookingEventsFilter(tenantId: $tenantId, libraryId: $libraryId) { tenantId eventTypes keys { key values } audience }
  }`);

/** A round-the-clock library of the owner's tenant with seats of the given labels, made through the API. */
async function openLibrary(graphqlUrl: string, owner: Member, name: string, labels: string[]) {
  const { createLibrary } = await must(graphqlUrl, IsoCreateLibraryDocument, { input: libraryInput(name) }, owner.token);
  const seats: Record<string, string> = {};
  if (labels.length > 0) {
    const { addSeats } = await must(graphqlUrl, IsoAddSeatsDocument, { libraryId: createLibrary.id, seats: labels.map((label) => ({ label, zone: 'Ground floor', features: ['power'] })) }, owner.token);
    for (const seat of addSeats) seats[seat.label] = seat.id;
  }
  return { library: { id: createLibrary.id, name: createLibrary.name }, seats };
}

async function book(graphqlUrl: string, student: Member, seatId: string, slot: Slot): Promise<string> {
  const { createBooking } = await must(graphqlUrl, IsoCreateBookingDocument, { input: { seatId, ...slot } }, student.token);
  return createBooking.id;
}

async function sideOf({ stack, recorder, ...core }: CoreWorld, label: 'A' | 'B', seatLabels: string[], slot: Slot): Promise<BookingsSide> {
  const tenant = label === 'A' ? core.a : core.b;
  const { library, seats } = await openLibrary(stack.graphqlUrl, tenant.members.OWNER, `Reading room ${tenant.slug}`, seatLabels);
  const booking = await book(stack.graphqlUrl, tenant.members.STUDENT, seats.S1!, slot);
  const bookingEvent = await recordedEventId(recorder, `the creation of ${label}'s booking`, (event) => event.type === 'BOOKING_CREATED' && event.keys.bookingId === booking);
  return { library, seats, booking, bookingEvent };
}

export default defineIsolationCases<BookingsWorld>({
  async setUp(core) {
    const halfHour = SLOT_MINUTES * MINUTE;
    const start = Math.ceil((Date.now() + 60 * MINUTE) / halfHour) * halfHour;
    const slot = { startsAt: new Date(start).toISOString(), endsAt: new Date(start + halfHour).toISOString() };
    const a = await sideOf(core, 'A', ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'], slot);
    const b = await sideOf(core, 'B', ['S1', 'S2'], slot);
    const { graphqlUrl } = core.stack;
    const student = core.a.members.STUDENT;
    return {
      a,
      b,
      slot,
      aSpares: {
        library: (await openLibrary(graphqlUrl, core.a.members.OWNER, `Annexe ${core.a.slug}`, [])).library.id,
        seats: { free: a.seats.S6!, deactivated: a.seats.S7! },
        bookings: {
          cancelledByStudent: await book(graphqlUrl, student, a.seats.S2!, slot),
          cancelledByOwner: await book(graphqlUrl, student, a.seats.S3!, slot),
          checkedInByStudent: await book(graphqlUrl, student, a.seats.S4!, slot),
          checkedInByStaff: await book(graphqlUrl, student, a.seats.S5!, slot),
        },
      },
    };
  },

  snapshotOfB: `
    libraries(tenantId: $id) {
      nodes {
        id name address timezone status createdAt tenant { id }
        openingHours { weekday opensAt closesAt } hourlyPrice { amountMinor currency }
        rules { slotMinutes maxBookingMinutes cancellationCutoffMinutes checkInWindowMinutes }
        seats(first: 20, includeInactive: true) { nodes { id label zone features active } pageInfo { hasNextPage } }
      }
      pageInfo { hasNextPage }
    }
    bookings(tenantId: $id) {
      nodes {
        id status startsAt endsAt price { amountMinor currency } user { id } bookedBy { id } seat { id } library { id }
        createdAt checkedInAt cancelledAt cancellationReason
      }
      pageInfo { hasNextPage }
    }`,
  secretsOfB: ({ own: { b } }) => [b.library.id, ...Object.values(b.seats), b.booking, b.bookingEvent],

  rootFields: {
    Query: {
      libraries: attack(IsoLibrariesDocument, {
        targets: (world) => ({ "B's libraries": { tenantId: world.b.id, first: 20 } }),
        nowhere: () => ({ tenantId: randomUUID(), first: 20 }),
        refusal: 'NOT_FOUND',
        controls: [
          { as: 'STUDENT', variables: (world) => ({ tenantId: world.a.id, first: 20 }) },
          { as: 'OWNER', variables: () => ({ first: 20 }) },
        ],
      }),
      library: attack(IsoLibraryDocument, {
        targets: (world) => ({ "B's library": { id: world.own.b.library.id } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.own.a.library.id }) }],
      }),
      seatAvailability: attack(IsoSeatAvailabilityDocument, {
        targets: (world) => ({ "B's library": { libraryId: world.own.b.library.id, ...world.own.slot } }),
        nowhere: (world) => ({ libraryId: randomUUID(), ...world.own.slot }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ libraryId: world.own.a.library.id, ...world.own.slot }) }],
      }),
      booking: attack(IsoBookingDocument, {
        targets: (world) => ({ "B's student's booking": { id: world.own.b.booking } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [
          { as: 'STUDENT', variables: (world) => ({ id: world.own.a.booking }) },
          { as: 'STAFF', variables: (world) => ({ id: world.own.a.booking }) },
        ],
      }),
      myBookings: { noForeignId: 'Lists the bookings of the student named by the token; takes no id.' },
      bookingEventsByIds: attack(BookingEventQuery, {
        targets: (world) => ({ "the event of B's student's booking": { eventId: world.own.b.bookingEvent } }),
        nowhere: () => ({ eventId: randomUUID() }),
        refusal: 'NULL_ITEMS',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ eventId: world.own.a.bookingEvent }) })),
      }),
      bookingEventsFilter: attack(BookingEventsFilterQuery, {
        targets: (world) => ({ "B's events": { tenantId: world.b.id }, "B's events of B's library": { tenantId: world.b.id, libraryId: world.own.b.library.id } }),
        nowhere: () => ({ tenantId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ tenantId: world.a.id, libraryId: world.own.a.library.id }) })),
      }),
      bookings: attack(IsoBookingsDocument, {
        targets: (world) => ({
          "B's bookings": { tenantId: world.b.id, first: 100 },
          "B's bookings of B's library": { tenantId: world.b.id, filter: { libraryId: world.own.b.library.id }, first: 100 },
        }),
        nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
        controls: [
          { as: 'STAFF', variables: (world) => ({ tenantId: world.a.id, first: 100 }) },
          { as: 'OWNER', variables: (world) => ({ filter: { libraryId: world.own.a.library.id }, first: 100 }) },
        ],
      }),
    },
    Mutation: {
      createLibrary: { noForeignId: 'Adds a library to the tenant named by the token; the input names no tenant or other object.' },
      updateLibrary: attack(IsoUpdateLibraryDocument, {
        targets: (world) => ({ "B's library": { id: world.own.b.library.id, input: { name: 'Taken over', hourlyPrice: { amountMinor: 0, currency: 'INR' } } } }),
        nowhere: () => ({ id: randomUUID(), input: { name: 'Taken over', hourlyPrice: { amountMinor: 0, currency: 'INR' } } }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.a.library.id, input: { name: world.own.a.library.name } }) }],
      }),
      closeLibrary: attack(IsoCloseLibraryDocument, {
        targets: (world) => ({ "B's library": { id: world.own.b.library.id } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.aSpares.library }) }],
      }),
      addSeats: attack(IsoAddSeatsDocument, {
        targets: (world) => ({ "B's library": { libraryId: world.own.b.library.id, seats: [{ label: `Intruder ${unique()}` }] } }),
        nowhere: () => ({ libraryId: randomUUID(), seats: [{ label: `Intruder ${unique()}` }] }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ libraryId: world.own.a.library.id, seats: [{ label: `Added ${unique()}` }] }) }],
      }),
      updateSeat: attack(IsoUpdateSeatDocument, {
        targets: (world) => mapSeatsOfB(world, (id) => ({ id, input: { label: `Taken ${unique()}`, zone: 'Taken over' } })),
        nowhere: () => ({ id: randomUUID(), input: { label: `Taken ${unique()}`, zone: 'Taken over' } }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.a.seats.S1!, input: { zone: 'Quiet room' } }) }],
      }),
      deactivateSeat: attack(IsoDeactivateSeatDocument, {
        targets: (world) => mapSeatsOfB(world, (id) => ({ id })),
        nowhere: () => ({ id: randomUUID() }),
        refusal: ownersOnly,
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.own.aSpares.seats.deactivated }) }],
      }),
      createBooking: attack(IsoCreateBookingDocument, {
        targets: (world) => mapSeatsOfB(world, (seatId) => ({ input: { seatId, ...world.own.slot } })),
        nowhere: (world) => ({ input: { seatId: randomUUID(), ...world.own.slot } }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ input: { seatId: world.own.aSpares.seats.free, ...world.own.slot } }) }],
      }),
      cancelBooking: attack(IsoCancelBookingDocument, {
        targets: (world) => ({ "B's student's booking": { id: world.own.b.booking, reason: 'Hostile takeover' } }),
        nowhere: () => ({ id: randomUUID(), reason: 'Hostile takeover' }),
        refusal: { OWNER: 'NOT_FOUND', STAFF: 'FORBIDDEN', STUDENT: 'NOT_FOUND' },
        controls: [
          { as: 'STUDENT', variables: (world) => ({ id: world.own.aSpares.bookings.cancelledByStudent }) },
          { as: 'OWNER', variables: (world) => ({ id: world.own.aSpares.bookings.cancelledByOwner, reason: 'Seat under repair' }) },
        ],
      }),
      updateBookingPolicy: { noForeignId: 'Sets the policy of the tenant named by the token; the input names no tenant or other object.' },
      checkIn: attack(IsoCheckInDocument, {
        targets: (world) => ({ "B's student's booking": { bookingId: world.own.b.booking } }),
        nowhere: () => ({ bookingId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [
          { as: 'STUDENT', variables: (world) => ({ bookingId: world.own.aSpares.bookings.checkedInByStudent }) },
          { as: 'STAFF', variables: (world) => ({ bookingId: world.own.aSpares.bookings.checkedInByStaff }) },
        ],
      }),
    },
  },

  entities: {
    // The users subgraph decides whether A may see B's user at all; bookings must add none of B's bookings.
    User: {
      own: (world, role) => ({ __typename: 'User', id: world.a.members[role].id }),
      foreign: (world) => eachMemberOfB(world, (member) => ({ __typename: 'User', id: member.id })),
      nowhere: () => ({ __typename: 'User', id: randomUUID() }),
      selection: `id bookings(first: 50) { nodes { ${bookingSelection} } pageInfo { hasNextPage endCursor } }`,
      stranger: (representation) => ({ id: representation.id, bookings: emptyPage }),
    },
    Tenant: {
      own: (world) => ({ __typename: 'Tenant', id: world.a.id }),
      foreign: (world) => ({ 'B itself': { __typename: 'Tenant', id: world.b.id } }),
      nowhere: () => ({ __typename: 'Tenant', id: randomUUID() }),
      selection: 'id bookingPolicy { paymentRequired holdSeconds } libraries(first: 20) { nodes { id name address seats(first: 20, includeInactive: true) { nodes { id label } } } pageInfo { hasNextPage endCursor } }',
    },
    Library: {
      own: (world) => ({ __typename: 'Library', id: world.own.a.library.id }),
      foreign: (world) => ({ "B's library": { __typename: 'Library', id: world.own.b.library.id } }),
      nowhere: () => ({ __typename: 'Library', id: randomUUID() }),
      selection: 'id name address timezone status hourlyPrice { amountMinor currency } tenant { id } seats(includeInactive: true) { nodes { id label } }',
    },
    Seat: {
      own: (world) => ({ __typename: 'Seat', id: world.own.a.seats.S1! }),
      foreign: (world) => mapSeatsOfB(world, (id) => ({ __typename: 'Seat', id })),
      nowhere: () => ({ __typename: 'Seat', id: randomUUID() }),
      selection: 'id label zone features active library { id name }',
    },
    Booking: {
      own: (world) => ({ __typename: 'Booking', id: world.own.a.booking }),
      foreign: (world) => ({ "B's student's booking": { __typename: 'Booking', id: world.own.b.booking } }),
      nowhere: () => ({ __typename: 'Booking', id: randomUUID() }),
      selection: `${bookingSelection} createdAt checkedInAt cancelledAt cancellationReason holdExpiresAt`,
    },
  },

  moreTests(world, { snapshotOfB, expectNothingOfB, observable }) {
    describe('the booking event ids the attacks and controls name', () => {
      // A null for A would prove nothing if the ids named no event: each tenant's own members read them.
      it.each(['A', 'B'] as const)('are %s’s real events, which each of its members can read', async (label) => {
        const { stack, own, ...sides } = world();
        const [side, ownSide] = label === 'A' ? [sides.a, own.a] : [sides.b, own.b];
        for (const role of ROLES) {
          const { bookingEventsByIds } = await must(`${stack.subgraphs.bookings.url}/graphql`, BookingEventQuery, { eventId: ownSide.bookingEvent }, side.members[role].token);
          expect(bookingEventsByIds, `${role} reading the booking's event`).toMatchObject([{ eventId: ownSide.bookingEvent, type: 'CREATED', booking: { id: ownSide.booking } }]);
        }
      });
    });

    describe('bookings filtered by tenant B’s objects', () => {
      const filters = () => ({
        "B's library": { libraryId: world().own.b.library.id },
        "B's student": { userId: world().b.members.STUDENT.id },
      });
      const nowhere = { "B's library": { libraryId: randomUUID() }, "B's student": { userId: randomUUID() } };

      it.each(['OWNER', 'STAFF'] as const)('give A’s %s an empty page, exactly as ids that exist nowhere', async (role) => {
        const { stack, a } = world();
        const token = a.members[role].token;
        for (const [label, filter] of Object.entries(filters())) {
          const response = await request(stack.graphqlUrl, IsoBookingsDocument, { filter, first: 100 }, token);
          expect(response.errors, label).toBeUndefined();
          expect(response.data?.bookings.nodes, label).toEqual([]);
          expectNothingOfB(response);
          const elsewhere = await request(stack.graphqlUrl, IsoBookingsDocument, { filter: nowhere[label as keyof typeof nowhere], first: 100 }, token);
          expect(observable(response), label).toEqual(observable(elsewhere));
        }
      });

      it('find A’s own bookings for A’s owner, showing nothing of B', async () => {
        const { stack, a, own } = world();
        for (const filter of [{ libraryId: own.a.library.id }, { userId: a.members.STUDENT.id }]) {
          const response = await request(stack.graphqlUrl, IsoBookingsDocument, { filter, first: 100 }, a.members.OWNER.token);
          expect(response.errors).toBeUndefined();
          expect(response.data?.bookings.nodes.map((booking) => booking.id)).toContain(own.a.booking);
          expectNothingOfB(response);
        }
      });
    });

    describe('createBooking on behalf of a member of tenant B', () => {
      let attempts = 0;
      /** Each attempt on its own later half hour, so one wrongly accepted cannot make the next a conflict. */
      const onBehalfOf = (userId: string) => ({ input: { seatId: world().own.aSpares.seats.free, userId, ...slotAfter(world().own.slot, ++attempts) } });

      /** A's bookings for each of B's members, as A's owner finds them by filter. */
      async function bookingsInAFor(members: Record<string, Member>) {
        const found: Record<string, string[]> = {};
        for (const [label, member] of Object.entries(members)) {
          const response = await request(world().stack.graphqlUrl, IsoBookingsDocument, { filter: { userId: member.id }, first: 100 }, world().a.members.OWNER.token);
          found[label] = response.data?.bookings.nodes.map((booking) => booking.id) ?? [];
        }
        return found;
      }

      it.each([
        ['OWNER', 'NOT_FOUND'],
        ['STAFF', 'NOT_FOUND'],
        ['STUDENT', 'FORBIDDEN'],
      ] as const)('is refused to A’s %s with %s, as for a user who exists nowhere, and books nothing', async (role, refusal) => {
        const { stack, a } = world();
        const attacker = a.members[role];
        const members = eachMemberOfB(world(), (member) => member);
        const before = { b: await snapshotOfB(), a: await bookingsInAFor(members) };
        // Together: a user the tenant does not know is looked for a while (they may have just
        // joined), and nothing here depends on another attempt.
        const attempts = await Promise.all(
          Object.entries(members).map(async ([label, member]) => {
            const [response, elsewhere] = await Promise.all([
              request(stack.graphqlUrl, IsoCreateBookingDocument, onBehalfOf(member.id), attacker.token),
              request(stack.graphqlUrl, IsoCreateBookingDocument, onBehalfOf(randomUUID()), attacker.token),
            ]);
            return { label, member, response, elsewhere };
          }),
        );
        for (const { label, member, response, elsewhere } of attempts) {
          expect(errorCodes(response), `booking A's seat for ${label}`).toEqual([refusal]);
          expect(response.data?.createBooking ?? null, `booking A's seat for ${label}`).toBeNull();
          expectNothingOfB(response, [member.id]);
          expect(observable(response), `booking A's seat for ${label} must look like booking it for nobody`).toEqual(observable(elsewhere));
        }
        expect(await bookingsInAFor(members)).toEqual(before.a);
        expect(await snapshotOfB()).toEqual(before.b);
      });
    });
  },
});
