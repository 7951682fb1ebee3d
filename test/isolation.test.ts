import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { buildSchema, Kind, parse, type DocumentNode, type GraphQLObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CarrelEvent } from '../common/events/event.js';
import { owningSubgraph, subgraphNames } from '../router/src/supergraph.js';
import type { SubgraphName } from '../subgraphs/index.js';
import {
  CreateTenantDocument,
  CreateUserDocument,
  CurrentTenantDocument,
  DisableUserDocument,
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
  LoginDocument,
  LogoutDocument,
  ReactivateTenantDocument,
  RefreshSessionDocument,
  SetUserRoleDocument,
  SuspendTenantDocument,
  TenantBySlugDocument,
  TenantDocument,
  TenantsDocument,
  UpdateTenantDocument,
  UserDocument,
  UsersDocument,
  type CreateLibraryInput,
  type Weekday,
} from './__generated__/operations.js';
import { recordEvents, type EventRecorder } from './support/event-recorder.js';
import { errorCodes, must, request, type GraphQLResponse } from './support/client.js';
import { createMember, createTenant, loginAdmin, registerStudent, type Member } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

/**
 * A member of tenant A names an object of tenant B in every way the public API allows, and must
 * learn nothing: not B's data, not even whether the object exists. The cases come from the schema,
 * so a root field or an entity added later fails this file until someone says how it is attacked.
 */

type TenantRole = 'OWNER' | 'STAFF' | 'STUDENT';
const ROLES: readonly TenantRole[] = ['OWNER', 'STAFF', 'STUDENT'];

interface Side {
  id: string;
  slug: string;
  name: string;
  members: Record<TenantRole, Member>;
  library: { id: string; name: string };
  /** The library's seats by label; S1 is booked by the student for the slot. */
  seats: Record<string, string>;
  /** The student's booking of S1 for the slot. */
  booking: string;
  /** Ids of the tenant's events, as subscribers receive them. */
  events: {
    /** BOOKING_CREATED of the student's booking, in the bookings subgraph's outbox. */
    booking: string;
    /** TENANT_SUSPENDED and TENANT_REACTIVATED of the tenant, suspended and reactivated again during setup. */
    suspended: string;
    reactivated: string;
  };
}

/** A half hour of round-the-clock opening, at least an hour ahead: bookable, cancellable and open for check-in. */
interface Slot {
  startsAt: string;
  endsAt: string;
}

interface World {
  a: Side;
  b: Side;
  slot: Slot;
  /** Objects of A that controls may change, close, cancel or check in without disturbing the attackers. */
  aSpares: {
    promoted: Member;
    disabled: Member;
    library: string;
    seats: { free: string; deactivated: string };
    bookings: { cancelledByStudent: string; cancelledByOwner: string; checkedInByStudent: string; checkedInByStaff: string };
  };
}

type Variables = Record<string, unknown>;
/**
 * An error code, or NULL for fields that answer an id they will not show with null and no error
 * at all, exactly as they answer one that exists nowhere.
 */
type RefusalCode = 'NOT_FOUND' | 'FORBIDDEN' | 'NULL';

interface Attack {
  document: DocumentNode;
  /** The calls a member of A makes, each naming one of B's objects, by label. */
  targets: (world: World) => Record<string, Variables>;
  /** The same call naming an object that exists nowhere; naming B's must be indistinguishable from it. */
  nowhere?: () => Variables;
  /** NOT_FOUND (NULL for fields that answer an unknown id with null); FORBIDDEN only for roles that may never use the field at all. */
  refusal: RefusalCode | Record<TenantRole, RefusalCode>;
  /** The same call on A's own objects, which succeeds: the attack differs only in whose object it names. */
  controls?: { as: TenantRole; variables: (world: World) => Variables }[];
  /** Checks beyond B's snapshot, for attacks that would create something rather than change B. */
  leavesNoTrace?: (variables: Variables) => Promise<void>;
}

type Entry = Attack | { noForeignId: string };

function attack<Result, Vars>(
  document: TypedDocumentNode<Result, Vars>,
  spec: Omit<Attack, 'document' | 'targets' | 'nowhere' | 'controls' | 'leavesNoTrace'> & {
    targets: (world: World) => Record<string, Vars>;
    nowhere?: () => Vars;
    controls?: { as: TenantRole; variables: (world: World) => Vars }[];
    leavesNoTrace?: (variables: Vars) => Promise<void>;
  },
): Attack {
  return { ...spec, document } as Attack;
}

const unique = () => randomBytes(4).toString('hex');
const settings = { timezone: 'Asia/Kolkata', currency: 'INR' };
const newUserInput = (tenantId: string) => ({
  tenantId,
  email: `intruder-${unique()}@example.test`,
  displayName: 'Intruder',
  role: 'STAFF' as const,
  password: `pw-${unique()}-${unique()}`,
});
const mapSeatsOfB = <V>(world: World, variables: (seatId: string) => V): Record<string, V> =>
  Object.fromEntries(Object.entries(world.b.seats).map(([label, id]) => [`B's seat ${label}`, variables(id)]));
const eachMemberOfB = <V>(world: World, variables: (member: Member, role: TenantRole) => V): Record<string, V> =>
  Object.fromEntries(ROLES.map((role) => [`B's ${role.toLowerCase()}`, variables(world.b.members[role], role)]));

/** What a member of B would become if the attack worked: the change that hurts most. */
const takeover: Record<TenantRole, 'OWNER' | 'STUDENT'> = { OWNER: 'STUDENT', STAFF: 'STUDENT', STUDENT: 'OWNER' };
const managersOnly = { OWNER: 'NOT_FOUND', STAFF: 'FORBIDDEN', STUDENT: 'FORBIDDEN' } as const;
/** Libraries and seats are run by owners; staff and students may never change them. */
const ownersOnly = managersOnly;

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

