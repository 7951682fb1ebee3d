import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { LibraryMapper, SeatMapper, BookingMapper, BookingPolicyMapper, BookingEventMapper, UserMapper, TenantMapper } from '../mappers.js';
import type { BookingsContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date and time with offset, e.g. `2026-11-23T09:00:00+01:00`. */
  DateTime: { input: Date; output: Date | string; }
  /** An integer between -(2^53 - 1) and 2^53 - 1, exact in JSON. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A seat held for a student for a period `[startsAt, endsAt)`. */
export type Booking = {
  __typename?: 'Booking';
  /** Who made the booking: the student, or staff on their behalf. */
  bookedBy?: Maybe<User>;
  cancellationReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  checkedInAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  endsAt: Scalars['DateTime']['output'];
  /** Until when an unpaid booking holds its seat; set while and after it was PENDING_PAYMENT. */
  holdExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  library?: Maybe<Library>;
  /** Computed by the server from the library's hourly price. */
  price: Money;
  seat?: Maybe<Seat>;
  startsAt: Scalars['DateTime']['output'];
  status: BookingStatus;
  /** The student the seat is for. */
  user?: Maybe<User>;
};

export type BookingConnection = {
  __typename?: 'BookingConnection';
  nodes: Array<Booking>;
  pageInfo: PageInfo;
};

/** Something that happened to a booking, as delivered to `bookingEvents` subscribers. */
export type BookingEvent = {
  __typename?: 'BookingEvent';
  /** The booking as it is now; null if the viewer may not see it. */
  booking?: Maybe<Booking>;
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  type: BookingEventType;
};

export type BookingEventType =
  | 'CANCELLED'
  | 'CHECKED_IN'
  /** A booking awaiting payment was paid. */
  | 'CONFIRMED'
  | 'CREATED'
  /** A booking awaiting payment was not paid in time. */
  | 'EXPIRED';

export type BookingFilter = {
  /** Bookings that overlap `[from, to)`. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  libraryId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<BookingStatus>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

/** How a tenant's bookings hold seats. */
export type BookingPolicy = {
  __typename?: 'BookingPolicy';
  /** How long an unpaid booking holds its seat: 5 to 7200 seconds (default 900, a quarter of an hour). */
  holdSeconds: Scalars['Int']['output'];
  /**
   * When true, a new booking is PENDING_PAYMENT and holds its seat for `holdSeconds`; paying confirms
   * it, and an unpaid one expires. When false, bookings are confirmed at once and paid later or at the desk.
   */
  paymentRequired: Scalars['Boolean']['output'];
};

export type BookingPolicyInput = {
  holdSeconds?: InputMaybe<Scalars['Int']['input']>;
  paymentRequired?: InputMaybe<Scalars['Boolean']['input']>;
};

/** How seats of a library may be booked. */
export type BookingRules = {
  __typename?: 'BookingRules';
  /** Students may cancel until this many minutes before the start. */
  cancellationCutoffMinutes: Scalars['Int']['output'];
  /** Check-in opens this many minutes before the start and closes this many after it. */
  checkInWindowMinutes: Scalars['Int']['output'];
  /** The longest booking allowed. */
  maxBookingMinutes: Scalars['Int']['output'];
  /** Bookings start and end on multiples of this many minutes after midnight (15, 30 or 60). */
  slotMinutes: Scalars['Int']['output'];
};

export type BookingRulesInput = {
  cancellationCutoffMinutes: Scalars['Int']['input'];
  checkInWindowMinutes: Scalars['Int']['input'];
  maxBookingMinutes: Scalars['Int']['input'];
  slotMinutes: Scalars['Int']['input'];
};

export type BookingStatus =
  | 'CANCELLED'
  | 'CHECKED_IN'
  | 'CONFIRMED'
  /** Was not paid in time; its seat is free again. */
  | 'EXPIRED'
  /** Holds its seat until `holdExpiresAt`, waiting to be paid (when the tenant's policy requires payment). */
  | 'PENDING_PAYMENT';

export type CreateBookingInput = {
  endsAt: Scalars['DateTime']['input'];
  seatId: Scalars['ID']['input'];
  startsAt: Scalars['DateTime']['input'];
  /** Staff and owners book on a student's behalf; students always book for themselves. */
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type CreateLibraryInput = {
  address: Scalars['String']['input'];
  hourlyPrice: MoneyInput;
  name: Scalars['String']['input'];
  openingHours: Array<OpeningHoursInput>;
  rules: BookingRulesInput;
  timezone: Scalars['String']['input'];
};

/** Which events one subscriber receives, as the router applies them. Internal. */
export type EventFilter = {
  __typename?: 'EventFilter';
  /**
   * Subscribers with the same audience, role and selection receive the same payload, hydrated once
   * for all of them: the subgraph promises that what they may see of each event is the same.
   */
  audience: Scalars['String']['output'];
  eventTypes: Array<Scalars['String']['output']>;
  /** Every key listed must have one of its values in the event. */
  keys: Array<EventKeyMatch>;
  /** The tenant whose events these are. */
  tenantId: Scalars['ID']['output'];
};

export type EventKeyMatch = {
  __typename?: 'EventKeyMatch';
  key: Scalars['String']['output'];
  values: Array<Scalars['String']['output']>;
};

/** A study library of a tenant: its seats are what students book. */
export type Library = {
  __typename?: 'Library';
  address: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  hourlyPrice: Money;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** Days without an entry are closed. */
  openingHours: Array<OpeningHours>;
  rules: BookingRules;
  /** Seats, in label order. */
  seats: SeatConnection;
  status: LibraryStatus;
  tenant?: Maybe<Tenant>;
  /** IANA time zone in which opening hours are given. */
  timezone: Scalars['String']['output'];
};


/** A study library of a tenant: its seats are what students book. */
export type LibrarySeatsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeInactive?: InputMaybe<Scalars['Boolean']['input']>;
};

export type LibraryConnection = {
  __typename?: 'LibraryConnection';
  nodes: Array<Library>;
  pageInfo: PageInfo;
};

export type LibraryStatus =
  /** No new bookings; existing ones stand. */
  | 'CLOSED'
  | 'OPEN';

/** An amount of money in integer minor units (paise, pence, cents) of an ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  /** Minor units: 15000 INR is ₹150.00. */
  amountMinor: Scalars['SafeInt']['output'];
  currency: Scalars['String']['output'];
};

export type MoneyInput = {
  amountMinor: Scalars['SafeInt']['input'];
  currency: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds seats to a library; labels are unique within it. */
  addSeats: Array<Seat>;
  /** Students cancel their own bookings before the library's cut-off; owners any time. */
  cancelBooking: Booking;
  /** Within the library's check-in window; staff check in anyone of their tenant. */
  checkIn: Booking;
  /** Stops new bookings; existing bookings stand. */
  closeLibrary: Library;
  /** Books a seat; overlapping an active booking of the seat is BOOKING_CONFLICT. */
  createBooking: Booking;
  /** Owners add a library to their tenant. */
  createLibrary: Library;
  deactivateSeat: Seat;
  /** Owners set whether their tenant's bookings must be paid to hold a seat. */
  updateBookingPolicy: BookingPolicy;
  updateLibrary: Library;
  updateSeat: Seat;
};


export type MutationAddSeatsArgs = {
  libraryId: Scalars['ID']['input'];
  seats: Array<SeatInput>;
};


export type MutationCancelBookingArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCheckInArgs = {
  bookingId: Scalars['ID']['input'];
};


export type MutationCloseLibraryArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateBookingArgs = {
  input: CreateBookingInput;
};


export type MutationCreateLibraryArgs = {
  input: CreateLibraryInput;
};


export type MutationDeactivateSeatArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateBookingPolicyArgs = {
  input: BookingPolicyInput;
};


export type MutationUpdateLibraryArgs = {
  id: Scalars['ID']['input'];
  input: UpdateLibraryInput;
};


export type MutationUpdateSeatArgs = {
  id: Scalars['ID']['input'];
  input: UpdateSeatInput;
};

/** When a library is open on one weekday, in the library's time zone. */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  /** `HH:MM`, after `opensAt`; `24:00` for midnight. */
  closesAt: Scalars['String']['output'];
  /** `HH:MM`, e.g. `08:00`. */
  opensAt: Scalars['String']['output'];
  weekday: Weekday;
};

