import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CommunityMapper, MembershipMapper, PostMapper, CommunityEventMapper, NotificationEventMapper, NotificationMapper, ConversationMapper, MessageMapper, MessageEventMapper, TenantMapper, UserMapper, LibraryMapper, AnnouncementMapper, MessageTemplateMapper } from '../mappers.js';
import type { CommunitiesContext } from '../context.js';
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

/** A message from a tenant's staff or owners to many members at once, over chosen channels. */
export type Announcement = {
  __typename?: 'Announcement';
  audienceKind: AnnouncementAudienceKind;
  author?: Maybe<User>;
  /** The text as written, placeholders included; each recipient gets it filled in. */
  body: Scalars['String']['output'];
  channels: Array<MessageChannel>;
  community?: Maybe<Community>;
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  library?: Maybe<Library>;
  progress: Array<AnnouncementChannelProgress>;
  recipientCount: Scalars['Int']['output'];
  state: AnnouncementState;
  subject: Scalars['String']['output'];
};

export type AnnouncementAudienceInput = {
  /** For COMMUNITY. */
  communityId?: InputMaybe<Scalars['ID']['input']>;
  kind: AnnouncementAudienceKind;
  /** For LIBRARY. */
  libraryId?: InputMaybe<Scalars['ID']['input']>;
  /** For USERS. */
  userIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** Who an announcement is for; only the tenant's active members are ever reached. */
export type AnnouncementAudienceKind =
  /** The active members of one community. */
  | 'COMMUNITY'
  /** The active members of a library's communities. */
  | 'LIBRARY'
  /** Every active member of the tenant. */
  | 'TENANT'
  /** Members chosen by id (at most 10,000). */
  | 'USERS';

/** An announcement's deliveries on one channel, by how far each got. */
export type AnnouncementChannelProgress = {
  __typename?: 'AnnouncementChannelProgress';
  channel: MessageChannel;
  /** Credits this channel has spent: one per delivery a provider took; none in-app. */
  creditsSpent: Scalars['Int']['output'];
  /** The provider reported it delivered. */
  delivered: Scalars['Int']['output'];
  /** Refused by the provider, or out of retries: its credit went back to the wallet. */
  failed: Scalars['Int']['output'];
  /** Waiting to be sent, being sent, or waiting for a retry. */
  pending: Scalars['Int']['output'];
  /** Taken by the provider; no receipt yet. */
  sent: Scalars['Int']['output'];
  /** Recipients with an address on this channel (and not opted out of it). */
  total: Scalars['Int']['output'];
  /** The provider took it but reported it undelivered (still charged, as carriers do). */
  undelivered: Scalars['Int']['output'];
};

export type AnnouncementConnection = {
  __typename?: 'AnnouncementConnection';
  nodes: Array<Announcement>;
  pageInfo: PageInfo;
};

export type AnnouncementState =
  /** Every delivery failed; all its credits went back. */
  | 'FAILED'
  /** Some deliveries failed; their credits went back to the wallet. */
  | 'PARTLY_FAILED'
  /** Credits reserved; waiting to be sent. */
  | 'QUEUED'
  /** Its credits are being reserved. */
  | 'RESERVING'
  | 'SENDING'
  /** Every delivery was taken by its provider. */
  | 'SENT';

/** A tenant's group or open community, optionally of one library. Archived rather than deleted. */
export type Community = {
  __typename?: 'Community';
  archivedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  inviteOnly: Scalars['Boolean']['output'];
  kind: CommunityKind;
  library?: Maybe<Library>;
  /** Active members, newest first: for members, staff and owners; empty for others. */
  members: MembershipConnection;
  name: Scalars['String']['output'];
  /** Visible posts, newest first: for members, staff and owners; empty for others. */
  posts: PostConnection;
  tenant?: Maybe<Tenant>;
  /** The viewer's membership, if they have one. */
  viewerMembership?: Maybe<Membership>;
};


/** A tenant's group or open community, optionally of one library. Archived rather than deleted. */
export type CommunityMembersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A tenant's group or open community, optionally of one library. Archived rather than deleted. */
export type CommunityPostsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type CommunityConnection = {
  __typename?: 'CommunityConnection';
  nodes: Array<Community>;
  pageInfo: PageInfo;
};

/** Something that happened in a community, as delivered to `communityEvents` subscribers. */
export type CommunityEvent = {
  __typename?: 'CommunityEvent';
  eventId: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  /** The post the event is about, as the viewer may see it. */
  post?: Maybe<Post>;
  type: CommunityEventType;
};

export type CommunityEventType =
  | 'POST_CREATED';

export type CommunityKind =
  /** Staff and owners add the members. */
  | 'GROUP'
  /** Students of the tenant join themselves (or ask to, when invite-only). */
  | 'OPEN';

/** A direct conversation between two members of a tenant. */
export type Conversation = {
  __typename?: 'Conversation';
  id: Scalars['ID']['output'];
  lastMessageAt: Scalars['DateTime']['output'];
  /** Newest first. */
  messages: MessageConnection;
  /** Messages from the other member the viewer has not read. */
  unreadCount: Scalars['Int']['output'];
  /** The other member. */
  with?: Maybe<User>;
};


/** A direct conversation between two members of a tenant. */
export type ConversationMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ConversationConnection = {
  __typename?: 'ConversationConnection';
  nodes: Array<Conversation>;
  pageInfo: PageInfo;
};

export type CreateCommunityInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  /** Only for OPEN communities: students ask to join and staff let them in. */
  inviteOnly?: InputMaybe<Scalars['Boolean']['input']>;
  kind: CommunityKind;
  /** A library of the tenant the community belongs to. */
  libraryId?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
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

export type Library = {
  __typename?: 'Library';
  /** The library's communities the viewer may see, newest first. */
  communities: CommunityConnection;
  id: Scalars['ID']['output'];
};


export type LibraryCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type Membership = {
  __typename?: 'Membership';
  community?: Maybe<Community>;
  role: MembershipRole;
  since: Scalars['DateTime']['output'];
  state: MembershipState;
  user?: Maybe<User>;
};

export type MembershipConnection = {
  __typename?: 'MembershipConnection';
  nodes: Array<Membership>;
  pageInfo: PageInfo;
};

export type MembershipRole =
  | 'MANAGER'
  | 'MEMBER'
  | 'MODERATOR';

export type MembershipState =
  | 'ACTIVE'
  /** May not join again. */
  | 'BANNED'
  | 'LEFT'
  /** Asked to join an invite-only community; not yet let in. */
  | 'PENDING'
  | 'REMOVED';

export type Message = {
  __typename?: 'Message';
  /** Plain text, up to 2,000 characters. */
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Whether the other member has read it (for the sender's own messages). */
  readByRecipient: Scalars['Boolean']['output'];
  sender?: Maybe<User>;
};

/** Where a message reaches a member. In-app is free; each email, SMS or WhatsApp delivery spends one of the tenant's credits of that channel. */
export type MessageChannel =
  | 'EMAIL'
  | 'IN_APP'
  | 'SMS'
  | 'WHATSAPP';

export type MessageConnection = {
  __typename?: 'MessageConnection';
  nodes: Array<Message>;
  pageInfo: PageInfo;
};

/** A direct message as delivered to `myMessages` subscribers. */
export type MessageEvent = {
  __typename?: 'MessageEvent';
  conversationId: Scalars['ID']['output'];
  eventId: Scalars['ID']['output'];
  message?: Maybe<Message>;
  occurredAt: Scalars['DateTime']['output'];
};

/** A reusable announcement text of a tenant. Placeholders: `{{displayName}}`, `{{firstName}}`. */
export type MessageTemplate = {
  __typename?: 'MessageTemplate';
  body: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  subject: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type MessageTemplateConnection = {
  __typename?: 'MessageTemplateConnection';
  nodes: Array<MessageTemplate>;
  pageInfo: PageInfo;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Staff and owners add an active member of the tenant (or let in one who asked); a banned user cannot be added. */
  addCommunityMember: Membership;
  /** Staff and owners archive a community: it stays readable; nobody joins or posts any more. */
  archiveCommunity: Community;
  /** The community's moderators, staff and owners ban a member: they can no longer read, post or join again. */
  banCommunityMember: Membership;
  /** Staff and owners create a community of their tenant. */
  createCommunity: Community;
  /** Members, staff and owners post in a community they belong to; optionally a reply to one of its posts. */
  createPost: Post;
  deleteMessageTemplate: Scalars['Boolean']['output'];
  /** Authors delete their own posts. */
  deletePost: Post;
  /** Authors edit their own posts. */
  editPost: Post;
  /** The community's moderators, staff and owners hide a post, with a reason; its author is told. */
  hidePost: Post;
  /** A member of the tenant joins an open community (or asks to, when it is invite-only). */
  joinCommunity: Membership;
  leaveCommunity: Membership;
  /** Marks the conversation read up to now: the other member sees their messages as read. */
  markConversationRead: Conversation;
  /** Marks the viewer's notifications read: those of `ids` (at most 100), or all of them. Answers how many were newly read. */
  markNotificationsRead: Scalars['Int']['output'];
  /** Members report a post they can read, once each; enough reports put it in the moderation queue. */
  reportPost: Scalars['Boolean']['output'];
  /** The community's moderators, staff and owners show a hidden post again, with a reason. */
  restorePost: Post;
  /** Staff and owners create or change a message template of their tenant. */
  saveMessageTemplate: MessageTemplate;
  /**
   * Staff and owners announce something to members over chosen channels. The credits every paid
   * delivery needs are reserved first: INSUFFICIENT_CREDITS (and nothing sent) when the wallet
   * falls short. Deliveries then go out in the background; what fails is credited back.
   */
  sendAnnouncement: Announcement;
  /**
   * Sends a direct message: students to their tenant's staff and owners, staff and owners to any
   * active member. At most MESSAGES_PER_MINUTE (20) a minute per sender; RATE_LIMITED past it.
   */
  sendDirectMessage: Message;
  /** Platform admins send a tenant's owners a system message, as an in-app notification (kind SYSTEM_MESSAGE). */
  sendSystemMessage: Notification;
  /** Chooses the channels a kind of notification reaches the viewer on: IN_APP and EMAIL (the paid channels are for announcements). */
  setNotificationPreference: NotificationPreference;
};


export type MutationAddCommunityMemberArgs = {
  communityId: Scalars['ID']['input'];
  role?: InputMaybe<MembershipRole>;
  userId: Scalars['ID']['input'];
};


export type MutationArchiveCommunityArgs = {
  id: Scalars['ID']['input'];
};


export type MutationBanCommunityMemberArgs = {
  communityId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationCreateCommunityArgs = {
  input: CreateCommunityInput;
};


export type MutationCreatePostArgs = {
  body: Scalars['String']['input'];
  communityId: Scalars['ID']['input'];
  replyToId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationDeleteMessageTemplateArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeletePostArgs = {
  id: Scalars['ID']['input'];
};


export type MutationEditPostArgs = {
  body: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};


export type MutationHidePostArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationJoinCommunityArgs = {
  communityId: Scalars['ID']['input'];
};


export type MutationLeaveCommunityArgs = {
  communityId: Scalars['ID']['input'];
};


export type MutationMarkConversationReadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkNotificationsReadArgs = {
  all?: InputMaybe<Scalars['Boolean']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};


export type MutationReportPostArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRestorePostArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationSaveMessageTemplateArgs = {
  input: SaveMessageTemplateInput;
};


export type MutationSendAnnouncementArgs = {
  input: SendAnnouncementInput;
};


export type MutationSendDirectMessageArgs = {
  body: Scalars['String']['input'];
  toUserId: Scalars['ID']['input'];
};


export type MutationSendSystemMessageArgs = {
  tenantId: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


export type MutationSetNotificationPreferenceArgs = {
  channels: Array<MessageChannel>;
  kind: Scalars['String']['input'];
};

/** An in-app notification: something that concerns the viewer, from anywhere in the platform. */
export type Notification = {
  __typename?: 'Notification';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The event it comes from, e.g. BOOKING_CREATED, POST_CREATED. */
  kind: Scalars['String']['output'];
  read: Scalars['Boolean']['output'];
  subject: Array<NotificationSubject>;
  title: Scalars['String']['output'];
};

export type NotificationConnection = {
  __typename?: 'NotificationConnection';
  nodes: Array<Notification>;
  pageInfo: PageInfo;
};

/** A notification as delivered to `myNotifications` subscribers. */
export type NotificationEvent = {
  __typename?: 'NotificationEvent';
  eventId: Scalars['ID']['output'];
  notification?: Maybe<Notification>;
  occurredAt: Scalars['DateTime']['output'];
};

/** Which channels one kind of notification reaches the viewer on: in the app, and a copy by email. */
export type NotificationPreference = {
  __typename?: 'NotificationPreference';
  /** IN_APP, EMAIL, both, or neither; IN_APP alone unless the viewer chose otherwise. */
  channels: Array<MessageChannel>;
  /** BOOKING_CREATED, BOOKING_CONFIRMED, BOOKING_CANCELLED, BOOKING_EXPIRED, USER_JOINED, PAYMENT_REFUNDED, POST_CREATED (a reply), POST_HIDDEN, CREDITS_LOW, SYSTEM_MESSAGE or ANNOUNCEMENT. */
  kind: Scalars['String']['output'];
};

/** What a notification is about: a key and the id it names (`bookingId`, `postId`, `userId`, ...). */
export type NotificationSubject = {
  __typename?: 'NotificationSubject';
  id: Scalars['ID']['output'];
  key: Scalars['String']['output'];
};

/** Where a page of a list ends, and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A message in a community. Written in Markdown; `html` is what clients show (no raw HTML from authors ever reaches it). */
export type Post = {
  __typename?: 'Post';
  author?: Maybe<User>;
  /** What the author wrote (Markdown), up to 5,000 characters; empty once deleted or hidden. */
  body: Scalars['String']['output'];
  community?: Maybe<Community>;
  createdAt: Scalars['DateTime']['output'];
  editedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The body rendered to safe HTML; empty once deleted or hidden. */
  html: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The post this one replies to. */
  replyTo?: Maybe<Post>;
  state: PostState;
};

export type PostConnection = {
  __typename?: 'PostConnection';
  nodes: Array<Post>;
  pageInfo: PageInfo;
};

export type PostState =
  /** Deleted by its author. */
  | 'DELETED'
  /** Hidden by a moderator. */
  | 'HIDDEN'
  | 'VISIBLE';

export type Query = {
  __typename?: 'Query';
  /** An announcement of the tenant; staff and owners (platform admins: any tenant's). */
  announcement?: Maybe<Announcement>;
  /** The tenant's announcements, newest first; staff and owners; platform admins name a tenant. */
  announcements: AnnouncementConnection;
  /** Communities the viewer may see, newest first: open ones and the viewer's groups; all for staff and owners; platform admins name a tenant. */
  communities: CommunityConnection;
  community?: Maybe<Community>;
  /** Community events by id, in the order asked, each as the viewer may see it (null otherwise), at most 100 at once; the router hydrates `communityEvents` with them. Internal. */
  communityEventsByIds: Array<Maybe<CommunityEvent>>;
  /** Which community events a `communityEvents` subscriber receives. Internal. */
  communityEventsFilter: EventFilter;
  conversation?: Maybe<Conversation>;
  /** Message events by id, in the order asked, each as the viewer may see it (null otherwise), at most 100 at once; the router hydrates `myMessages` with them. Internal. */
  messageEventsByIds: Array<Maybe<MessageEvent>>;
  /** The tenant's message templates, by name; staff and owners; platform admins name a tenant. */
  messageTemplates: MessageTemplateConnection;
  /** Reported posts waiting for a decision, newest flag first: of the communities the viewer moderates, or all of the tenant's for staff and owners. */
  moderationQueue: PostConnection;
  /** The viewer's direct conversations, latest message first; members of a tenant only. */
  myConversations: ConversationConnection;
  /** Which messages a `myMessages` subscriber receives: those sent to them. Internal. */
  myMessagesFilter: EventFilter;
  /** The viewer's channels for every kind of notification; members of a tenant only. */
  myNotificationPreferences: Array<NotificationPreference>;
  /** The viewer's in-app notifications, newest first; members of a tenant only. */
  myNotifications: NotificationConnection;
  /** Which notifications a `myNotifications` subscriber receives: their own. Internal. */
  myNotificationsFilter: EventFilter;
  /** Notification events by id, in the order asked, each as the viewer may see it (null otherwise), at most 100 at once; the router hydrates `myNotifications` with them. Internal. */
  notificationEventsByIds: Array<Maybe<NotificationEvent>>;
  post?: Maybe<Post>;
};


export type QueryAnnouncementArgs = {
  id: Scalars['ID']['input'];
};


export type QueryAnnouncementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCommunitiesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCommunityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCommunityEventsByIdsArgs = {
  eventIds: Array<Scalars['ID']['input']>;
};


export type QueryCommunityEventsFilterArgs = {
  communityId: Scalars['ID']['input'];
};


export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMessageEventsByIdsArgs = {
  eventIds: Array<Scalars['ID']['input']>;
};


export type QueryMessageTemplatesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  tenantId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryModerationQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  communityId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMyNotificationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  unreadOnly?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryNotificationEventsByIdsArgs = {
  eventIds: Array<Scalars['ID']['input']>;
};


export type QueryPostArgs = {
  id: Scalars['ID']['input'];
};

export type SaveMessageTemplateInput = {
  body: Scalars['String']['input'];
  /** A template to change; none to create one. */
  id?: InputMaybe<Scalars['ID']['input']>;
  name: Scalars['String']['input'];
  subject: Scalars['String']['input'];
};

export type SendAnnouncementInput = {
  audience: AnnouncementAudienceInput;
  body?: InputMaybe<Scalars['String']['input']>;
  channels: Array<MessageChannel>;
  /** A replay with the same key returns the first announcement and sends nothing again. */
  idempotencyKey: Scalars['String']['input'];
  /** The text, or `templateId` for a template's. */
  subject?: InputMaybe<Scalars['String']['input']>;
  templateId?: InputMaybe<Scalars['ID']['input']>;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** What happens in a community as it happens (new posts): for its members, the tenant's staff and owners, and platform admins. */
  communityEvents: CommunityEvent;
  /** Direct messages sent to the viewer, as they arrive; members of a tenant only. */
  myMessages: MessageEvent;
  /** The viewer's new in-app notifications as they are made; members of a tenant only. */
  myNotifications: NotificationEvent;
};


export type SubscriptionCommunityEventsArgs = {
  communityId: Scalars['ID']['input'];
};

export type Tenant = {
  __typename?: 'Tenant';
  id: Scalars['ID']['output'];
};

export type User = {
  __typename?: 'User';
  /** Communities the user is an active member of, newest membership first: their own, or any of the tenant's member's for staff. */
  communities: CommunityConnection;
  id: Scalars['ID']['output'];
};


export type UserCommunitiesArgs = {
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
  Community: Community;
  Library: Library;
  Post: Post;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Community:
    ( { __typename: 'Community' }
    & GraphQLRecursivePick<FederationTypes['Community'], {"id":true}> );
  Library:
    ( { __typename: 'Library' }
    & GraphQLRecursivePick<FederationTypes['Library'], {"id":true}> );
  Post:
    ( { __typename: 'Post' }
    & GraphQLRecursivePick<FederationTypes['Post'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Announcement: ResolverTypeWrapper<AnnouncementMapper>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AnnouncementAudienceInput: AnnouncementAudienceInput;
  AnnouncementAudienceKind: AnnouncementAudienceKind;
  AnnouncementChannelProgress: ResolverTypeWrapper<AnnouncementChannelProgress>;
  AnnouncementConnection: ResolverTypeWrapper<Omit<AnnouncementConnection, 'nodes'> & { nodes: Array<ResolversTypes['Announcement']> }>;
  AnnouncementState: AnnouncementState;
  Community: ResolverTypeWrapper<CommunityMapper>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CommunityConnection: ResolverTypeWrapper<Omit<CommunityConnection, 'nodes'> & { nodes: Array<ResolversTypes['Community']> }>;
  CommunityEvent: ResolverTypeWrapper<CommunityEventMapper>;
  CommunityEventType: CommunityEventType;
  CommunityKind: CommunityKind;
  Conversation: ResolverTypeWrapper<ConversationMapper>;
  ConversationConnection: ResolverTypeWrapper<Omit<ConversationConnection, 'nodes'> & { nodes: Array<ResolversTypes['Conversation']> }>;
  CreateCommunityInput: CreateCommunityInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EventFilter: ResolverTypeWrapper<EventFilter>;
  EventKeyMatch: ResolverTypeWrapper<EventKeyMatch>;
  Library: ResolverTypeWrapper<LibraryMapper>;
  Membership: ResolverTypeWrapper<MembershipMapper>;
  MembershipConnection: ResolverTypeWrapper<Omit<MembershipConnection, 'nodes'> & { nodes: Array<ResolversTypes['Membership']> }>;
  MembershipRole: MembershipRole;
  MembershipState: MembershipState;
  Message: ResolverTypeWrapper<MessageMapper>;
  MessageChannel: MessageChannel;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'nodes'> & { nodes: Array<ResolversTypes['Message']> }>;
  MessageEvent: ResolverTypeWrapper<MessageEventMapper>;
  MessageTemplate: ResolverTypeWrapper<MessageTemplateMapper>;
  MessageTemplateConnection: ResolverTypeWrapper<Omit<MessageTemplateConnection, 'nodes'> & { nodes: Array<ResolversTypes['MessageTemplate']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Notification: ResolverTypeWrapper<NotificationMapper>;
  NotificationConnection: ResolverTypeWrapper<Omit<NotificationConnection, 'nodes'> & { nodes: Array<ResolversTypes['Notification']> }>;
  NotificationEvent: ResolverTypeWrapper<NotificationEventMapper>;
  NotificationPreference: ResolverTypeWrapper<NotificationPreference>;
  NotificationSubject: ResolverTypeWrapper<NotificationSubject>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Post: ResolverTypeWrapper<PostMapper>;
  PostConnection: ResolverTypeWrapper<Omit<PostConnection, 'nodes'> & { nodes: Array<ResolversTypes['Post']> }>;
  PostState: PostState;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SaveMessageTemplateInput: SaveMessageTemplateInput;
  SendAnnouncementInput: SendAnnouncementInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Tenant: ResolverTypeWrapper<TenantMapper>;
  User: ResolverTypeWrapper<UserMapper>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Announcement: AnnouncementMapper;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  AnnouncementAudienceInput: AnnouncementAudienceInput;
  AnnouncementChannelProgress: AnnouncementChannelProgress;
  AnnouncementConnection: Omit<AnnouncementConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Announcement']> };
  Community: CommunityMapper;
  Boolean: Scalars['Boolean']['output'];
  CommunityConnection: Omit<CommunityConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Community']> };
  CommunityEvent: CommunityEventMapper;
  Conversation: ConversationMapper;
  ConversationConnection: Omit<ConversationConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Conversation']> };
  CreateCommunityInput: CreateCommunityInput;
  DateTime: Scalars['DateTime']['output'];
  EventFilter: EventFilter;
  EventKeyMatch: EventKeyMatch;
  Library: LibraryMapper;
  Membership: MembershipMapper;
  MembershipConnection: Omit<MembershipConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Membership']> };
  Message: MessageMapper;
  MessageConnection: Omit<MessageConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Message']> };
  MessageEvent: MessageEventMapper;
  MessageTemplate: MessageTemplateMapper;
  MessageTemplateConnection: Omit<MessageTemplateConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['MessageTemplate']> };
  Mutation: Record<PropertyKey, never>;
  Notification: NotificationMapper;
  NotificationConnection: Omit<NotificationConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Notification']> };
  NotificationEvent: NotificationEventMapper;
  NotificationPreference: NotificationPreference;
  NotificationSubject: NotificationSubject;
  PageInfo: PageInfo;
  Post: PostMapper;
  PostConnection: Omit<PostConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Post']> };
  Query: Record<PropertyKey, never>;
  SaveMessageTemplateInput: SaveMessageTemplateInput;
  SendAnnouncementInput: SendAnnouncementInput;
  Subscription: Record<PropertyKey, never>;
  Tenant: TenantMapper;
  User: UserMapper;
  String: Scalars['String']['output'];
}>;

export type EventSubscriptionDirectiveArgs = {
  events: Scalars['String']['input'];
  filter: Scalars['String']['input'];
};

export type EventSubscriptionDirectiveResolver<Result, Parent, ContextType = CommunitiesContext, Args = EventSubscriptionDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AnnouncementResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Announcement'] = ResolversParentTypes['Announcement']> = ResolversObject<{
  audienceKind?: Resolver<ResolversTypes['AnnouncementAudienceKind'], ParentType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  channels?: Resolver<Array<ResolversTypes['MessageChannel']>, ParentType, ContextType>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  library?: Resolver<Maybe<ResolversTypes['Library']>, ParentType, ContextType>;
  progress?: Resolver<Array<ResolversTypes['AnnouncementChannelProgress']>, ParentType, ContextType>;
  recipientCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AnnouncementState'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AnnouncementChannelProgressResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['AnnouncementChannelProgress'] = ResolversParentTypes['AnnouncementChannelProgress']> = ResolversObject<{
  channel?: Resolver<ResolversTypes['MessageChannel'], ParentType, ContextType>;
  creditsSpent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  delivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  failed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  undelivered?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AnnouncementConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['AnnouncementConnection'] = ResolversParentTypes['AnnouncementConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Announcement']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CommunityResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Community'] = ResolversParentTypes['Community'], FederationReferenceType extends FederationReferenceTypes['Community'] = FederationReferenceTypes['Community']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Community']> | FederationReferenceType, FederationReferenceType, ContextType>;
  archivedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inviteOnly?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CommunityKind'], ParentType, ContextType>;
  library?: Resolver<Maybe<ResolversTypes['Library']>, ParentType, ContextType>;
  members?: Resolver<ResolversTypes['MembershipConnection'], ParentType, ContextType, RequireFields<CommunityMembersArgs, 'first'>>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  posts?: Resolver<ResolversTypes['PostConnection'], ParentType, ContextType, RequireFields<CommunityPostsArgs, 'first'>>;
  tenant?: Resolver<Maybe<ResolversTypes['Tenant']>, ParentType, ContextType>;
  viewerMembership?: Resolver<Maybe<ResolversTypes['Membership']>, ParentType, ContextType>;
}>;

export type CommunityConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['CommunityConnection'] = ResolversParentTypes['CommunityConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Community']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CommunityEventResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['CommunityEvent'] = ResolversParentTypes['CommunityEvent']> = ResolversObject<{
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['CommunityEventType'], ParentType, ContextType>;
}>;

export type ConversationResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastMessageAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<ConversationMessagesArgs, 'first'>>;
  unreadCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  with?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type ConversationConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['ConversationConnection'] = ResolversParentTypes['ConversationConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Conversation']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EventFilterResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['EventFilter'] = ResolversParentTypes['EventFilter']> = ResolversObject<{
  audience?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  keys?: Resolver<Array<ResolversTypes['EventKeyMatch']>, ParentType, ContextType>;
  tenantId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type EventKeyMatchResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['EventKeyMatch'] = ResolversParentTypes['EventKeyMatch']> = ResolversObject<{
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type LibraryResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Library'] = ResolversParentTypes['Library'], FederationReferenceType extends FederationReferenceTypes['Library'] = FederationReferenceTypes['Library']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Library']> | FederationReferenceType, FederationReferenceType, ContextType>;
  communities?: Resolver<ResolversTypes['CommunityConnection'], ParentType, ContextType, RequireFields<LibraryCommunitiesArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MembershipResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MembershipRole'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['MembershipState'], ParentType, ContextType>;
  user?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type MembershipConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['MembershipConnection'] = ResolversParentTypes['MembershipConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MessageResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  readByRecipient?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sender?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
}>;

export type MessageConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Message']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MessageEventResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['MessageEvent'] = ResolversParentTypes['MessageEvent']> = ResolversObject<{
  conversationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type MessageTemplateResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['MessageTemplate'] = ResolversParentTypes['MessageTemplate']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type MessageTemplateConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['MessageTemplateConnection'] = ResolversParentTypes['MessageTemplateConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['MessageTemplate']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addCommunityMember?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationAddCommunityMemberArgs, 'communityId' | 'role' | 'userId'>>;
  archiveCommunity?: Resolver<ResolversTypes['Community'], ParentType, ContextType, RequireFields<MutationArchiveCommunityArgs, 'id'>>;
  banCommunityMember?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationBanCommunityMemberArgs, 'communityId' | 'reason' | 'userId'>>;
  createCommunity?: Resolver<ResolversTypes['Community'], ParentType, ContextType, RequireFields<MutationCreateCommunityArgs, 'input'>>;
  createPost?: Resolver<ResolversTypes['Post'], ParentType, ContextType, RequireFields<MutationCreatePostArgs, 'body' | 'communityId'>>;
  deleteMessageTemplate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteMessageTemplateArgs, 'id'>>;
  deletePost?: Resolver<ResolversTypes['Post'], ParentType, ContextType, RequireFields<MutationDeletePostArgs, 'id'>>;
  editPost?: Resolver<ResolversTypes['Post'], ParentType, ContextType, RequireFields<MutationEditPostArgs, 'body' | 'id'>>;
  hidePost?: Resolver<ResolversTypes['Post'], ParentType, ContextType, RequireFields<MutationHidePostArgs, 'id' | 'reason'>>;
  joinCommunity?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationJoinCommunityArgs, 'communityId'>>;
  leaveCommunity?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationLeaveCommunityArgs, 'communityId'>>;
  markConversationRead?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationMarkConversationReadArgs, 'id'>>;
  markNotificationsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType, Partial<MutationMarkNotificationsReadArgs>>;
  reportPost?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationReportPostArgs, 'id' | 'reason'>>;
  restorePost?: Resolver<ResolversTypes['Post'], ParentType, ContextType, RequireFields<MutationRestorePostArgs, 'id' | 'reason'>>;
  saveMessageTemplate?: Resolver<ResolversTypes['MessageTemplate'], ParentType, ContextType, RequireFields<MutationSaveMessageTemplateArgs, 'input'>>;
  sendAnnouncement?: Resolver<ResolversTypes['Announcement'], ParentType, ContextType, RequireFields<MutationSendAnnouncementArgs, 'input'>>;
  sendDirectMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationSendDirectMessageArgs, 'body' | 'toUserId'>>;
  sendSystemMessage?: Resolver<ResolversTypes['Notification'], ParentType, ContextType, RequireFields<MutationSendSystemMessageArgs, 'tenantId' | 'title'>>;
  setNotificationPreference?: Resolver<ResolversTypes['NotificationPreference'], ParentType, ContextType, RequireFields<MutationSetNotificationPreferenceArgs, 'channels' | 'kind'>>;
}>;

export type NotificationResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Notification'] = ResolversParentTypes['Notification']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  read?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  subject?: Resolver<Array<ResolversTypes['NotificationSubject']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NotificationConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['NotificationConnection'] = ResolversParentTypes['NotificationConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Notification']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type NotificationEventResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['NotificationEvent'] = ResolversParentTypes['NotificationEvent']> = ResolversObject<{
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  notification?: Resolver<Maybe<ResolversTypes['Notification']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type NotificationPreferenceResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['NotificationPreference'] = ResolversParentTypes['NotificationPreference']> = ResolversObject<{
  channels?: Resolver<Array<ResolversTypes['MessageChannel']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type NotificationSubjectResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['NotificationSubject'] = ResolversParentTypes['NotificationSubject']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PostResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Post'] = ResolversParentTypes['Post'], FederationReferenceType extends FederationReferenceTypes['Post'] = FederationReferenceTypes['Post']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Post']> | FederationReferenceType, FederationReferenceType, ContextType>;
  author?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  editedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  html?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replyTo?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['PostState'], ParentType, ContextType>;
}>;

export type PostConnectionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['PostConnection'] = ResolversParentTypes['PostConnection']> = ResolversObject<{
  nodes?: Resolver<Array<ResolversTypes['Post']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  announcement?: Resolver<Maybe<ResolversTypes['Announcement']>, ParentType, ContextType, RequireFields<QueryAnnouncementArgs, 'id'>>;
  announcements?: Resolver<ResolversTypes['AnnouncementConnection'], ParentType, ContextType, RequireFields<QueryAnnouncementsArgs, 'first'>>;
  communities?: Resolver<ResolversTypes['CommunityConnection'], ParentType, ContextType, RequireFields<QueryCommunitiesArgs, 'first'>>;
  community?: Resolver<Maybe<ResolversTypes['Community']>, ParentType, ContextType, RequireFields<QueryCommunityArgs, 'id'>>;
  communityEventsByIds?: Resolver<Array<Maybe<ResolversTypes['CommunityEvent']>>, ParentType, ContextType, RequireFields<QueryCommunityEventsByIdsArgs, 'eventIds'>>;
  communityEventsFilter?: Resolver<ResolversTypes['EventFilter'], ParentType, ContextType, RequireFields<QueryCommunityEventsFilterArgs, 'communityId'>>;
  conversation?: Resolver<Maybe<ResolversTypes['Conversation']>, ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
  messageEventsByIds?: Resolver<Array<Maybe<ResolversTypes['MessageEvent']>>, ParentType, ContextType, RequireFields<QueryMessageEventsByIdsArgs, 'eventIds'>>;
  messageTemplates?: Resolver<ResolversTypes['MessageTemplateConnection'], ParentType, ContextType, RequireFields<QueryMessageTemplatesArgs, 'first'>>;
  moderationQueue?: Resolver<ResolversTypes['PostConnection'], ParentType, ContextType, RequireFields<QueryModerationQueueArgs, 'first'>>;
  myConversations?: Resolver<ResolversTypes['ConversationConnection'], ParentType, ContextType, RequireFields<QueryMyConversationsArgs, 'first'>>;
  myMessagesFilter?: Resolver<ResolversTypes['EventFilter'], ParentType, ContextType>;
  myNotificationPreferences?: Resolver<Array<ResolversTypes['NotificationPreference']>, ParentType, ContextType>;
  myNotifications?: Resolver<ResolversTypes['NotificationConnection'], ParentType, ContextType, RequireFields<QueryMyNotificationsArgs, 'first' | 'unreadOnly'>>;
  myNotificationsFilter?: Resolver<ResolversTypes['EventFilter'], ParentType, ContextType>;
  notificationEventsByIds?: Resolver<Array<Maybe<ResolversTypes['NotificationEvent']>>, ParentType, ContextType, RequireFields<QueryNotificationEventsByIdsArgs, 'eventIds'>>;
  post?: Resolver<Maybe<ResolversTypes['Post']>, ParentType, ContextType, RequireFields<QueryPostArgs, 'id'>>;
}>;

export type SubscriptionResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  communityEvents?: SubscriptionResolver<ResolversTypes['CommunityEvent'], "communityEvents", ParentType, ContextType, RequireFields<SubscriptionCommunityEventsArgs, 'communityId'>>;
  myMessages?: SubscriptionResolver<ResolversTypes['MessageEvent'], "myMessages", ParentType, ContextType>;
  myNotifications?: SubscriptionResolver<ResolversTypes['NotificationEvent'], "myNotifications", ParentType, ContextType>;
}>;

export type TenantResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['Tenant'] = ResolversParentTypes['Tenant']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = CommunitiesContext, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  communities?: Resolver<ResolversTypes['CommunityConnection'], ParentType, ContextType, RequireFields<UserCommunitiesArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = CommunitiesContext> = ResolversObject<{
  Announcement?: AnnouncementResolvers<ContextType>;
  AnnouncementChannelProgress?: AnnouncementChannelProgressResolvers<ContextType>;
  AnnouncementConnection?: AnnouncementConnectionResolvers<ContextType>;
  Community?: CommunityResolvers<ContextType>;
  CommunityConnection?: CommunityConnectionResolvers<ContextType>;
  CommunityEvent?: CommunityEventResolvers<ContextType>;
  Conversation?: ConversationResolvers<ContextType>;
  ConversationConnection?: ConversationConnectionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EventFilter?: EventFilterResolvers<ContextType>;
  EventKeyMatch?: EventKeyMatchResolvers<ContextType>;
  Library?: LibraryResolvers<ContextType>;
  Membership?: MembershipResolvers<ContextType>;
  MembershipConnection?: MembershipConnectionResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageEvent?: MessageEventResolvers<ContextType>;
  MessageTemplate?: MessageTemplateResolvers<ContextType>;
  MessageTemplateConnection?: MessageTemplateConnectionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Notification?: NotificationResolvers<ContextType>;
  NotificationConnection?: NotificationConnectionResolvers<ContextType>;
  NotificationEvent?: NotificationEventResolvers<ContextType>;
  NotificationPreference?: NotificationPreferenceResolvers<ContextType>;
  NotificationSubject?: NotificationSubjectResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Post?: PostResolvers<ContextType>;
  PostConnection?: PostConnectionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  Tenant?: TenantResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = CommunitiesContext> = ResolversObject<{
  eventSubscription?: EventSubscriptionDirectiveResolver<any, any, ContextType>;
}>;