/**
 * Root fields that are `@inaccessible` (internal: the router's subscriptions use them) are not in
 * the public API the router serves, but their subgraph answers them to anyone who reaches it, so
 * they are attacked there, directly.
 */
const BookingEventQuery: TypedDocumentNode<{ bookingEvent: { eventId: string; type: string; booking: { id: string } | null } | null }, { eventId: string }> = parse(`
  query IsoBookingEvent($eventId: ID!) {
    bookingEvent(eventId: $eventId) { eventId type occurredAt booking { id status startsAt endsAt price { amountMinor currency } user { id } seat { id label } library { id name } } }
  }`);
const BookingEventsFilterQuery: TypedDocumentNode<{ bookingEventsFilter: unknown }, { tenantId: string; libraryId?: string }> = parse(`
  query IsoBookingEventsFilter($tenantId: ID, $libraryId: ID) {
    bookingEventsFilter(tenantId: $tenantId, libraryId: $libraryId) { tenantId eventTypes keys { key values } audience }
  }`);
const TenantStatusEventQuery: TypedDocumentNode<{ tenantStatusEvent: { eventId: string; type: string; tenant: { id: string; status: string } | null } | null }, { eventId: string }> = parse(`
  query IsoTenantStatusEvent($eventId: ID!) {
    tenantStatusEvent(eventId: $eventId) { eventId type occurredAt tenant { id slug name status suspensionReason } }
  }`);
const TenantStatusChangedFilterQuery: TypedDocumentNode<{ tenantStatusChangedFilter: unknown }, { tenantId: string }> = parse(`
  query IsoTenantStatusChangedFilter($tenantId: ID) {
    tenantStatusChangedFilter(tenantId: $tenantId) { tenantId eventTypes keys { key values } audience }
  }`);

