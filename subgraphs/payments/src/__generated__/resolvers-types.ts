import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PaymentMapper, RefundMapper, RevenueSummaryMapper, RevenueBucketMapper, CreditEntryMapper, SettlementMapper, PaymentPolicyMapper, CreditWalletMapper, PaymentEventMapper, CreditEventMapper, UserMapper, TenantMapper, BookingMapper } from '../mappers.js';
import type { PaymentsContext } from '../context.js';
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

export type Booking = {
  __typename?: 'Booking';
  id: Scalars['ID']['output'];
  /** The booking's successful payment, else the one in progress, else the last failed attempt. */
  payment?: Maybe<Payment>;
  /** Null when the viewer may not see the booking's payments. */
  paymentStatus?: Maybe<BookingPaymentStatus>;
};

/** How far a booking is paid. */
export type BookingPaymentStatus =
  | 'PAID'
  | 'PARTIALLY_REFUNDED'
  /** A payment is in progress. */
  | 'PENDING'
  | 'REFUNDED'
  | 'UNPAID';

export type CreditAccount =
  | 'AVAILABLE'
  | 'CONSUMED'
  | 'RESERVED';

/** A tenant's credits of one channel. */
export type CreditBalance = {
  __typename?: 'CreditBalance';
  /** What the tenant may spend. */
  available: Scalars['SafeInt']['output'];
  channel: CreditChannel;
  /** Spent on delivered messages. */
  consumed: Scalars['SafeInt']['output'];
  /** Set aside for sends in progress. */
  reserved: Scalars['SafeInt']['output'];
};

/** A kind of messaging credit: one credit pays one message on its channel. */
export type CreditChannel =
  | 'EMAIL'
  | 'SMS'
  | 'WHATSAPP';

/** One side of a movement of credits, on one of the tenant's accounts: the ledger never changes, it only grows. */
export type CreditEntry = {
  __typename?: 'CreditEntry';
  account: CreditAccount;
  /** Positive into the account, negative out of it. */
  amount: Scalars['SafeInt']['output'];
  balanceAfter: Scalars['SafeInt']['output'];
  channel: CreditChannel;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  movement: CreditMovementKind;
  reason?: Maybe<Scalars['String']['output']>;
};

export type CreditEntryConnection = {
  __typename?: 'CreditEntryConnection';
  nodes: Array<CreditEntry>;
  pageInfo: PageInfo;
};

/** Credits of the tenant's wallet moved, as delivered to `creditEvents` subscribers. */
export type CreditEvent = {
  __typename?: 'CreditEvent';
  amount: Scalars['SafeInt']['output'];
  channel: CreditChannel;
  eventId: Scalars['ID']['output'];
  movement: CreditMovementKind;
  occurredAt: Scalars['DateTime']['output'];
  /** The wallet as it is now. */
  wallet?: Maybe<CreditWallet>;
};

export type CreditMovementKind =
  /** A platform admin corrected the tenant's credits, to or from the pool. */
  | 'ADJUST'
  /** Spent on delivered messages. */
  | 'CAPTURE'
  /** A platform admin gave the tenant credits from the pool. */
  | 'GRANT'
  /** The tenant bought credits; they came from the pool. */
  | 'PURCHASE'
  /** Given back after failed deliveries. */
  | 'RELEASE'
  /** Set aside for a send. */
  | 'RESERVE'
  /** The platform created credits in its pool. */
  | 'TOP_UP';

/** The credits a credit purchase buys, granted from the platform's pool when it succeeds. */
export type CreditPurchase = {
  __typename?: 'CreditPurchase';
  amount: Scalars['SafeInt']['output'];
  channel: CreditChannel;
};

/** A tenant's messaging credits: SMS, WhatsApp and email. */
export type CreditWallet = {
  __typename?: 'CreditWallet';
  balances: Array<CreditBalance>;
  /** The ledger, newest first. Owners and platform admins; null for staff. */
  entries?: Maybe<CreditEntryConnection>;
};


/** A tenant's messaging credits: SMS, WhatsApp and email. */
export type CreditWalletEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  channel?: InputMaybe<CreditChannel>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The desk methods staff record. */
export type DeskPaymentMethod =
  | 'CARD'
  | 'CASH';

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

