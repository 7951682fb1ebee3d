import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import type { OutboxRelay } from '../../../common/events/outbox.js';
import type { Channels } from './announcements/channels/choose-channels.js';
import type { CreditsApi } from './announcements/credits.js';
import type { DeliveryWorker } from './announcements/delivery-worker.js';
import type { ContactBook } from './announcements/recipients.js';
import type { CommunitiesDatabase } from './db.js';
import type { MemberRoleLookup } from './messages/member-roles.js';
import { createLoaders, type CommunitiesLoaders } from './loaders.js';

/** What lives as long as the service: shared by every request. */
export interface CommunitiesServices {
  db: Kysely<CommunitiesDatabase>;
  relay: OutboxRelay;
  /** How many members' reports put a post in the moderation queue. */
  reportThreshold: number;
  memberRole: MemberRoleLookup;
  /** How many direct messages one member may send a minute. */
  messagesPerMinute: number;
  /** Members' addresses, from the service that owns users. */
  contacts: ContactBook;
  /** The tenant's messaging credits, through payments' reservation endpoints. */
  credits: CreditsApi;
  /** Where deliveries go: in-app, email, SMS and WhatsApp, and the provider whose receipts this service reads. */
  channels: Channels;
  /** Sends announcements in the background. */
  deliveries: DeliveryWorker;
}

export interface CommunitiesContext extends CommunitiesServices {
  viewer: Viewer | null;
  loaders: CommunitiesLoaders;
}

export function createContext(services: CommunitiesServices, viewer: Viewer | null): CommunitiesContext {
  return { ...services, viewer, loaders: createLoaders(services.db, viewer) };
}
