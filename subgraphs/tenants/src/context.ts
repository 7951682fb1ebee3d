import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import type { OutboxRelay } from '../../../common/events/outbox.js';
import type { TenantsDatabase } from './db.js';
import { createLoaders, type TenantsLoaders } from './loaders.js';

export interface TenantsServices {
  db: Kysely<TenantsDatabase>;
  relay: OutboxRelay;
}

export interface TenantsContext extends TenantsServices {
  viewer: Viewer | null;
  loaders: TenantsLoaders;
}

export function createContext(services: TenantsServices, viewer: Viewer | null): TenantsContext {
  return { ...services, viewer, loaders: createLoaders(services.db, viewer) };
}