const rootFields: Record<'Query' | 'Mutation', Record<string, Entry>> = {
  Query: {
    me: { noForeignId: 'Reads the user named by the token.' },
    currentTenant: { noForeignId: "Reads the tenant named by the token's tenant claim." },
    tenantBySlug: { noForeignId: "Public by design: any tenant's sign-in branding, shown to anyone without signing in." },
    tenant: attack(TenantDocument, {
      targets: (world) => ({ 'B itself': { id: world.b.id } }),
      nowhere: () => ({ id: randomUUID() }),
      refusal: 'NOT_FOUND',
      controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.a.id }) }],
    }),
    tenants: attack(TenantsDocument, {
      targets: () => ({ 'every tenant, B among them': {} }),
      refusal: 'FORBIDDEN',
    }),
    user: attack(UserDocument, {
      targets: (world) => eachMemberOfB(world, (member) => ({ id: member.id })),
      nowhere: () => ({ id: randomUUID() }),
      refusal: 'NOT_FOUND',
      controls: [{ as: 'OWNER', variables: (world) => ({ id: world.a.members.STAFF.id }) }],
    }),
    users: attack(UsersDocument, {
      targets: (world) => ({ "B's users": { tenantId: world.b.id, first: 100 } }),
      nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
      refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
      controls: [
        { as: 'STAFF', variables: (world) => ({ tenantId: world.a.id, first: 100 }) },
        { as: 'OWNER', variables: () => ({ first: 100 }) },
      ],
    }),
    libraries: attack(IsoLibrariesDocument, {
      targets: (world) => ({ "B's libraries": { tenantId: world.b.id, first: 100 } }),
      nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
      refusal: 'NOT_FOUND',
      controls: [
        { as: 'STUDENT', variables: (world) => ({ tenantId: world.a.id, first: 100 }) },
        { as: 'OWNER', variables: () => ({ first: 100 }) },
      ],
    }),
    library: attack(IsoLibraryDocument, {
      targets: (world) => ({ "B's library": { id: world.b.library.id } }),
      nowhere: () => ({ id: randomUUID() }),
      refusal: 'NOT_FOUND',
      controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.a.library.id }) }],
    }),
    seatAvailability: attack(IsoSeatAvailabilityDocument, {
      targets: (world) => ({ "B's library": { libraryId: world.b.library.id, ...world.slot } }),
      nowhere: () => ({ libraryId: randomUUID(), ...world.slot }),
      refusal: 'NOT_FOUND',
      controls: [{ as: 'STUDENT', variables: (world) => ({ libraryId: world.a.library.id, ...world.slot }) }],
    }),
    booking: attack(IsoBookingDocument, {
      targets: (world) => ({ "B's student's booking": { id: world.b.booking } }),
      nowhere: () => ({ id: randomUUID() }),
      refusal: 'NOT_FOUND',
      controls: [
        { as: 'STUDENT', variables: (world) => ({ id: world.a.booking }) },
        { as: 'STAFF', variables: (world) => ({ id: world.a.booking }) },
      ],
    }),
    myBookings: { noForeignId: 'Lists the bookings of the student named by the token; takes no id.' },
    bookingEvent: attack(BookingEventQuery, {
      targets: (world) => ({ "the event of B's student's booking": { eventId: world.b.events.booking } }),
      nowhere: () => ({ eventId: randomUUID() }),
      refusal: 'NULL',
      controls: ROLES.map((role) => ({ as: role, variables: (world: World) => ({ eventId: world.a.events.booking }) })),
    }),
    bookingEventsFilter: attack(BookingEventsFilterQuery, {
      targets: (world) => ({ "B's events": { tenantId: world.b.id }, "B's events of B's library": { tenantId: world.b.id, libraryId: world.b.library.id } }),
      nowhere: () => ({ tenantId: randomUUID() }),
      refusal: 'NOT_FOUND',
      controls: ROLES.map((role) => ({ as: role, variables: (world: World) => ({ tenantId: world.a.id, libraryId: world.a.library.id }) })),
    }),
    tenantStatusEvent: attack(TenantStatusEventQuery, {
      targets: (world) => ({
        "B's suspension": { eventId: world.b.events.suspended },
        "B's reactivation": { eventId: world.b.events.reactivated },
      }),
      nowhere: () => ({ eventId: randomUUID() }),
      refusal: 'NULL',
      controls: ROLES.map((role) => ({ as: role, variables: (world: World) => ({ eventId: world.a.events.suspended }) })),
    }),
    tenantStatusChangedFilter: attack(TenantStatusChangedFilterQuery, {
      targets: (world) => ({ "B's status": { tenantId: world.b.id } }),
      nowhere: () => ({ tenantId: randomUUID() }),
      refusal: 'NOT_FOUND',
      controls: ROLES.map((role) => ({ as: role, variables: (world: World) => ({ tenantId: world.a.id }) })),
    }),
    bookings: attack(IsoBookingsDocument, {
      targets: (world) => ({
        "B's bookings": { tenantId: world.b.id, first: 100 },
        "B's bookings of B's library": { tenantId: world.b.id, filter: { libraryId: world.b.library.id }, first: 100 },
      }),
      nowhere: () => ({ tenantId: randomUUID(), first: 100 }),
      refusal: { OWNER: 'NOT_FOUND', STAFF: 'NOT_FOUND', STUDENT: 'FORBIDDEN' },
      controls: [
        { as: 'STAFF', variables: (world) => ({ tenantId: world.a.id, first: 100 }) },
        { as: 'OWNER', variables: (world) => ({ filter: { libraryId: world.a.library.id }, first: 100 }) },
      ],
    }),
  },
  Mutation: {
    register: { noForeignId: 'Public sign-up by slug: adds a new student to the tenant whose link it is, for anyone; names no existing object.' },
    login: { noForeignId: 'Takes credentials, not ids.' },
    refreshSession: { noForeignId: 'Takes a refresh token, an unguessable secret that is itself the credential.' },
    logout: { noForeignId: 'Takes a refresh token, an unguessable secret that is itself the credential.' },
    updateProfile: { noForeignId: 'Changes the user named by the token.' },
    changePassword: { noForeignId: 'Changes the user named by the token.' },
    createTenant: attack(CreateTenantDocument, {
      targets: () => ({ 'a tenant beside B': { input: { slug: `t-${unique()}`, name: 'Intruder', settings } } }),
      refusal: 'FORBIDDEN',
      leavesNoTrace: async ({ input }) => {
        const { tenantBySlug } = await must(stack.graphqlUrl, TenantBySlugDocument, { slug: input.slug });
        expect(tenantBySlug).toBeNull();
      },
    }),
    updateTenant: attack(UpdateTenantDocument, {
      targets: (world) => ({ 'B itself': { id: world.b.id, input: { name: 'Taken over' } } }),
      nowhere: () => ({ id: randomUUID(), input: { name: 'Taken over' } }),
      refusal: 'NOT_FOUND',
      controls: [{ as: 'OWNER', variables: (world) => ({ id: world.a.id, input: { name: world.a.name } }) }],
    }),
    suspendTenant: attack(SuspendTenantDocument, {
      targets: (world) => ({ 'B itself': { id: world.b.id, reason: 'Hostile takeover' } }),
      nowhere: () => ({ id: randomUUID(), reason: 'Hostile takeover' }),
      refusal: 'FORBIDDEN',
    }),
    reactivateTenant: attack(ReactivateTenantDocument, {
      targets: (world) => ({ 'B itself': { id: world.b.id } }),
      nowhere: () => ({ id: randomUUID() }),
      refusal: 'FORBIDDEN',
    }),
    createUser: attack(CreateUserDocument, {
      targets: (world) => ({ 'a user in B': { input: newUserInput(world.b.id) } }),
      nowhere: () => ({ input: newUserInput(randomUUID()) }),
      refusal: managersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ input: newUserInput(world.a.id) }) }],
    }),
    setUserRole: attack(SetUserRoleDocument, {
      targets: (world) => eachMemberOfB(world, (member, role) => ({ userId: member.id, role: takeover[role] })),
      nowhere: () => ({ userId: randomUUID(), role: 'OWNER' as const }),
      refusal: managersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ userId: world.aSpares.promoted.id, role: 'STAFF' as const }) }],
    }),
    disableUser: attack(DisableUserDocument, {
      targets: (world) => eachMemberOfB(world, (member) => ({ userId: member.id })),
      nowhere: () => ({ userId: randomUUID() }),
      refusal: managersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ userId: world.aSpares.disabled.id }) }],
    }),
    createLibrary: { noForeignId: 'Adds a library to the tenant named by the token; the input names no tenant or other object.' },
    updateLibrary: attack(IsoUpdateLibraryDocument, {
      targets: (world) => ({ "B's library": { id: world.b.library.id, input: { name: 'Taken over', hourlyPrice: { amountMinor: 0, currency: 'INR' } } } }),
      nowhere: () => ({ id: randomUUID(), input: { name: 'Taken over', hourlyPrice: { amountMinor: 0, currency: 'INR' } } }),
      refusal: ownersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ id: world.a.library.id, input: { name: world.a.library.name } }) }],
    }),
    closeLibrary: attack(IsoCloseLibraryDocument, {
      targets: (world) => ({ "B's library": { id: world.b.library.id } }),
      nowhere: () => ({ id: randomUUID() }),
      refusal: ownersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ id: world.aSpares.library }) }],
    }),
    addSeats: attack(IsoAddSeatsDocument, {
      targets: (world) => ({ "B's library": { libraryId: world.b.library.id, seats: [{ label: `Intruder ${unique()}` }] } }),
      nowhere: () => ({ libraryId: randomUUID(), seats: [{ label: `Intruder ${unique()}` }] }),
      refusal: ownersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ libraryId: world.a.library.id, seats: [{ label: `Added ${unique()}` }] }) }],
    }),
    updateSeat: attack(IsoUpdateSeatDocument, {
      targets: (world) => mapSeatsOfB(world, (id) => ({ id, input: { label: `Taken ${unique()}`, zone: 'Taken over' } })),
      nowhere: () => ({ id: randomUUID(), input: { label: `Taken ${unique()}`, zone: 'Taken over' } }),
      refusal: ownersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ id: world.a.seats.S1!, input: { zone: 'Quiet room' } }) }],
    }),
    deactivateSeat: attack(IsoDeactivateSeatDocument, {
      targets: (world) => mapSeatsOfB(world, (id) => ({ id })),
      nowhere: () => ({ id: randomUUID() }),
      refusal: ownersOnly,
      controls: [{ as: 'OWNER', variables: (world) => ({ id: world.aSpares.seats.deactivated }) }],
    }),
    createBooking: attack(IsoCreateBookingDocument, {
      targets: (world) => mapSeatsOfB(world, (seatId) => ({ input: { seatId, ...world.slot } })),
      nowhere: () => ({ input: { seatId: randomUUID(), ...world.slot } }),
      refusal: 'NOT_FOUND',
      controls: [{ as: 'STUDENT', variables: (world) => ({ input: { seatId: world.aSpares.seats.free, ...world.slot } }) }],
    }),
    cancelBooking: attack(IsoCancelBookingDocument, {
      targets: (world) => ({ "B's student's booking": { id: world.b.booking, reason: 'Hostile takeover' } }),
      nowhere: () => ({ id: randomUUID(), reason: 'Hostile takeover' }),
      refusal: { OWNER: 'NOT_FOUND', STAFF: 'FORBIDDEN', STUDENT: 'NOT_FOUND' },
      controls: [
        { as: 'STUDENT', variables: (world) => ({ id: world.aSpares.bookings.cancelledByStudent }) },
        { as: 'OWNER', variables: (world) => ({ id: world.aSpares.bookings.cancelledByOwner, reason: 'Seat under repair' }) },
      ],
    }),
    checkIn: attack(IsoCheckInDocument, {
      targets: (world) => ({ "B's student's booking": { bookingId: world.b.booking } }),
      nowhere: () => ({ bookingId: randomUUID() }),
      refusal: 'NOT_FOUND',
      controls: [
        { as: 'STUDENT', variables: (world) => ({ bookingId: world.aSpares.bookings.checkedInByStudent }) },
        { as: 'STAFF', variables: (world) => ({ bookingId: world.aSpares.bookings.checkedInByStaff }) },
      ],
    }),
  },
};