export type OpeningHoursInput = {
  closesAt: Scalars['String']['input'];
  opensAt: Scalars['String']['input'];
  weekday: Weekday;
};

/** Where a page of a list ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  booking?: Maybe<Booking>;
  /** Booking events by id, in the order asked, each as the viewer may see it (null otherwise), at most 100 at once; the router hydrates `bookingEvents` with them. Internal. */
  bookingEventsByIds: Array<Maybe<BookingEvent>>;
  /** Which booking events a `bookingEvents` subscriber with these arguments receives. Internal. */
  bookingEventsFilter: EventFilter;
  /** Bookings of the tenant for staff and owners, newest start first; platform admins name a tenant. */
  bookings: BookingConnection;
  /** Libraries of the viewer's tenant, newest first; platform admins name a tenant. */
  libraries: LibraryConnection;
  library?: Maybe<Library>;
  /** The signed-in student's bookings, newest start first. */
  myBookings: BookingConnection;
  /**
   * Every active seat of the library and whether it can be booked for exactly `[startsAt, endsAt)`
   * as one booking: free of other bookings, and within the library's rules (open library, opening
   * hours, slot grid, maximum length, one local day, in the future). Anything else shows no seat free.
   */
  seatAvailability: Array<SeatAvailability>;
};


export type QueryBookingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBookingEventsByIdsArgs = {
  eventIds: Array<Scalars['ID']['input']>;
};


