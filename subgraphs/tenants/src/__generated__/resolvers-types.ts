import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TenantMapper, TenantStatusEventMapper } from '../mappers.js';
import type { TenantsContext } from '../context.js';
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
  _FieldSet: { input: unknown; output: unknown; }
};

export type CreateTenantInput = {
  branding?: InputMaybe<TenantBrandingInput>;
  name: Scalars['String']['input'];
  plan?: InputMaybe<TenantPlan>;
  settings: TenantSettingsInput;
  /** Lowercase letters, digits and hyphens, 3 to 40 characters. */
  slug: Scalars['String']['input'];
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

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Platform admins create a tenant. Its first owner is then created with
   * `createUser(input: { tenantId, role: OWNER, ... })`.
   */
  createTenant: Tenant;
  reactivateTenant: Tenant;
  /** Platform admins suspend a tenant: its members are refused from then on. */
  suspendTenant: Tenant;
  /** Owners edit their tenant; platform admins name one with `id`. */
  updateTenant: Tenant;
};


export type MutationCreateTenantArgs = {
  input: CreateTenantInput;
};


export type MutationReactivateTenantArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSuspendTenantArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationUpdateTenantArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  input: UpdateTenantInput;
};

/** Where a page of a list ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** What anyone may see of a tenant: enough to brand its sign-in page. */
export type PublicTenant = {
  __typename?: 'PublicTenant';
  branding: TenantBranding;
  name: Scalars['String']['output'];
  slug: Scalars['String']['output'];
  status: TenantStatus;
};

export type Query = {
  __typename?: 'Query';
  /** The viewer's tenant. */
  currentTenant?: Maybe<Tenant>;
  /** A tenant by id: the viewer's own, or any for platform admins. */
  tenant?: Maybe<Tenant>;
  /** Public branding of a tenant for its sign-in page; no sign-in needed. */
  tenantBySlug?: Maybe<PublicTenant>;
  /** Which tenant status events a `tenantStatusChanged` subscriber with these arguments receives. Internal. */
  tenantStatusChangedFilter: EventFilter;
  /** Tenant status events by id, in the order asked, each as the viewer may see it (null otherwise), at most 100 at once; the router hydrates `tenantStatusChanged` with them. Internal. */
  tenantStatusEventsByIds: Array<Maybe<TenantStatusEvent>>;
  /** Every tenant, newest first. Platform admins only. */
  tenants: TenantConnection;
};


export type QueryTenantArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTenantBySlugArgs = {
  slug: Scalars['String']['input'];
};


export type QueryTenantStatusChangedFilterArgs = {
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryTenantStatusEventsByIdsArgs = {
  eventIds: Array<Scalars['ID']['input']>;
};


export type QueryTenantsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TenantStatus>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The viewer's tenant being suspended or reactivated (platform admins name a tenant). On
   * suspension, members' sockets receive this event and are then closed with code 4423.
   */
  tenantStatusChanged: TenantStatusEvent;
};


export type SubscriptionTenantStatusChangedArgs = {
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};

/** A business that runs study libraries: its users, libraries and money live inside it. */
export type Tenant = {
  __typename?: 'Tenant';
  branding: TenantBranding;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  plan: TenantPlan;
  settings: TenantSettings;
  /** Stable, URL-safe name used in sign-up and sign-in links. Never changes. */
  slug: Scalars['String']['output'];
  status: TenantStatus;
  suspendedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the tenant was suspended; visible to its staff and platform admins. */
  suspensionReason?: Maybe<Scalars['String']['output']>;
};

export type TenantBranding = {
  __typename?: 'TenantBranding';
  logoUrl?: Maybe<Scalars['String']['output']>;
  /** A CSS hex colour, e.g. `#1d4ed8`. */
  primaryColor?: Maybe<Scalars['String']['output']>;
};

export type TenantBrandingInput = {
  logoUrl?: InputMaybe<Scalars['String']['input']>;
  primaryColor?: InputMaybe<Scalars['String']['input']>;
};

export type TenantConnection = {
  __typename?: 'TenantConnection';
  nodes: Array<Tenant>;
  pageInfo: PageInfo;
};

export type TenantPlan =
  | 'ENTERPRISE'
  | 'GROWTH'
  | 'STARTER';

export type TenantSettings = {
  __typename?: 'TenantSettings';
  /** ISO 4217 code in which the tenant's prices are set, e.g. `INR`. */
  currency: Scalars['String']['output'];
  /** IANA time zone, e.g. `Asia/Kolkata`. */
  timezone: Scalars['String']['output'];
};

export type TenantSettingsInput = {
  currency: Scalars['String']['input'];
  timezone: Scalars['String']['input'];
};

export type TenantStatus =
  | 'ACTIVE'
  /** Its members cannot use the platform until a platform admin reactivates it. */
  | 'SUSPENDED';

/** A tenant was suspended or reactivated. */
export type TenantStatusEvent = {
  __typename?: 'TenantStatusEvent';
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  tenant?: Maybe<Tenant>;
  type: TenantStatusEventType;
};

export type TenantStatusEventType =
  | 'REACTIVATED'
  | 'SUSPENDED';

