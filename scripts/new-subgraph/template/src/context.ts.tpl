import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import type { OutboxRelay } from '../../../common/events/outbox.js';
import type { __Name__Database } from './db.js';
import { createLoaders, type __Name__Loaders } from './loaders.js';

/** What lives as long as the service: shared by every request. */
export interface __Name__Services {
  db: Kysely<__Name__Database>;
  relay: OutboxRelay;
}

export interface __Name__Context extends __Name__Services {
  viewer: Viewer | null;
  loaders: __Name__Loaders;
}

export function createContext(services: __Name__Services, viewer: Viewer | null): __Name__Context {
  return { ...services, viewer, loaders: createLoaders(services.db, viewer) };
}