export type QueryBookingEventsFilterArgs = {
  libraryId?: InputMaybe<Scalars['ID']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<BookingEventType>>;
};


export type QueryBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<BookingFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryLibrariesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryLibraryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMyBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<BookingStatus>;
};


export type QuerySeatAvailabilityArgs = {
  endsAt: Scalars['DateTime']['input'];
  libraryId: Scalars['ID']['input'];
  startsAt: Scalars['DateTime']['input'];
};

/** A seat students book by the hour. */
export type Seat = {
  __typename?: 'Seat';
  /** Inactive seats cannot be booked. */
  active: Scalars['Boolean']['output'];
  /** E.g. `power`, `window`, `lamp`. */
  features: Array<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  label: Scalars['String']['output'];
  library?: Maybe<Library>;
  /** E.g. `Quiet room`, `Ground floor`. */
  zone?: Maybe<Scalars['String']['output']>;
};

/** Whether a seat is free for the whole of a period. */
export type SeatAvailability = {
  __typename?: 'SeatAvailability';
  free: Scalars['Boolean']['output'];
  seat: Seat;
};

export type SeatConnection = {
  __typename?: 'SeatConnection';
  nodes: Array<Seat>;
  pageInfo: PageInfo;
};

export type SeatInput = {
  features?: InputMaybe<Array<Scalars['String']['input']>>;
  label: Scalars['String']['input'];
  zone?: InputMaybe<Scalars['String']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Booking events of the viewer's tenant as they happen (over graphql-ws on the router's
   * /graphql). Staff and owners receive all of them, students their own bookings' only; platform
   * admins name a tenant. Optionally one library's, or some event types.
   */
  bookingEvents: BookingEvent;
};


export type SubscriptionBookingEventsArgs = {
  libraryId?: InputMaybe<Scalars['ID']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<BookingEventType>>;
};

export type Tenant = {
  __typename?: 'Tenant';
  /** Whether bookings must be paid to hold their seats, and for how long an unpaid one holds it. */
  bookingPolicy: BookingPolicy;
  id: Scalars['ID']['output'];
  /** The tenant's libraries, newest first. */
  libraries: LibraryConnection;
};


export type TenantLibrariesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type UpdateLibraryInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  hourlyPrice?: InputMaybe<MoneyInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  openingHours?: InputMaybe<Array<OpeningHoursInput>>;
  rules?: InputMaybe<BookingRulesInput>;
  timezone?: InputMaybe<Scalars['String']['input']>;
};