/** An amount of money in integer minor units (paise, pence, cents) of an ISO 4217 currency. */
export type Money = {
  __typename?: 'Money';
  /** Minor units: 15000 INR is ₹150.00. */
  amountMinor: Scalars['SafeInt']['output'];
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Platform admins correct a tenant's credits: positive from the pool, negative back to it (never below zero). */
  adjustCredits: CreditWallet;
  /** Platform admins approve a DRAFT settlement for payment. */
  approveSettlement: Settlement;
  /**
   * Owners buy a package of credits (100 to 1,000,000) at the platform's price, paid online like a
   * booking (`checkout`); the credits arrive from the platform's pool when the payment succeeds.
   * INSUFFICIENT_CREDITS if the pool cannot cover it now.
   */
  buyCredits: Payment;
  /**
   * Platform admins settle a tenant's successful online payments of `[from, to)` in one currency
   * that no settlement has taken yet; BAD_USER_INPUT when there are none.
   */
  createSettlement: Settlement;
  /** Platform admins give a tenant credits from the pool; INSUFFICIENT_CREDITS when the pool has too few. */
  grantCredits: CreditWallet;
  /** Platform admins record the bank transfer of an APPROVED settlement; a UTR pays one settlement only. */
  markSettlementPaid: Settlement;
  /**
   * Starts paying for a booking with the payment provider, for the booking's price as the server
   * computed it. The outcome arrives on the provider's webhook; a paid PENDING_PAYMENT booking is
   * then CONFIRMED. A replay with the same key returns the same payment.
   */
  payForBooking: Payment;
  /** Staff and owners record a payment taken at the desk; it succeeds at once. */
  recordDeskPayment: Payment;
  /**
   * Owners and platform admins refund part of a successful payment (all that remains when
   * `amountMinor` is absent); refunds together never exceed the payment.
   */
  refundPayment: Refund;
  /** Platform admins create credits in the platform's pool, the only way credits come to exist. */
  topUpCreditPool: Array<PlatformCreditBalance>;
  /** Owners set how their tenant's payments are refunded. */
  updatePaymentPolicy: PaymentPolicy;
};


export type MutationAdjustCreditsArgs = {
  amount: Scalars['SafeInt']['input'];
  channel: CreditChannel;
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  tenantId: Scalars['ID']['input'];
};


export type MutationApproveSettlementArgs = {
  id: Scalars['ID']['input'];
};


export type MutationBuyCreditsArgs = {
  amount: Scalars['SafeInt']['input'];
  channel: CreditChannel;
  idempotencyKey: Scalars['String']['input'];
};


export type MutationCreateSettlementArgs = {
  currency: Scalars['String']['input'];
  from: Scalars['DateTime']['input'];
  idempotencyKey: Scalars['String']['input'];
  tenantId: Scalars['ID']['input'];
  to: Scalars['DateTime']['input'];
};


export type MutationGrantCreditsArgs = {
  amount: Scalars['SafeInt']['input'];
  channel: CreditChannel;
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
  tenantId: Scalars['ID']['input'];
};


export type MutationMarkSettlementPaidArgs = {
  id: Scalars['ID']['input'];
  utr: Scalars['String']['input'];
};


export type MutationPayForBookingArgs = {
  bookingId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
};


export type MutationRecordDeskPaymentArgs = {
  bookingId: Scalars['ID']['input'];
  idempotencyKey: Scalars['String']['input'];
  method: DeskPaymentMethod;
};