interface EntityCase {
  /** Something of this type in A that a member of the given role may see. */
  own: (world: World, role: TenantRole) => Representation;
  /** B's objects of this type, by label. */
  foreign: (world: World) => Record<string, Representation>;
  /** A representation of an object that exists nowhere. */
  nowhere: () => Representation;
  /** The fields to select, for each subgraph that resolves the type. */
  selection: Record<string, string>;
  /**
   * Subgraphs that only add fields to a type another subgraph owns, and so cannot tell whether an
   * object exists: each may resolve any key to this, built from the key alone, instead of null.
   */
  stranger?: Record<string, (representation: Representation) => Record<string, unknown>>;
}
type Representation = { __typename: string } & Record<string, unknown>;

const emptyPage = { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } };
const bookingSelection = 'id status startsAt endsAt price { amountMinor currency } user { id } bookedBy { id } seat { id label } library { id name }';

const entityCases: Record<string, EntityCase> = {
  User: {
    own: (world, role) => ({ __typename: 'User', id: world.a.members[role].id }),
    foreign: (world) => eachMemberOfB(world, (member) => ({ __typename: 'User', id: member.id })),
    nowhere: () => ({ __typename: 'User', id: randomUUID() }),
    selection: {
      users: 'id email displayName role',
      bookings: `id bookings(first: 100) { nodes { ${bookingSelection} } pageInfo { hasNextPage endCursor } }`,
    },
    // The users subgraph decides whether A may see B's user at all; bookings must add none of B's bookings.
    stranger: { bookings: (representation) => ({ id: representation.id, bookings: emptyPage }) },
  },
  Tenant: {
    own: (world) => ({ __typename: 'Tenant', id: world.a.id }),
    foreign: (world) => ({ 'B itself': { __typename: 'Tenant', id: world.b.id } }),
    nowhere: () => ({ __typename: 'Tenant', id: randomUUID() }),
    selection: {
      tenants: 'id slug name status',
      bookings: 'id libraries(first: 100) { nodes { id name address seats(includeInactive: true) { nodes { id label } } } pageInfo { hasNextPage endCursor } }',
    },
  },
  Library: {
    own: (world) => ({ __typename: 'Library', id: world.a.library.id }),
    foreign: (world) => ({ "B's library": { __typename: 'Library', id: world.b.library.id } }),
    nowhere: () => ({ __typename: 'Library', id: randomUUID() }),
    selection: {
      bookings: 'id name address timezone status hourlyPrice { amountMinor currency } tenant { id } seats(includeInactive: true) { nodes { id label } }',
    },
  },
  Seat: {
    own: (world) => ({ __typename: 'Seat', id: world.a.seats.S1! }),
    foreign: (world) => mapSeatsOfB(world, (id) => ({ __typename: 'Seat', id })),
    nowhere: () => ({ __typename: 'Seat', id: randomUUID() }),
    selection: { bookings: 'id label zone features active library { id name }' },
  },
  Booking: {
    own: (world) => ({ __typename: 'Booking', id: world.a.booking }),
    foreign: (world) => ({ "B's student's booking": { __typename: 'Booking', id: world.b.booking } }),
    nowhere: () => ({ __typename: 'Booking', id: randomUUID() }),
    selection: { bookings: `${bookingSelection} createdAt checkedInAt cancelledAt cancellationReason` },
  },
};