export type UpdateSeatInput = {
  features?: InputMaybe<Array<Scalars['String']['input']>>;
  label?: InputMaybe<Scalars['String']['input']>;
  zone?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  /** The user's bookings, newest start first: their own, or any of the tenant's for staff. */
  bookings: BookingConnection;
  id: Scalars['ID']['output'];
};


export type UserBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<BookingStatus>;
};

export type Weekday =
  | 'FRIDAY'
  | 'MONDAY'
  | 'SATURDAY'
  | 'SUNDAY'
  | 'THURSDAY'
  | 'TUESDAY'
  | 'WEDNESDAY';

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Booking: Booking;
  Library: Library;
  Seat: Seat;
  Tenant: Tenant;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Booking:
    ( { __typename: 'Booking' }
    & GraphQLRecursivePick<FederationTypes['Booking'], {"id":true}> );
  Library:
    ( { __typename: 'Library' }
    & GraphQLRecursivePick<FederationTypes['Library'], {"id":true}> );
  Seat:
    ( { __typename: 'Seat' }
    & GraphQLRecursivePick<FederationTypes['Seat'], {"id":true}> );
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Booking: ResolverTypeWrapper<BookingMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BookingConnection: ResolverTypeWrapper<Omit<BookingConnection, 'nodes'> & { nodes: Array<ResolversTypes['Booking']> }>;
  BookingEvent: ResolverTypeWrapper<BookingEventMapper>;
  BookingEventType: BookingEventType;
  BookingFilter: BookingFilter;
  BookingPolicy: ResolverTypeWrapper<BookingPolicyMapper>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BookingPolicyInput: BookingPolicyInput;
  BookingRules: ResolverTypeWrapper<BookingRules>;
  BookingRulesInput: BookingRulesInput;
  BookingStatus: BookingStatus;
  CreateBookingInput: CreateBookingInput;
  CreateLibraryInput: CreateLibraryInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EventFilter: ResolverTypeWrapper<EventFilter>;
  EventKeyMatch: ResolverTypeWrapper<EventKeyMatch>;
  Library: ResolverTypeWrapper<LibraryMapper>;
  LibraryConnection: ResolverTypeWrapper<Omit<LibraryConnection, 'nodes'> & { nodes: Array<ResolversTypes['Library']> }>;
  LibraryStatus: LibraryStatus;
  Money: ResolverTypeWrapper<Money>;
  MoneyInput: MoneyInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OpeningHours: ResolverTypeWrapper<OpeningHours>;
  OpeningHoursInput: OpeningHoursInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  Seat: ResolverTypeWrapper<SeatMapper>;
  SeatAvailability: ResolverTypeWrapper<Omit<SeatAvailability, 'seat'> & { seat: ResolversTypes['Seat'] }>;
  SeatConnection: ResolverTypeWrapper<Omit<SeatConnection, 'nodes'> & { nodes: Array<ResolversTypes['Seat']> }>;
  SeatInput: SeatInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantMapper>;
  UpdateLibraryInput: UpdateLibraryInput;
  UpdateSeatInput: UpdateSeatInput;
  User: ResolverTypeWrapper<UserMapper>;
  Weekday: Weekday;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Booking: BookingMapper;
  ID: Scalars['ID']['output'];
  BookingConnection: Omit<BookingConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Booking']> };
  BookingEvent: BookingEventMapper;
  BookingFilter: BookingFilter;
  BookingPolicy: BookingPolicyMapper;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  BookingPolicyInput: BookingPolicyInput;
  BookingRules: BookingRules;
  BookingRulesInput: BookingRulesInput;
  CreateBookingInput: CreateBookingInput;
  CreateLibraryInput: CreateLibraryInput;
  DateTime: Scalars['DateTime']['output'];
  EventFilter: EventFilter;
  EventKeyMatch: EventKeyMatch;
  Library: LibraryMapper;
  LibraryConnection: Omit<LibraryConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Library']> };
  Money: Money;
  MoneyInput: MoneyInput;
  Mutation: Record<PropertyKey, never>;
  OpeningHours: OpeningHours;
  OpeningHoursInput: OpeningHoursInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  Seat: SeatMapper;
  SeatAvailability: Omit<SeatAvailability, 'seat'> & { seat: ResolversParentTypes['Seat'] };
  SeatConnection: Omit<SeatConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Seat']> };
  SeatInput: SeatInput;
  Subscription: Record<PropertyKey, never>;
  Tenant: TenantMapper;
  UpdateLibraryInput: UpdateLibraryInput;
  UpdateSeatInput: UpdateSeatInput;
  User: UserMapper;
  String: Scalars['String']['output'];
}>;