export type UpdateTenantInput = {
  branding?: InputMaybe<TenantBrandingInput>;
  name?: InputMaybe<Scalars['String']['input']>;
  settings?: InputMaybe<TenantSettingsInput>;
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
  Tenant: Tenant;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Tenant:
    ( { __typename: 'Tenant' }
    & GraphQLRecursivePick<FederationTypes['Tenant'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CreateTenantInput: CreateTenantInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EventFilter: ResolverTypeWrapper<EventFilter>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  EventKeyMatch: ResolverTypeWrapper<EventKeyMatch>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PublicTenant: ResolverTypeWrapper<PublicTenant>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantMapper>;
  TenantBranding: ResolverTypeWrapper<TenantBranding>;
  TenantBrandingInput: TenantBrandingInput;
  TenantConnection: ResolverTypeWrapper<Omit<TenantConnection, 'nodes'> & { nodes: Array<ResolversTypes['Tenant']> }>;
  TenantPlan: TenantPlan;
  TenantSettings: ResolverTypeWrapper<TenantSettings>;
  TenantSettingsInput: TenantSettingsInput;
  TenantStatus: TenantStatus;
  TenantStatusEvent: ResolverTypeWrapper<TenantStatusEventMapper>;
  TenantStatusEventType: TenantStatusEventType;
  UpdateTenantInput: UpdateTenantInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CreateTenantInput: CreateTenantInput;
  DateTime: Scalars['DateTime']['output'];
  EventFilter: EventFilter;
  ID: Scalars['ID']['output'];
  EventKeyMatch: EventKeyMatch;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PublicTenant: PublicTenant;
  Query: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  Subscription: Record<PropertyKey, never>;
  Tenant: TenantMapper;
  TenantBranding: TenantBranding;
  TenantBrandingInput: TenantBrandingInput;
  TenantConnection: Omit<TenantConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Tenant']> };
  TenantSettings: TenantSettings;
  TenantSettingsInput: TenantSettingsInput;
  TenantStatusEvent: TenantStatusEventMapper;
  UpdateTenantInput: UpdateTenantInput;
  String: Scalars['String']['output'];
}>;

export type EventSubscriptionDirectiveArgs = {
  events: Scalars['String']['input'];
  filter: Scalars['String']['input'];
};

export type EventSubscriptionDirectiveResolver<Result, Parent, ContextType = TenantsContext, Args = EventSubscriptionDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventFilterResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['EventFilter'] = ResolversParentTypes['EventFilter']> = ResolversObject<{
  audience?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['EventKeyMatch']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EventKeyMatchResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['EventKeyMatch'] = ResolversParentTypes['EventKeyMatch']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createTenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType, RequireFields<MutationCreateTenantArgs, 'input'>>;
  reactivateTenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType, RequireFields<MutationReactivateTenantArgs, 'id'>>;
  suspendTenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType, RequireFields<MutationSuspendTenantArgs, 'id' | 'reason'>>;
  updateTenant?: Resolver<ResolversTypes['Tenant'], ParentType, ContextType, RequireFields<MutationUpdateTenantArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PublicTenantResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['PublicTenant'] = ResolversParentTypes['PublicTenant']> = ResolversObject<{
  branding?: Resolver<ResolversTypes['TenantBranding'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TenantStatus'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  currentTenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType, RequireFields<QueryTenantArgs, 'id'>>;
  tenantBySlug?: Resolver<Maybe<ResolversTypes['PublicTenant']>, ParentType, ContextType, RequireFields<QueryTenantBySlugArgs, 'slug'>>;
  tenantStatusChangedFilter?: Resolver<ResolversTypes['EventFilter'], ParentType, ContextType, Partial<QueryTenantStatusChangedFilterArgs>>;
  tenantStatusEventsByIds?: Resolver<Array<Maybe<ResolversTypes['TenantStatusEvent']>>, ParentType, ContextType, RequireFields<QueryTenantStatusEventsByIdsArgs, 'eventIds'>>;
  tenants?: Resolver<ResolversTypes['TenantConnection'], ParentType, ContextType, RequireFields<QueryTenantsArgs, 'first'>>;
}>;

export type SubscriptionResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  tenantStatusChanged?: SubscriptionResolver<ResolversTypes['TenantStatusEvent'], "tenantStatusChanged", ParentType, ContextType, Partial<SubscriptionTenantStatusChangedArgs>>;
}>;

export type TenantResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant'], FederationReferenceType extends FederationReferenceTypes['Tenant'] = FederationReferenceTypes['Tenant']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Tenant']> | FederationReferenceType, FederationReferenceType, ContextType>;
  branding?: Resolver<ResolversTypes['TenantBranding'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['TenantPlan'], ParentType, ContextType>;
  settings?: Resolver<ResolversTypes['TenantSettings'], ParentType, ContextType>;
  slug?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TenantStatus'], ParentType, ContextType>;
  suspendedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  suspensionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type TenantBrandingResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['TenantBranding'] = ResolversParentTypes['TenantBranding']> = ResolversObject<{
  logoUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  primaryColor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type TenantConnectionResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['TenantConnection'] = ResolversParentTypes['TenantConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Tenant']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type TenantSettingsResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['TenantSettings'] = ResolversParentTypes['TenantSettings']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TenantStatusEventResolvers<ContextType = TenantsContext, ParentType extends ResolversParentTypes['TenantStatusEvent'] = ResolversParentTypes['TenantStatusEvent']> = ResolversObject<{
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['TenantStatusEventType'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = TenantsContext> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  EventFilter?: EventFilterResolvers<ContextType>;
  EventKeyMatch?: EventKeyMatchResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PublicTenant?: PublicTenantResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  TenantBranding?: TenantBrandingResolvers<ContextType>;
  TenantConnection?: TenantConnectionResolvers<ContextType>;
  TenantSettings?: TenantSettingsResolvers<ContextType>;
  TenantStatusEvent?: TenantStatusEventResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = TenantsContext> = ResolversObject<{
  eventSubscription?: EventSubscriptionDirectiveResolver<any, any, ContextType>;
}>;