const apiSchema = buildSchema(readFileSync(new URL('../schema/api.graphql', import.meta.url), 'utf8'));
const rootTypes = { Query: apiSchema.getQueryType(), Mutation: apiSchema.getMutationType() } satisfies Record<string, GraphQLObjectType | null | undefined>;
const supergraph = parse(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
/** Every root field of the API, and the internal ones of the supergraph with the subgraph that answers each. */
const schemaRootFields: { root: keyof typeof rootTypes; field: string; internalTo?: string }[] = [
  ...Object.entries(rootTypes).flatMap(([root, type]) => Object.keys(type?.getFields() ?? {}).map((field) => ({ root: root as keyof typeof rootTypes, field }))),
  ...internalRootFields(supergraph),
];
const resolvableEntities = entitiesOf(supergraph);

function internalRootFields(document: DocumentNode) {
  return document.definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION && (definition.name.value === 'Query' || definition.name.value === 'Mutation')
      ? (definition.fields ?? [])
          .filter((field) => field.directives?.some((directive) => directive.name.value === 'inaccessible'))
          .map((field) => ({ root: definition.name.value as keyof typeof rootTypes, field: field.name.value, internalTo: owningSubgraph(document, definition.name.value, field.name.value)! }))
      : [],
  );
}

/** Where a root field is asked: the router for the API's fields, the owning subgraph for internal ones. */
const urlOf = (internalTo: string | undefined) => (internalTo ? `${stack.subgraphs[internalTo as SubgraphName].url}/graphql` : stack.graphqlUrl);

/** Every (entity type, subgraph) pair of the supergraph where the subgraph resolves the type by a key. */
function entitiesOf(document: DocumentNode): { type: string; subgraph: string }[] {
  const names = subgraphNames(document);
  const entities: { type: string; subgraph: string }[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'join__type') continue;
      const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const graph = argument('graph');
      const resolvable = argument('resolvable');
      if (!argument('key') || graph?.kind !== Kind.ENUM) continue;
      if (resolvable?.kind === Kind.BOOLEAN && !resolvable.value) continue;
      entities.push({ type: definition.name.value, subgraph: names.get(graph.value) ?? `unknown graph ${graph.value}` });
    }
  }
  return entities;
}

let stack: TestStack;
let admin: Member;
let world: World;

/** A round-the-clock library of the owner's tenant with seats of the given labels, made through the API. */
async function openLibrary(owner: Member, name: string, labels: string[]) {
  const { createLibrary } = await must(stack.graphqlUrl, IsoCreateLibraryDocument, { input: libraryInput(name) }, owner.token);
  const seats: Record<string, string> = {};
  if (labels.length > 0) {
    const { addSeats } = await must(stack.graphqlUrl, IsoAddSeatsDocument, { libraryId: createLibrary.id, seats: labels.map((label) => ({ label, zone: 'Ground floor', features: ['power'] })) }, owner.token);
    for (const seat of addSeats) seats[seat.label] = seat.id;
  }
  return { library: { id: createLibrary.id, name: createLibrary.name }, seats };
}

async function book(student: Member, seatId: string, slot: Slot): Promise<string> {
  const { createBooking } = await must(stack.graphqlUrl, IsoCreateBookingDocument, { input: { seatId, ...slot } }, student.token);
  return createBooking.id;
}

async function side(label: 'A' | 'B', seatLabels: string[], slot: Slot): Promise<Omit<Side, 'events'>> {
  const tenant = await createTenant(stack.graphqlUrl, admin);
  const staff = await createMember(stack.graphqlUrl, tenant.owner, tenant.id, tenant.slug, 'STAFF');
  const student = await registerStudent(stack.graphqlUrl, tenant.slug, `Student of ${label}`);
  const { library, seats } = await openLibrary(tenant.owner, `Reading room ${tenant.slug}`, seatLabels);
  const booking = await book(student, seats.S1!, slot);
  return { id: tenant.id, slug: tenant.slug, name: `Tenant ${tenant.slug}`, members: { OWNER: tenant.owner, STAFF: staff, STUDENT: student }, library, seats, booking };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; setup fails naming `what` if it never does. */
async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() >= deadline) throw new Error(`Gave up waiting until ${what}`);
    await sleep(50);
  }
}


/** The id of the one recorded event that matches, once the bus has delivered it. */
async function recordedEventId(recorder: EventRecorder, what: string, matches: (event: CarrelEvent) => boolean): Promise<string> {
  await until(`the bus delivers ${what}`, () => recorder.events.some(matches));
  const found = recorder.events.filter(matches);
  if (found.length !== 1) throw new Error(`Expected one event for ${what}, received ${found.length}`);
  return found[0]!.id;
}

/** Whether the router (by the owner's token) and sign-in (by the owner's password) both treat the tenant as `status`. */
async function treatedAs(tenant: Omit<Side, 'events'>, status: 'SUSPENDED' | 'ACTIVE'): Promise<boolean> {
  const owner = tenant.members.OWNER;
  const seenAs = (response: GraphQLResponse<unknown>, field: string) =>
    errorCodes(response).includes('TENANT_SUSPENDED') ? 'SUSPENDED' : rootOf(response, field) ? 'ACTIVE' : 'neither';
  if (seenAs(await request(stack.graphqlUrl, CurrentTenantDocument, {}, owner.token), 'currentTenant') !== status) return false;
  const signIn = await request(stack.graphqlUrl, LoginDocument, { input: { email: owner.email, password: owner.password, tenantSlug: tenant.slug } });
  if (signIn.data?.login) await must(stack.graphqlUrl, LogoutDocument, { refreshToken: signIn.data.login.refreshToken });
  return seenAs(signIn, 'login') === status;
}