export type EventSubscriptionDirectiveArgs = {
  events: Scalars['String']['input'];
  filter: Scalars['String']['input'];
};

export type EventSubscriptionDirectiveResolver<Result, Parent, ContextType = BookingsContext, Args = EventSubscriptionDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type BookingResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Booking'] = ResolversParentTypes['Booking'], FederationReferenceType extends FederationReferenceTypes['Booking'] = FederationReferenceTypes['Booking']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Booking']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bookedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  checkedInAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  holdExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  library?: Resolver<Maybe<ResolversTypes['Library']>, ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  seat?: Resolver<Maybe<ResolversTypes['Seat']>, ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type BookingConnectionResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['BookingConnection'] = ResolversParentTypes['BookingConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Booking']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type BookingEventResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['BookingEvent'] = ResolversParentTypes['BookingEvent']> = ResolversObject<{
  booking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['BookingEventType'], ParentType, ContextType>;
}>;

export type BookingPolicyResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['BookingPolicy'] = ResolversParentTypes['BookingPolicy']> = ResolversObject<{
  holdSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  paymentRequired?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type BookingRulesResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['BookingRules'] = ResolversParentTypes['BookingRules']> = ResolversObject<{
  cancellationCutoffMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  checkInWindowMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxBookingMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  slotMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventFilterResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['EventFilter'] = ResolversParentTypes['EventFilter']> = ResolversObject<{
  audience?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['EventKeyMatch']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EventKeyMatchResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['EventKeyMatch'] = ResolversParentTypes['EventKeyMatch']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type LibraryResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Library'] = ResolversParentTypes['Library'], FederationReferenceType extends FederationReferenceTypes['Library'] = FederationReferenceTypes['Library']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Library']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  hourlyPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingHours?: Resolver<Array<ResolversTypes['OpeningHours']>, ParentType, ContextType>;
  rules?: Resolver<ResolversTypes['BookingRules'], ParentType, ContextType>;
  seats?: Resolver<ResolversTypes['SeatConnection'], ParentType, ContextType, RequireFields<LibrarySeatsArgs, 'first' | 'includeInactive'>>;
  status?: Resolver<ResolversTypes['LibraryStatus'], ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LibraryConnectionResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['LibraryConnection'] = ResolversParentTypes['LibraryConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Library']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amountMinor?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addSeats?: Resolver<Array<ResolversTypes['Seat']>, ParentType, ContextType, RequireFields<MutationAddSeatsArgs, 'libraryId' | 'seats'>>;
  cancelBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCancelBookingArgs, 'id'>>;
  checkIn?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCheckInArgs, 'bookingId'>>;
  closeLibrary?: Resolver<ResolversTypes['Library'], ParentType, ContextType, RequireFields<MutationCloseLibraryArgs, 'id'>>;
  createBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCreateBookingArgs, 'input'>>;
  createLibrary?: Resolver<ResolversTypes['Library'], ParentType, ContextType, RequireFields<MutationCreateLibraryArgs, 'input'>>;
  deactivateSeat?: Resolver<ResolversTypes['Seat'], ParentType, ContextType, RequireFields<MutationDeactivateSeatArgs, 'id'>>;
  updateBookingPolicy?: Resolver<ResolversTypes['BookingPolicy'], ParentType, ContextType, RequireFields<MutationUpdateBookingPolicyArgs, 'input'>>;
  updateLibrary?: Resolver<ResolversTypes['Library'], ParentType, ContextType, RequireFields<MutationUpdateLibraryArgs, 'id' | 'input'>>;
  updateSeat?: Resolver<ResolversTypes['Seat'], ParentType, ContextType, RequireFields<MutationUpdateSeatArgs, 'id' | 'input'>>;
}>;

export type OpeningHoursResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['OpeningHours'] = ResolversParentTypes['OpeningHours']> = ResolversObject<{
  closesAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opensAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weekday?: Resolver<ResolversTypes['Weekday'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  booking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType, RequireFields<QueryBookingArgs, 'id'>>;
  bookingEventsByIds?: Resolver<Array<Maybe<ResolversTypes['BookingEvent']>>, ParentType, ContextType, RequireFields<QueryBookingEventsByIdsArgs, 'eventIds'>>;
  bookingEventsFilter?: Resolver<ResolversTypes['EventFilter'], ParentType, ContextType, Partial<QueryBookingEventsFilterArgs>>;
  bookings?: Resolver<ResolversTypes['BookingConnection'], ParentType, ContextType, RequireFields<QueryBookingsArgs, 'first'>>;
  libraries?: Resolver<ResolversTypes['LibraryConnection'], ParentType, ContextType, RequireFields<QueryLibrariesArgs, 'first'>>;
  library?: Resolver<Maybe<ResolversTypes['Library']>, ParentType, ContextType, RequireFields<QueryLibraryArgs, 'id'>>;
  myBookings?: Resolver<ResolversTypes['BookingConnection'], ParentType, ContextType, RequireFields<QueryMyBookingsArgs, 'first'>>;
  seatAvailability?: Resolver<Array<ResolversTypes['SeatAvailability']>, ParentType, ContextType, RequireFields<QuerySeatAvailabilityArgs, 'endsAt' | 'libraryId' | 'startsAt'>>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SeatResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Seat'] = ResolversParentTypes['Seat'], FederationReferenceType extends FederationReferenceTypes['Seat'] = FederationReferenceTypes['Seat']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Seat']> | FederationReferenceType, FederationReferenceType, ContextType>;
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  library?: Resolver<Maybe<ResolversTypes['Library']>, ParentType, ContextType>;
  zone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SeatAvailabilityResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['SeatAvailability'] = ResolversParentTypes['SeatAvailability']> = ResolversObject<{
  free?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  seat?: Resolver<ResolversTypes['Seat'], ParentType, ContextType>;
}>;

export type SeatConnectionResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['SeatConnection'] = ResolversParentTypes['SeatConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Seat']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  bookingEvents?: SubscriptionResolver<ResolversTypes['BookingEvent'], "bookingEvents", ParentType, ContextType, Partial<SubscriptionBookingEventsArgs>>;
}>;

export type TenantResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bookingPolicy?: Resolver<ResolversTypes['BookingPolicy'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  libraries?: Resolver<ResolversTypes['LibraryConnection'], ParentType, ContextType, RequireFields<TenantLibrariesArgs, 'first'>>;
}>;

export type UserResolvers<ContextType = BookingsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bookings?: Resolver<ResolversTypes['BookingConnection'], ParentType, ContextType, RequireFields<UserBookingsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = BookingsContext> = ResolversObject<{
  Booking?: BookingResolvers<ContextType>;
  BookingConnection?: BookingConnectionResolvers<ContextType>;
  BookingEvent?: BookingEventResolvers<ContextType>;
  BookingPolicy?: BookingPolicyResolvers<ContextType>;
  BookingRules?: BookingRulesResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EventFilter?: EventFilterResolvers<ContextType>;
  EventKeyMatch?: EventKeyMatchResolvers<ContextType>;
  Library?: LibraryResolvers<ContextType>;
  LibraryConnection?: LibraryConnectionResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OpeningHours?: OpeningHoursResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  Seat?: SeatResolvers<ContextType>;
  SeatAvailability?: SeatAvailabilityResolvers<ContextType>;
  SeatConnection?: SeatConnectionResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = BookingsContext> = ResolversObject<{
  eventSubscription?: EventSubscriptionDirectiveResolver<any, any, ContextType>;
}>;
