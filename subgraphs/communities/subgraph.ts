import { z } from 'zod';
import { tenantMembersProjection } from '../../common/membership/tenant-members.js';
import { DateTime } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { createContext, type CommunitiesServices } from './src/context.js';
import { memberRoleLookup } from './src/messages/member-roles.js';
import { notificationsFromEvents } from './src/notifications/from-events.js';
import type { CommunitiesDatabase } from './src/db.js';
import { Community } from './src/resolvers/Community.js';
import { CommunityEvent } from './src/resolvers/CommunityEvent.js';
import { Conversation, Message, MessageEvent } from './src/resolvers/Conversation.js';
import { Library } from './src/resolvers/Library.js';
import { Membership } from './src/resolvers/Membership.js';
import { Mutation } from './src/resolvers/Mutation.js';
import { Notification, NotificationEvent } from './src/resolvers/Notification.js';
import { Post } from './src/resolvers/Post.js';
import { Query } from './src/resolvers/Query.js';
import { User } from './src/resolvers/User.js';

const resolvers: Resolvers = { DateTime, Query, Mutation, Community, Membership, Post, CommunityEvent, User, Library, Notification, NotificationEvent, Conversation, Message, MessageEvent };

const communitiesSettings = z.object({
  /** How many members' reports put a post in the moderation queue. */
  COMMUNITY_REPORT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(3),
  /** How many direct messages one member may send a minute. */
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(20),
});

/** Communities of a tenant, their members and posts; direct messages; in-app notifications; their subscriptions. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  settings: communitiesSettings,
  services: ({ db, relay, settings, endpointUrl, serviceSecret }: SubgraphPlatform<CommunitiesDatabase, z.infer<typeof communitiesSettings>>): CommunitiesServices => ({
    db,
    relay,
    reportThreshold: settings.COMMUNITY_REPORT_THRESHOLD,
    memberRole: memberRoleLookup(endpointUrl('memberRoles'), serviceSecret),
    messagesPerMinute: settings.MESSAGES_PER_MINUTE,
  }),
  context: createContext,
  consumers: (services) => ({ 'tenant-members': tenantMembersProjection(services.db), notifications: notificationsFromEvents(services) }),
});