/**
 * The tenant's events: its student's booking's, and those of suspending and reactivating it as
 * the platform admin. Waits until the router and sign-in have seen the suspension and then the
 * reactivation, so the tests start on a fully active tenant whose members' sessions, which a
 * suspension does not end, still work (every attack's snapshot of B checks that they renew).
 */
async function eventsOf(recorder: EventRecorder, label: string, tenant: Omit<Side, 'events'>): Promise<Side['events']> {
  await must(stack.graphqlUrl, SuspendTenantDocument, { id: tenant.id, reason: 'Status events for the isolation tests' }, admin.token);
  await until(`${label} is treated as suspended`, () => treatedAs(tenant, 'SUSPENDED'));
  await must(stack.graphqlUrl, ReactivateTenantDocument, { id: tenant.id }, admin.token);
  await until(`${label} is treated as active again`, () => treatedAs(tenant, 'ACTIVE'));
  return {
    booking: await recordedEventId(recorder, `the creation of ${label}'s booking`, (event) => event.type === 'BOOKING_CREATED' && event.keys.bookingId === tenant.booking),
    suspended: await recordedEventId(recorder, `${label}'s suspension`, (event) => event.type === 'TENANT_SUSPENDED' && event.tenantId === tenant.id),
    reactivated: await recordedEventId(recorder, `${label}'s reactivation`, (event) => event.type === 'TENANT_REACTIVATED' && event.tenantId === tenant.id),
  };
}

beforeAll(async () => {
  stack = await sharedTestStack();
  // Listening before anything happens: the tests need the ids of events that subscribers receive.
  const recorder = await recordEvents(stack.bus);
  try {
    admin = await loginAdmin(stack.graphqlUrl);
    const halfHour = SLOT_MINUTES * MINUTE;
    const start = Math.ceil((Date.now() + 60 * MINUTE) / halfHour) * halfHour;
    const slot = { startsAt: new Date(start).toISOString(), endsAt: new Date(start + halfHour).toISOString() };
    const [a, b] = [await side('A', ['S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'], slot), await side('B', ['S1', 'S2'], slot)];
    const spare = () => createMember(stack.graphqlUrl, a.members.OWNER, a.id, a.slug, 'STUDENT');
    const student = a.members.STUDENT;
    world = {
      a: { ...a, events: await eventsOf(recorder, 'A', a) },
      b: { ...b, events: await eventsOf(recorder, 'B', b) },
      slot,
      aSpares: {
        promoted: await spare(),
        disabled: await spare(),
        library: (await openLibrary(a.members.OWNER, `Annexe ${a.slug}`, [])).library.id,
        seats: { free: a.seats.S6!, deactivated: a.seats.S7! },
        bookings: {
          cancelledByStudent: await book(student, a.seats.S2!, slot),
          cancelledByOwner: await book(student, a.seats.S3!, slot),
          checkedInByStudent: await book(student, a.seats.S4!, slot),
          checkedInByStaff: await book(student, a.seats.S5!, slot),
        },
      },
    };
  } finally {
    await recorder.stop();
  }
});

/** Strings only B's data contains: none may appear in anything A receives. */
function secretsOfB(): string[] {
  const members = Object.values(world.b.members);
  return [
    world.b.id,
    world.b.slug,
    ...members.map((member) => member.id),
    ...members.map((member) => member.email),
    world.b.library.id,
    ...Object.values(world.b.seats),
    world.b.booking,
    ...Object.values(world.b.events),
  ];
}