export type MutationRefundPaymentArgs = {
  amountMinor?: InputMaybe<Scalars['SafeInt']['input']>;
  idempotencyKey: Scalars['String']['input'];
  paymentId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationTopUpCreditPoolArgs = {
  amount: Scalars['SafeInt']['input'];
  channel: CreditChannel;
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUpdatePaymentPolicyArgs = {
  input: PaymentPolicyInput;
};

/** Where a page of a list ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A payment: for a booking (its server-computed price, online or at the desk) or for a package of credits. */
export type Payment = {
  __typename?: 'Payment';
  amount: Money;
  /** Null for a credit purchase. */
  booking?: Maybe<Booking>;
  /** Only the payer sees it, and only while the payment is PENDING. */
  checkout?: Maybe<PaymentCheckout>;
  createdAt: Scalars['DateTime']['output'];
  /** Who started it: the student, or staff at the desk. */
  createdBy?: Maybe<User>;
  /** Null for a booking's payment. */
  credits?: Maybe<CreditPurchase>;
  failureReason?: Maybe<Scalars['String']['output']>;
  /** Null unless the viewer is an owner or platform admin, or the payment has not succeeded. */
  fees?: Maybe<PaymentFees>;
  id: Scalars['ID']['output'];
  method: PaymentMethod;
  purpose: PaymentPurpose;
  /** The total refunded so far; never more than `amount`. */
  refunded: Money;
  /** Oldest first. */
  refunds: Array<Refund>;
  status: PaymentStatus;
  succeededAt?: Maybe<Scalars['DateTime']['output']>;
  /** The student who owes it. */
  user?: Maybe<User>;
};

/** What the payer's portal needs to complete an online payment with the provider. */
export type PaymentCheckout = {
  __typename?: 'PaymentCheckout';
  /** Where to send the payer's card: for the simulated provider, a path on the payments service. */
  checkoutUrl?: Maybe<Scalars['String']['output']>;
  /** For the provider's client library (Stripe.js `confirmPayment`). */
  clientSecret?: Maybe<Scalars['String']['output']>;
  provider: Scalars['String']['output'];
};

export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  nodes: Array<Payment>;
  pageInfo: PageInfo;
};

/** Something that happened to a payment, as delivered to `paymentEvents` subscribers. */
export type PaymentEvent = {
  __typename?: 'PaymentEvent';
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The payment as it is now; null if the viewer may not see it. */
  payment?: Maybe<Payment>;
  type: PaymentEventType;
};

export type PaymentEventType =
  | 'FAILED'
  | 'REFUNDED'
  | 'SUCCEEDED';

/** What a payment cost, frozen when it succeeded. Owners and platform admins only. */
export type PaymentFees = {
  __typename?: 'PaymentFees';
  /** What the payment provider kept. */
  gateway: Money;
  /** What the tenant is owed: amount − gateway − platform. */
  net: Money;
  /** The platform's cut, `platformFeeBps` of the amount. */
  platform: Money;
  platformFeeBps: Scalars['Int']['output'];
};

export type PaymentFilter = {
  bookingId?: InputMaybe<Scalars['ID']['input']>;
  libraryId?: InputMaybe<Scalars['ID']['input']>;
  /** The payments a settlement paid out. */
  settlementId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<PaymentStatus>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};

export type PaymentMethod =
  /** A card terminal at the desk, recorded by staff. */
  | 'CARD'
  /** Recorded by staff at the desk. */
  | 'CASH'
  /** Through the payment provider, by the payer. */
  | 'ONLINE';

/** How a tenant's payments are refunded. */
export type PaymentPolicy = {
  __typename?: 'PaymentPolicy';
  /**
   * When true (the default), cancelling a paid booking refunds what remains of its payment in full,
   * at once: students may cancel only before the library's cut-off, owners at any time. When false,
   * owners refund by hand (`refundPayment`).
   */
  refundOnCancellation: Scalars['Boolean']['output'];
};

export type PaymentPolicyInput = {
  refundOnCancellation: Scalars['Boolean']['input'];
};

export type PaymentPurpose =
  /** A booking's price: the tenant's revenue, paid out in settlements. */
  | 'BOOKING'
  /** A package of messaging credits bought by an owner: the platform's. */
  | 'CREDITS';

export type PaymentStatus =
  /** Declined or failed; the booking may be paid again. */
  | 'FAILED'
  /** Started with the provider; its outcome arrives on the provider's webhook. */
  | 'PENDING'
  | 'SUCCEEDED';

/** The platform's credits of one channel, from which tenants receive theirs. */
export type PlatformCreditBalance = {
  __typename?: 'PlatformCreditBalance';
  channel: CreditChannel;
  /** Every credit of the channel ever created by a top-up; pool + every tenant's credits always equal it. */
  issued: Scalars['SafeInt']['output'];
  /** What the platform may still grant. */
  pool: Scalars['SafeInt']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** Credit events by id, in the order asked, each as the viewer may see it (null otherwise), at most 100 at once; the router hydrates `creditEvents` with them. Internal. */
  creditEventsByIds: Array<Maybe<CreditEvent>>;
  /** Which credit events a `creditEvents` subscriber with these arguments receives. Internal. */
  creditEventsFilter: EventFilter;
  payment?: Maybe<Payment>;
  /** Payment events by id, in the order asked, each as the viewer may see it (null otherwise), at most 100 at once; the router hydrates `paymentEvents` with them. Internal. */
  paymentEventsByIds: Array<Maybe<PaymentEvent>>;
  /** Which payment events a `paymentEvents` subscriber with these arguments receives. Internal. */
  paymentEventsFilter: EventFilter;
  /** Newest first: students their own, staff and owners the tenant's; platform admins name a tenant or see all. */
  payments: PaymentConnection;
  /** Platform admins: the platform's pool of credits per channel. */
  platformCreditPool: Array<PlatformCreditBalance>;
  /**
   * Revenue from payments that succeeded in `[from, to)` (at most 366 days), one summary per
   * currency. Owners their tenant's; platform admins name a tenant or get the platform's.
   */
  revenueSummary: Array<RevenueSummary>;
  settlement?: Maybe<Settlement>;
  /** Newest first: owners their tenant's; platform admins name a tenant or see all. */
  settlements: SettlementConnection;
};


export type QueryCreditEventsByIdsArgs = {
  eventIds: Array<Scalars['ID']['input']>;
};


export type QueryCreditEventsFilterArgs = {
  channel?: InputMaybe<CreditChannel>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPaymentEventsByIdsArgs = {
  eventIds: Array<Scalars['ID']['input']>;
};


export type QueryPaymentEventsFilterArgs = {
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<PaymentEventType>>;
};


export type QueryPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PaymentFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryRevenueSummaryArgs = {
  from: Scalars['DateTime']['input'];
  libraryId?: InputMaybe<Scalars['ID']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['DateTime']['input'];
};


export type QuerySettlementArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySettlementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

/** Money given back from a payment. */
export type Refund = {
  __typename?: 'Refund';
  amount: Money;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  /** Who refunded: an owner, a platform admin, or null when the platform did (a cancelled booking). */
  refundedBy?: Maybe<User>;
  status: RefundStatus;
};

export type RefundStatus =
  /** The provider refused; the amount is refundable again. */
  | 'FAILED'
  /** Asked of the provider; its answer is on the way. */
  | 'PENDING'
  | 'SUCCEEDED';

/** A part of a revenue summary: a day (`YYYY-MM-DD`), a library id or a method. */
export type RevenueBucket = {
  __typename?: 'RevenueBucket';
  count: Scalars['Int']['output'];
  gross: Scalars['SafeInt']['output'];
  key: Scalars['String']['output'];
  net: Scalars['SafeInt']['output'];
  refunded: Scalars['SafeInt']['output'];
};

/** Revenue of one currency over a period, by when payments succeeded. */
export type RevenueSummary = {
  __typename?: 'RevenueSummary';
  /** gross ÷ count, rounded down. */
  average: Scalars['SafeInt']['output'];
  /** Per UTC day that had payments. */
  byDay: Array<RevenueBucket>;
  byLibrary: Array<RevenueBucket>;
  byMethod: Array<RevenueBucket>;
  /** Successful payments. */
  count: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  gatewayFees: Scalars['SafeInt']['output'];
  gross: Scalars['SafeInt']['output'];
  /** gross − refunded − fees. */
  net: Scalars['SafeInt']['output'];
  platformFees: Scalars['SafeInt']['output'];
  refunded: Scalars['SafeInt']['output'];
};

/**
 * A payout to a tenant of what its successful online payments of a period earned it, net of
 * refunds and fees, frozen when it was made. Desk payments are not in it: that money never
 * passed through the platform.
 */
export type Settlement = {
  __typename?: 'Settlement';
  approvedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  gatewayFees: Money;
  gross: Money;
  id: Scalars['ID']['output'];
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  paymentCount: Scalars['Int']['output'];
  /** gross − refunded − fees: what the tenant receives. */
  payout: Money;
  periodEnd: Scalars['DateTime']['output'];
  periodStart: Scalars['DateTime']['output'];
  platformFees: Money;
  refunded: Money;
  status: SettlementStatus;
  tenant?: Maybe<Tenant>;
  /** The bank transfer's reference (UTR), once paid. */
  utr?: Maybe<Scalars['String']['output']>;
};

export type SettlementConnection = {
  __typename?: 'SettlementConnection';
  nodes: Array<Settlement>;
  pageInfo: PageInfo;
};

export type SettlementStatus =
  | 'APPROVED'
  /** Made; its payments are taken, no other settlement will pay them. */
  | 'DRAFT'
  /** Transferred to the tenant; `utr` is the bank's reference. */
  | 'PAID';

export type Subscription = {
  __typename?: 'Subscription';
  /** Movements of the tenant's credits as they happen: staff, owners, and platform admins naming a tenant. */
  creditEvents: CreditEvent;
  /**
   * Payment events of the viewer's tenant as they happen, for live revenue dashboards (over
   * graphql-ws on the router's /graphql): staff and owners all of them, students their own
   * payments' only; platform admins name a tenant.
   */
  paymentEvents: PaymentEvent;
};


export type SubscriptionCreditEventsArgs = {
  channel?: InputMaybe<CreditChannel>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type SubscriptionPaymentEventsArgs = {
  tenantId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<PaymentEventType>>;
};

export type Tenant = {
  __typename?: 'Tenant';
  /** Staff, owners and platform admins; null for students. */
  creditWallet?: Maybe<CreditWallet>;
  id: Scalars['ID']['output'];
  /** How the tenant's payments are refunded; every member sees it. */
  paymentPolicy: PaymentPolicy;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** Payments the user owes or made, newest first: their own, or any of the tenant's for staff. */
  payments: PaymentConnection;
};


export type UserPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

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
  Payment: Payment;
  Tenant: Tenant;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Booking:
    ( { __typename: 'Booking' }
    & GraphQLRecursivePick<FederationTypes['Booking'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
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
  BookingPaymentStatus: BookingPaymentStatus;
  CreditAccount: CreditAccount;
  CreditBalance: ResolverTypeWrapper<CreditBalance>;
  CreditChannel: CreditChannel;
  CreditEntry: ResolverTypeWrapper<CreditEntryMapper>;
  CreditEntryConnection: ResolverTypeWrapper<Omit<CreditEntryConnection, 'nodes'> & { nodes: Array<ResolversTypes['CreditEntry']> }>;
  CreditEvent: ResolverTypeWrapper<CreditEventMapper>;
  CreditMovementKind: CreditMovementKind;
  CreditPurchase: ResolverTypeWrapper<CreditPurchase>;
  CreditWallet: ResolverTypeWrapper<CreditWalletMapper>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeskPaymentMethod: DeskPaymentMethod;
  EventFilter: ResolverTypeWrapper<EventFilter>;
  EventKeyMatch: ResolverTypeWrapper<EventKeyMatch>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Payment: ResolverTypeWrapper<PaymentMapper>;
  PaymentCheckout: ResolverTypeWrapper<PaymentCheckout>;
  PaymentConnection: ResolverTypeWrapper<Omit<PaymentConnection, 'nodes'> & { nodes: Array<ResolversTypes['Payment']> }>;
  PaymentEvent: ResolverTypeWrapper<PaymentEventMapper>;
  PaymentEventType: PaymentEventType;
  PaymentFees: ResolverTypeWrapper<PaymentFees>;
  PaymentFilter: PaymentFilter;
  PaymentMethod: PaymentMethod;
  PaymentPolicy: ResolverTypeWrapper<PaymentPolicyMapper>;
  PaymentPolicyInput: PaymentPolicyInput;
  PaymentPurpose: PaymentPurpose;
  PaymentStatus: PaymentStatus;
  PlatformCreditBalance: ResolverTypeWrapper<PlatformCreditBalance>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Refund: ResolverTypeWrapper<RefundMapper>;
  RefundStatus: RefundStatus;
  RevenueBucket: ResolverTypeWrapper<RevenueBucketMapper>;
  RevenueSummary: ResolverTypeWrapper<RevenueSummaryMapper>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  Settlement: ResolverTypeWrapper<SettlementMapper>;
  SettlementConnection: ResolverTypeWrapper<Omit<SettlementConnection, 'nodes'> & { nodes: Array<ResolversTypes['Settlement']> }>;
  SettlementStatus: SettlementStatus;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantMapper>;
  User: ResolverTypeWrapper<UserMapper>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Booking: BookingMapper;
  ID: Scalars['ID']['output'];
  CreditBalance: CreditBalance;
  CreditEntry: CreditEntryMapper;
  CreditEntryConnection: Omit<CreditEntryConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['CreditEntry']> };
  CreditEvent: CreditEventMapper;
  CreditPurchase: CreditPurchase;
  CreditWallet: CreditWalletMapper;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  EventFilter: EventFilter;
  EventKeyMatch: EventKeyMatch;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Payment: PaymentMapper;
  PaymentCheckout: PaymentCheckout;
  PaymentConnection: Omit<PaymentConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Payment']> };
  PaymentEvent: PaymentEventMapper;
  PaymentFees: PaymentFees;
  PaymentFilter: PaymentFilter;
  PaymentPolicy: PaymentPolicyMapper;
  PaymentPolicyInput: PaymentPolicyInput;
  PlatformCreditBalance: PlatformCreditBalance;
  Query: Record<PropertyKey, never>;
  Refund: RefundMapper;
  RevenueBucket: RevenueBucketMapper;
  RevenueSummary: RevenueSummaryMapper;
  SafeInt: Scalars['SafeInt']['output'];
  Settlement: SettlementMapper;
  SettlementConnection: Omit<SettlementConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Settlement']> };
  Subscription: Record<PropertyKey, never>;
  Tenant: TenantMapper;
  User: UserMapper;
  String: Scalars['String']['output'];
}>;

export type EventSubscriptionDirectiveArgs = {
  events: Scalars['String']['input'];
  filter: Scalars['String']['input'];
};

export type EventSubscriptionDirectiveResolver<Result, Parent, ContextType = PaymentsContext, Args = EventSubscriptionDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type BookingResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Booking'] = ResolversParentTypes['Booking'], FederationReferenceType extends FederationReferenceTypes['Booking'] = FederationReferenceTypes['Booking']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Booking']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  paymentStatus?: Resolver<Maybe<ResolversTypes['BookingPaymentStatus']>, ParentType, ContextType>;
}>;

export type CreditBalanceResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditBalance'] = ResolversParentTypes['CreditBalance']> = ResolversObject<{
  available?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['CreditChannel'], ParentType, ContextType>;
  consumed?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  reserved?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type CreditEntryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditEntry'] = ResolversParentTypes['CreditEntry']> = ResolversObject<{
  account?: Resolver<ResolversTypes['CreditAccount'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  balanceAfter?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['CreditChannel'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  movement?: Resolver<ResolversTypes['CreditMovementKind'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CreditEntryConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditEntryConnection'] = ResolversParentTypes['CreditEntryConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['CreditEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CreditEventResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditEvent'] = ResolversParentTypes['CreditEvent']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['CreditChannel'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  movement?: Resolver<ResolversTypes['CreditMovementKind'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  wallet?: Resolver<Maybe<ResolversTypes['CreditWallet']>, ParentType, ContextType>;
}>;

export type CreditPurchaseResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditPurchase'] = ResolversParentTypes['CreditPurchase']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  channel?: Resolver<ResolversTypes['CreditChannel'], ParentType, ContextType>;
}>;

export type CreditWalletResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['CreditWallet'] = ResolversParentTypes['CreditWallet']> = ResolversObject<{
  balances?: Resolver<Array<ResolversTypes['CreditBalance']>, ParentType, ContextType>;
  entries?: Resolver<Maybe<ResolversTypes['CreditEntryConnection']>, ParentType, ContextType, RequireFields<CreditWalletEntriesArgs, 'first'>>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventFilterResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['EventFilter'] = ResolversParentTypes['EventFilter']> = ResolversObject<{
  audience?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['EventKeyMatch']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EventKeyMatchResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['EventKeyMatch'] = ResolversParentTypes['EventKeyMatch']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MoneyResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = ResolversObject<{
  amountMinor?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  adjustCredits?: Resolver<ResolversTypes['CreditWallet'], ParentType, ContextType, RequireFields<MutationAdjustCreditsArgs, 'amount' | 'channel' | 'idempotencyKey' | 'reason' | 'tenantId'>>;
  approveSettlement?: Resolver<ResolversTypes['Settlement'], ParentType, ContextType, RequireFields<MutationApproveSettlementArgs, 'id'>>;
  buyCredits?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationBuyCreditsArgs, 'amount' | 'channel' | 'idempotencyKey'>>;
  createSettlement?: Resolver<ResolversTypes['Settlement'], ParentType, ContextType, RequireFields<MutationCreateSettlementArgs, 'currency' | 'from' | 'idempotencyKey' | 'tenantId' | 'to'>>;
  grantCredits?: Resolver<ResolversTypes['CreditWallet'], ParentType, ContextType, RequireFields<MutationGrantCreditsArgs, 'amount' | 'channel' | 'idempotencyKey' | 'reason' | 'tenantId'>>;
  markSettlementPaid?: Resolver<ResolversTypes['Settlement'], ParentType, ContextType, RequireFields<MutationMarkSettlementPaidArgs, 'id' | 'utr'>>;
  payForBooking?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationPayForBookingArgs, 'bookingId' | 'idempotencyKey'>>;
  recordDeskPayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationRecordDeskPaymentArgs, 'bookingId' | 'idempotencyKey' | 'method'>>;
  refundPayment?: Resolver<ResolversTypes['Refund'], ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'idempotencyKey' | 'paymentId' | 'reason'>>;
  topUpCreditPool?: Resolver<Array<ResolversTypes['PlatformCreditBalance']>, ParentType, ContextType, RequireFields<MutationTopUpCreditPoolArgs, 'amount' | 'channel' | 'idempotencyKey' | 'reason'>>;
  updatePaymentPolicy?: Resolver<ResolversTypes['PaymentPolicy'], ParentType, ContextType, RequireFields<MutationUpdatePaymentPolicyArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  booking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType>;
  checkout?: Resolver<Maybe<ResolversTypes['PaymentCheckout']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  credits?: Resolver<Maybe<ResolversTypes['CreditPurchase']>, ParentType, ContextType>;
  failureReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fees?: Resolver<Maybe<ResolversTypes['PaymentFees']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['PaymentMethod'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['PaymentPurpose'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['Refund']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  succeededAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type PaymentCheckoutResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentCheckout'] = ResolversParentTypes['PaymentCheckout']> = ResolversObject<{
  checkoutUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  clientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PaymentConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Payment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PaymentEventResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentEvent'] = ResolversParentTypes['PaymentEvent']> = ResolversObject<{
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['PaymentEventType'], ParentType, ContextType>;
}>;

export type PaymentFeesResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentFees'] = ResolversParentTypes['PaymentFees']> = ResolversObject<{
  gateway?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  platformFeeBps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PaymentPolicyResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PaymentPolicy'] = ResolversParentTypes['PaymentPolicy']> = ResolversObject<{
  refundOnCancellation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PlatformCreditBalanceResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['PlatformCreditBalance'] = ResolversParentTypes['PlatformCreditBalance']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['CreditChannel'], ParentType, ContextType>;
  issued?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  pool?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  creditEventsByIds?: Resolver<Array<Maybe<ResolversTypes['CreditEvent']>>, ParentType, ContextType, RequireFields<QueryCreditEventsByIdsArgs, 'eventIds'>>;
  creditEventsFilter?: Resolver<ResolversTypes['EventFilter'], ParentType, ContextType, Partial<QueryCreditEventsFilterArgs>>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  paymentEventsByIds?: Resolver<Array<Maybe<ResolversTypes['PaymentEvent']>>, ParentType, ContextType, RequireFields<QueryPaymentEventsByIdsArgs, 'eventIds'>>;
  paymentEventsFilter?: Resolver<ResolversTypes['EventFilter'], ParentType, ContextType, Partial<QueryPaymentEventsFilterArgs>>;
  payments?: Resolver<ResolversTypes['PaymentConnection'], ParentType, ContextType, RequireFields<QueryPaymentsArgs, 'first'>>;
  platformCreditPool?: Resolver<Array<ResolversTypes['PlatformCreditBalance']>, ParentType, ContextType>;
  revenueSummary?: Resolver<Array<ResolversTypes['RevenueSummary']>, ParentType, ContextType, RequireFields<QueryRevenueSummaryArgs, 'from' | 'to'>>;
  settlement?: Resolver<Maybe<ResolversTypes['Settlement']>, ParentType, ContextType, RequireFields<QuerySettlementArgs, 'id'>>;
  settlements?: Resolver<ResolversTypes['SettlementConnection'], ParentType, ContextType, RequireFields<QuerySettlementsArgs, 'first'>>;
}>;

export type RefundResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refundedBy?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RefundStatus'], ParentType, ContextType>;
}>;

export type RevenueBucketResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RevenueBucket'] = ResolversParentTypes['RevenueBucket']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type RevenueSummaryResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['RevenueSummary'] = ResolversParentTypes['RevenueSummary']> = ResolversObject<{
  average?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  byDay?: Resolver<Array<ResolversTypes['RevenueBucket']>, ParentType, ContextType>;
  byLibrary?: Resolver<Array<ResolversTypes['RevenueBucket']>, ParentType, ContextType>;
  byMethod?: Resolver<Array<ResolversTypes['RevenueBucket']>, ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gatewayFees?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  platformFees?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SettlementResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Settlement'] = ResolversParentTypes['Settlement']> = ResolversObject<{
  approvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gatewayFees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  paymentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  payout?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  platformFees?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SettlementStatus'], ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType>;
  utr?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type SettlementConnectionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['SettlementConnection'] = ResolversParentTypes['SettlementConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Settlement']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  creditEvents?: SubscriptionResolver<ResolversTypes['CreditEvent'], "creditEvents", ParentType, ContextType, Partial<SubscriptionCreditEventsArgs>>;
  paymentEvents?: SubscriptionResolver<ResolversTypes['PaymentEvent'], "paymentEvents", ParentType, ContextType, Partial<SubscriptionPaymentEventsArgs>>;
}>;

export type TenantResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditWallet?: Resolver<Maybe<ResolversTypes['CreditWallet']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paymentPolicy?: Resolver<ResolversTypes['PaymentPolicy'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = PaymentsContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  payments?: Resolver<ResolversTypes['PaymentConnection'], ParentType, ContextType, RequireFields<UserPaymentsArgs, 'first'>>;
}>;

export type Resolvers<ContextType = PaymentsContext> = ResolversObject<{
  Booking?: BookingResolvers<ContextType>;
  CreditBalance?: CreditBalanceResolvers<ContextType>;
  CreditEntry?: CreditEntryResolvers<ContextType>;
  CreditEntryConnection?: CreditEntryConnectionResolvers<ContextType>;
  CreditEvent?: CreditEventResolvers<ContextType>;
  CreditPurchase?: CreditPurchaseResolvers<ContextType>;
  CreditWallet?: CreditWalletResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EventFilter?: EventFilterResolvers<ContextType>;
  EventKeyMatch?: EventKeyMatchResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentCheckout?: PaymentCheckoutResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  PaymentEvent?: PaymentEventResolvers<ContextType>;
  PaymentFees?: PaymentFeesResolvers<ContextType>;
  PaymentPolicy?: PaymentPolicyResolvers<ContextType>;
  PlatformCreditBalance?: PlatformCreditBalanceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  RevenueBucket?: RevenueBucketResolvers<ContextType>;
  RevenueSummary?: RevenueSummaryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  Settlement?: SettlementResolvers<ContextType>;
  SettlementConnection?: SettlementConnectionResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = PaymentsContext> = ResolversObject<{
  eventSubscription?: EventSubscriptionDirectiveResolver<any, any, ContextType>;
}>;
