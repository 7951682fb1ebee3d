import { z } from 'zod';
import { badUserInput } from '../../common/errors.js';
import { tenantMembersProjection } from '../../common/membership/tenant-members.js';
import { DateTime } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { createContext, type CommunitiesServices } from './src/context.js';
import { chooseChannels, channelSettings } from './src/announcements/channels/choose-channels.js';
import { creditsApi } from './src/announcements/credits.js';
import { deliveryWorker } from './src/announcements/delivery-worker.js';
import { receiptRoutes } from './src/announcements/receipts.js';
import { contactBook } from './src/announcements/recipients.js';
import { memberRoleLookup } from './src/messages/member-roles.js';
import { notificationsFromEvents } from './src/notifications/from-events.js';
import type { CommunitiesDatabase } from './src/db.js';
import { Announcement, MessageTemplate } from './src/resolvers/Announcement.js';
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

const resolvers: Resolvers = { DateTime, Query, Mutation, Community, Membership, Post, CommunityEvent, User, Library, Notification, NotificationEvent, Conversation, Message, MessageEvent, Announcement, MessageTemplate };

const communitiesSettings = z.object({
  /** How many members' reports put a post in the moderation queue. */
  COMMUNITY_REPORT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(3),
  /** How many direct messages one member may send a minute. */
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000).default(20),
  /** How often the announcement sender looks for due deliveries when nothing woke it. */
  ANNOUNCEMENT_POLL_MS: z.coerce.number().int().min(10).default(5_000),
  /** How long a delivery being sent is held by its sender; past it (the sender died), it is sent again. */
  ANNOUNCEMENT_LEASE_MS: z.coerce.number().int().min(100).default(60_000),
  /** The wait before retrying a delivery a provider refused for now, doubled each time. */
  ANNOUNCEMENT_RETRY_BASE_MS: z.coerce.number().int().min(10).default(2_000),
  ANNOUNCEMENT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
}).merge(channelSettings);

/** Communities of a tenant, their members and posts; direct messages; in-app notifications; their subscriptions. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  settings: communitiesSettings,
  async services({ db, relay, settings, endpointUrl, serviceSecret }: SubgraphPlatform<CommunitiesDatabase, z.infer<typeof communitiesSettings>>): Promise<CommunitiesServices> {
    const channels = await chooseChannels(settings, { db, relay });
    const services = {
      db,
      relay,
      reportThreshold: settings.COMMUNITY_REPORT_THRESHOLD,
      memberRole: memberRoleLookup(endpointUrl('memberRoles'), serviceSecret),
      messagesPerMinute: settings.MESSAGES_PER_MINUTE,
      contacts: contactBook(endpointUrl('memberContacts'), serviceSecret),
      credits: creditsApi({ reserve: endpointUrl('creditReservations'), capture: endpointUrl('creditCaptures'), release: endpointUrl('creditReleases') }, serviceSecret),
      channels,
    };
    const timing = {
      pollMs: settings.ANNOUNCEMENT_POLL_MS,
      leaseMs: settings.ANNOUNCEMENT_LEASE_MS,
      retryBaseMs: settings.ANNOUNCEMENT_RETRY_BASE_MS,
      maxAttempts: settings.ANNOUNCEMENT_MAX_ATTEMPTS,
      reservingTimeoutMs: settings.ANNOUNCEMENT_LEASE_MS,
    };
    return { ...services, deliveries: deliveryWorker(services, timing, settings.MESSAGING_RECEIPTS_URL) };
  },
  context: createContext,
  constraintErrors: {
    message_templates_name: () => badUserInput('The tenant already has a template of that name.', 'name'),
  },
  routes: (app, services) => receiptRoutes(app, services),
  started: (services, { url }) => services.deliveries.start(url),
  async stop(services) {
    await services.deliveries.stop();
    await services.channels.close();
  },
  consumers: (services) => ({ 'tenant-members': tenantMembersProjection(services.db), notifications: notificationsFromEvents(services) }),
});
