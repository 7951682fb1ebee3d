import { createLocalJWKSet } from 'jose';
import { z } from 'zod';
import { badUserInput } from '../../common/errors.js';
import { DateTime } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import { memberContacts } from './src/member-contacts.js';
import { memberRoles } from './src/member-roles.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { decoyHash } from './src/auth/passwords.js';
import { ensurePlatformAdmin } from './src/auth/platform-admin.js';
import { signInLimiter } from './src/auth/sign-in-limiter.js';
import { loadTokenSigner } from './src/auth/signing-keys.js';
import { createContext, type UsersServices } from './src/context.js';
import type { UsersDatabase } from './src/db.js';
import { Mutation } from './src/resolvers/Mutation.js';
import { Query } from './src/resolvers/Query.js';
import { User } from './src/resolvers/User.js';
import { tenantDirectoryProjection } from './src/tenant-directory.js';

const resolvers: Resolvers = { DateTime, Query, Mutation, User };
const duplicateEmail = () => badUserInput('A user with this email already exists.', 'email');

const usersSettings = z.object({
  PASSWORD_HASH_COST: z.enum(['owasp', 'test']).default('owasp'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(1).max(3600).default(900),
  REFRESH_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).default(30 * 24 * 3600),
  CARREL_ADMIN_EMAIL: z.string().email().optional(),
  CARREL_ADMIN_PASSWORD: z.string().min(10).optional(),
});

/** Users, sign-in and sessions; signs access tokens and serves their public keys. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  settings: usersSettings,
  async services({ db, relay, settings, redis }: SubgraphPlatform<UsersDatabase, z.infer<typeof usersSettings>>): Promise<UsersServices> {
    const passwordHashCost = settings.PASSWORD_HASH_COST;
    if (settings.CARREL_ADMIN_EMAIL && settings.CARREL_ADMIN_PASSWORD) {
      await ensurePlatformAdmin(db, passwordHashCost, { email: settings.CARREL_ADMIN_EMAIL, password: settings.CARREL_ADMIN_PASSWORD });
    }
    return {
      db,
      relay,
      signer: await loadTokenSigner(db, settings.ACCESS_TOKEN_TTL_SECONDS),
      passwordHashCost,
      refreshTokenTtlSeconds: settings.REFRESH_TOKEN_TTL_SECONDS,
      decoyPasswordHash: await decoyHash(passwordHashCost),
      // Last: the one thing here that holds a connection, made once nothing else can fail.
      signInLimiter: signInLimiter(redis),
    };
  },
  context: createContext,
  constraintErrors: {
    users_tenant_email: duplicateEmail,
    users_platform_email: duplicateEmail,
  },
  consumers: (services) => ({ 'tenant-directory': tenantDirectoryProjection(services.db) }),
  endpoints: {
    tokenKeys: (services) => (_req, res) => void res.set('cache-control', 'public, max-age=300').json(services.signer.jwks),
    memberRoles,
    memberContacts,
  },
  tokenKeys: (services) => createLocalJWKSet(services.signer.jwks),
  stop: (services) => services.signInLimiter.close(),
});