/** `named`: ids A itself sent, which a subgraph that cannot tell whether they exist may echo. */
function expectNothingOfB(response: unknown, named: string[] = []) {
  const body = JSON.stringify(response);
  const secrets = secretsOfB().filter((secret) => !named.includes(secret));
  expect(secrets.filter((secret) => body.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
}

/** What a client can tell from a refusal: status, data and errors without their source positions. */
const rootOf = (response: GraphQLResponse<unknown>, field: string) => (response.data as Record<string, unknown> | null | undefined)?.[field];

const observable = (response: GraphQLResponse<unknown>) => ({
  status: response.status,
  data: response.data,
  errors: response.errors?.map(({ message, extensions }) => ({ message, extensions })),
});

const SnapshotOfB = parse(`
  query SnapshotOfB($id: ID!) {
    tenant(id: $id) { id slug name status plan settings { timezone currency } branding { logoUrl primaryColor } suspensionReason suspendedAt createdAt }
    users(tenantId: $id, first: 100) { nodes { id email displayName role status createdAt tenant { id } } pageInfo { hasNextPage } }
    libraries(tenantId: $id) {
      nodes {
        id name address timezone status createdAt tenant { id }
        openingHours { weekday opensAt closesAt } hourlyPrice { amountMinor currency }
        rules { slotMinutes maxBookingMinutes cancellationCutoffMinutes checkInWindowMinutes }
        seats(includeInactive: true) { nodes { id label zone features active } pageInfo { hasNextPage } }
      }
      pageInfo { hasNextPage }
    }
    bookings(tenantId: $id) {
      nodes {
        id status startsAt endsAt price { amountMinor currency } user { id } bookedBy { id } seat { id } library { id }
        createdAt checkedInAt cancelledAt cancellationReason
      }
      pageInfo { hasNextPage }
    }
  }
`);

/** B as a platform admin sees it, and whether each of B's members can still renew their session. */
async function snapshotOfB() {
  const response = await request(stack.graphqlUrl, SnapshotOfB, { id: world.b.id }, admin.token);
  expect(response.errors).toBeUndefined();
  const sessions: Record<string, unknown> = {};
  for (const role of ROLES) {
    const member = world.b.members[role];
    const refreshed = await request(stack.graphqlUrl, RefreshSessionDocument, { refreshToken: member.refreshToken });
    if (refreshed.data?.refreshSession) {
      member.refreshToken = refreshed.data.refreshSession.refreshToken;
      member.token = refreshed.data.refreshSession.accessToken;
    }
    sessions[role] = refreshed.data?.refreshSession ? 'renews' : errorCodes(refreshed);
  }
  return { data: response.data, sessions };
}

describe('the attack table', () => {
  it('has an entry for every root Query and Mutation field of the API', () => {
    const missing = schemaRootFields.filter(({ root, field }) => !rootFields[root][field]).map(({ root, field }) => `${root}.${field}`);
    expect(missing, 'Add how a member of tenant A would aim these fields at tenant B').toEqual([]);
  });

  it('names no field the API does not have', () => {
    const known = new Set(schemaRootFields.map(({ root, field }) => `${root}.${field}`));
    const stale = Object.entries(rootFields).flatMap(([root, fields]) => Object.keys(fields).map((field) => `${root}.${field}`)).filter((name) => !known.has(name));
    expect(stale).toEqual([]);
  });

  it('gives a reason wherever a field takes no foreign id', () => {
    const unexplained = Object.entries(rootFields).flatMap(([root, fields]) =>
      Object.entries(fields).filter(([, entry]) => 'noForeignId' in entry && entry.noForeignId.trim().length < 10).map(([field]) => `${root}.${field}`),
    );
    expect(unexplained).toEqual([]);
  });
});

describe('the event ids the attacks and controls name', () => {
  // A null for A would prove nothing if the ids named no event: each tenant's own members read them.
  it.each(['A', 'B'] as const)('are %s’s real events, which each of its members can read', async (label) => {
    const side = label === 'A' ? world.a : world.b;
    for (const role of ROLES) {
      const token = side.members[role].token;
      const { bookingEvent } = await must(urlOf('bookings'), BookingEventQuery, { eventId: side.events.booking }, token);
      expect(bookingEvent, `${role} reading the booking's event`).toMatchObject({ eventId: side.events.booking, type: 'CREATED', booking: { id: side.booking } });
      for (const [type, eventId] of [['SUSPENDED', side.events.suspended], ['REACTIVATED', side.events.reactivated]] as const) {
        const { tenantStatusEvent } = await must(urlOf('tenants'), TenantStatusEventQuery, { eventId }, token);
        expect(tenantStatusEvent, `${role} reading the ${type} event`).toMatchObject({ eventId, type, tenant: { id: side.id, status: 'ACTIVE' } });
      }
    }
  });
});

for (const { root, field, internalTo } of schemaRootFields) {
  const entry = rootFields[root][field];
  if (!entry || 'noForeignId' in entry) continue;
  const refusalFor = (role: TenantRole) => (typeof entry.refusal === 'string' ? entry.refusal : entry.refusal[role]);

  describe(`${root}.${field} aimed at tenant B${internalTo ? ` (internal, asked of the ${internalTo} subgraph)` : ''}`, () => {
    it.each(ROLES)('is refused to A’s %s without a trace of B', async (role) => {
      const attacker = world.a.members[role];
      const before = await snapshotOfB();
      const refusal = refusalFor(role);
      for (const [label, variables] of Object.entries(entry.targets(world))) {
        const response = await request(urlOf(internalTo), entry.document, variables, attacker.token);
        expect(errorCodes(response), `${field} naming ${label}`).toEqual(refusal === 'NULL' ? [] : [refusal]);
        expect(rootOf(response, field) ?? null, `${field} naming ${label}`).toBeNull();
        if (refusal === 'NULL') expect(response.data, `${field} naming ${label}`).toEqual({ [field]: null });
        expectNothingOfB(response);
        if (entry.nowhere) {
          const elsewhere = await request(urlOf(internalTo), entry.document, entry.nowhere(), attacker.token);
          expect(observable(response), `${field} naming ${label} must look like naming nothing`).toEqual(observable(elsewhere));
        }
        await entry.leavesNoTrace?.(variables);
      }
      expect(await snapshotOfB()).toEqual(before);
    });

    for (const control of entry.controls ?? []) {
      it(`works for A’s ${control.as.toLowerCase()} on A’s own objects, showing nothing of B`, async () => {
        const response = await request(urlOf(internalTo), entry.document, control.variables(world), world.a.members[control.as].token);
        expect(response.errors).toBeUndefined();
        expect(rootOf(response, field)).toBeTruthy();
        expectNothingOfB(response);
      });
    }
  });
}

describe('the entity table', () => {
  it('has a case for every entity a subgraph resolves by @key', () => {
    const missing = resolvableEntities
      .filter(({ type, subgraph }) => !entityCases[type]?.selection[subgraph])
      .map(({ type, subgraph }) => `${type} in ${subgraph}`);
    expect(missing, 'Add how tenant A would resolve tenant B’s entity').toEqual([]);
  });

  it('names no entity the supergraph does not have', () => {
    const known = new Set(resolvableEntities.map(({ type, subgraph }) => `${type} in ${subgraph}`));
    const stale = Object.entries(entityCases).flatMap(([type, entityCase]) => Object.keys(entityCase.selection).map((subgraph) => `${type} in ${subgraph}`)).filter((name) => !known.has(name));
    expect(stale).toEqual([]);
  });
});

for (const { type, subgraph } of resolvableEntities) {
  const entityCase = entityCases[type];
  const selection = entityCase?.selection[subgraph];
  if (!entityCase || !selection) continue;
  const stranger = entityCase.stranger?.[subgraph];
  /** Null, or for a subgraph that cannot tell whether the object exists, what any key resolves to. */
  const foreignResult = (representation: Representation) => (stranger ? expect.toBeOneOf([null, stranger(representation)]) : null);
  const namedIds = (representations: Representation[]) => (stranger ? representations.map((representation) => String(representation.id)) : []);
  /** What a client can tell, with the id it named itself replaced, where the subgraph may echo it. */
  const seen = (response: GraphQLResponse<unknown>, representation: Representation) =>
    stranger ? JSON.parse(JSON.stringify(observable(response)).replaceAll(String(representation.id), '<named id>')) : observable(response);
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${selection} } } }`;
  const resolve = (representations: Representation[], token: string) => {
    const server = stack.subgraphs[subgraph as keyof TestStack['subgraphs']];
    if (!server) throw new Error(`The test stack runs no subgraph named ${subgraph}`);
    return request<{ _entities: (Record<string, unknown> | null)[] }, { r: Representation[] }>(`${server.url}/graphql`, query, { r: representations }, token);
  };

  describe(`${type} entities of tenant B in the ${subgraph} subgraph, asked for directly`, () => {
    const nothing = stranger ? 'to nothing of B' : 'to null';
    it.each(ROLES)(`resolve ${nothing} for A’s %s, exactly as if they did not exist`, async (role) => {
      const token = world.a.members[role].token;
      for (const [label, representation] of Object.entries(entityCase.foreign(world))) {
        const response = await resolve([representation], token);
        expect(response.data?._entities, label).toEqual([foreignResult(representation)]);
        expectNothingOfB(response, namedIds([representation]));
        const nowhere = entityCase.nowhere();
        expect(seen(response, representation), label).toEqual(seen(await resolve([nowhere], token), nowhere));
      }
    });

    it.each(ROLES)(`resolve ${nothing} beside A’s own, which A’s %s can resolve`, async (role) => {
      const own = entityCase.own(world, role);
      const foreign = Object.values(entityCase.foreign(world));
      const response = await resolve([own, ...foreign], world.a.members[role].token);
      expect(response.errors).toBeUndefined();
      const { __typename: _typename, ...key } = own;
      expect(response.data?._entities).toEqual([expect.objectContaining(key), ...foreign.map(foreignResult)]);
      expectNothingOfB(response, namedIds(foreign));
    });
  });
}

describe('bookings filtered by tenant B’s objects', () => {
  const filters = (world: World) => ({
    "B's library": { libraryId: world.b.library.id },
    "B's student": { userId: world.b.members.STUDENT.id },
  });
  const nowhere = { "B's library": { libraryId: randomUUID() }, "B's student": { userId: randomUUID() } };

  it.each(['OWNER', 'STAFF'] as const)('give A’s %s an empty page, exactly as ids that exist nowhere', async (role) => {
    const token = world.a.members[role].token;
    for (const [label, filter] of Object.entries(filters(world))) {
      const response = await request(stack.graphqlUrl, IsoBookingsDocument, { filter, first: 100 }, token);
      expect(response.errors, label).toBeUndefined();
      expect(response.data?.bookings.nodes, label).toEqual([]);
      expectNothingOfB(response);
      const elsewhere = await request(stack.graphqlUrl, IsoBookingsDocument, { filter: nowhere[label as keyof typeof nowhere], first: 100 }, token);
      expect(observable(response), label).toEqual(observable(elsewhere));
    }
  });

  it('find A’s own bookings for A’s owner, showing nothing of B', async () => {
    const token = world.a.members.OWNER.token;
    for (const filter of [{ libraryId: world.a.library.id }, { userId: world.a.members.STUDENT.id }]) {
      const response = await request(stack.graphqlUrl, IsoBookingsDocument, { filter, first: 100 }, token);
      expect(response.errors).toBeUndefined();
      expect(response.data?.bookings.nodes.map((booking) => booking.id)).toContain(world.a.booking);
      expectNothingOfB(response);
    }
  });
});

describe('createBooking on behalf of a member of tenant B', () => {
  let attempts = 0;
  /** Each attempt on its own later half hour, so one wrongly accepted cannot make the next a conflict. */
  const onBehalfOf = (userId: string) => ({ input: { seatId: world.aSpares.seats.free, userId, ...slotAfter(world.slot, ++attempts) } });

  /** A's bookings for each of B's members, as A's owner finds them by filter. */
  async function bookingsInAFor(members: Record<string, Member>) {
    const found: Record<string, string[]> = {};
    for (const [label, member] of Object.entries(members)) {
      const response = await request(stack.graphqlUrl, IsoBookingsDocument, { filter: { userId: member.id }, first: 100 }, world.a.members.OWNER.token);
      found[label] = response.data?.bookings.nodes.map((booking) => booking.id) ?? [];
    }
    return found;
  }

  it.each([
    ['OWNER', 'NOT_FOUND'],
    ['STAFF', 'NOT_FOUND'],
    ['STUDENT', 'FORBIDDEN'],
  ] as const)('is refused to A’s %s with %s, as for a user who exists nowhere, and books nothing', async (role, refusal) => {
    const attacker = world.a.members[role];
    const members = eachMemberOfB(world, (member) => member);
    const before = { b: await snapshotOfB(), a: await bookingsInAFor(members) };
    for (const [label, member] of Object.entries(members)) {
      const response = await request(stack.graphqlUrl, IsoCreateBookingDocument, onBehalfOf(member.id), attacker.token);
      expect(errorCodes(response), `booking A's seat for ${label}`).toEqual([refusal]);
      expect(response.data?.createBooking ?? null, `booking A's seat for ${label}`).toBeNull();
      expectNothingOfB(response, [member.id]);
      const elsewhere = await request(stack.graphqlUrl, IsoCreateBookingDocument, onBehalfOf(randomUUID()), attacker.token);
      expect(observable(response), `booking A's seat for ${label} must look like booking it for nobody`).toEqual(observable(elsewhere));
    }
    expect(await bookingsInAFor(members)).toEqual(before.a);
    expect(await snapshotOfB()).toEqual(before.b);
  });
});
