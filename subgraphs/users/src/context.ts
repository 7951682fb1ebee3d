import type { Kysely } from 'kysely';
import type { Viewer } from '../../../common/auth/viewer.js';
import type { RequestFacts } from '../../../common/server/subgraph-server.js';
import type { OutboxRelay } from '../../../common/events/outbox.js';
import type { PasswordHashCost } from './auth/passwords.js';
import type { SignInLimiter } from './auth/sign-in-limiter.js';
import type { TokenSigner } from './auth/signing-keys.js';
import type { UsersDatabase } from './db.js';
import { createLoaders, type UsersLoaders } from './loaders.js';

/** What lives as long as the service: shared by every request. */
export interface UsersServices {
  db: Kysely<UsersDatabase>;
  relay: OutboxRelay;
  signer: TokenSigner;
  passwordHashCost: PasswordHashCost;
  refreshTokenTtlSeconds: number;
  /** Compared against for unknown emails so timing does not reveal which exist. */
  decoyPasswordHash: string;
  signInLimiter: SignInLimiter;
}

export interface UsersContext extends UsersServices {
  viewer: Viewer | null;
  loaders: UsersLoaders;
  /** Where the request came from: sign-in failures are counted per address and account. */
  clientIp: string;
}

export function createContext(services: UsersServices, viewer: Viewer | null, { clientIp }: RequestFacts): UsersContext {
  return { ...services, viewer, loaders: createLoaders(services.db, viewer), clientIp };
}
