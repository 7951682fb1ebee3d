import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import type { OutboxRelay } from '../../../common/events/outbox.js';
import type { BookingsDatabase } from './db.js';
import type { HoldSweeper } from './holds.js';
import { createLoaders, type BookingsLoaders } from './loaders.js';

/** What the bookings subgraph's resolvers and background work share. */
export interface BookingsCore {
  db: Kysely<BookingsDatabase>;
  relay: OutboxRelay;
  /** The clock bookings are validated against. */
  now: () => Date;
}

export interface BookingsServices extends BookingsCore {
  holdSweeper: HoldSweeper;
}

export interface BookingsContext extends BookingsServices {
  viewer: Viewer | null;
  loaders: BookingsLoaders;
}

export function createContext(services: BookingsServices, viewer: Viewer | null): BookingsContext {
  return { ...services, viewer, loaders: createLoaders(services.db, viewer) };
}
