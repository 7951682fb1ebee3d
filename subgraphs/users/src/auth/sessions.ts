import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { tenantSuspended, unauthenticated } from '../../../../common/errors.js';
import { asPlatform, inTenant } from '../../../../common/db/scope.js';
import type { UsersContext } from '../context.js';
import {
  findRefreshToken,
  findTenantInDirectory,
  findUsersByIds,
  insertRefreshToken,
  insertSession,
  revokeSessions,
  useRefreshToken,
  type UserRow,
  type UsersDatabase,
} from '../db.js';

export interface IssuedSession {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  user: UserRow;
}

const PLATFORM_SCOPE = 'platform';

/**
 * A refresh token is `<tenant id or "platform">.<secret>`. The prefix only says which tenant's
 * rows to look in (so the lookup runs under that tenant's row-level security); the database
 * keeps a hash of the whole token, never the token.
 */
function newRefreshToken(tenantId: string | null): { token: string; hash: string } {
  const token = `${tenantId ?? PLATFORM_SCOPE}.${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

function tokenScope(token: string): string | null {
  const scope = token.split('.')[0] ?? '';
  return scope === PLATFORM_SCOPE || /^[0-9a-f-]{36}$/i.test(scope) ? scope : null;
}

/** Runs in the tenant a refresh token names, or on the platform path for platform admins. */
function inTokenScope<T>(db: Kysely<UsersDatabase>, scope: string, action: string, work: (trx: Transaction<UsersDatabase>) => Promise<T>) {
  return scope === PLATFORM_SCOPE ? asPlatform(db, { actor: 'system:auth', action }, work) : inTenant(db, scope, work);
}

/** Starts a session (a refresh-token family) for a user who just proved who they are. */
export async function startSession(ctx: UsersContext, trx: Transaction<UsersDatabase>, user: UserRow): Promise<IssuedSession> {
  const session = await insertSession(trx, user);
  return issueTokens(ctx, trx, user, session.id);
}

async function issueTokens(ctx: UsersContext, trx: Transaction<UsersDatabase>, user: UserRow, sessionId: string): Promise<IssuedSession> {
  const refresh = newRefreshToken(user.tenant_id);
  await insertRefreshToken(trx, {
    tenant_id: user.tenant_id,
    session_id: sessionId,
    token_hash: refresh.hash,
    expires_at: new Date(Date.now() + ctx.refreshTokenTtlSeconds * 1000),
  });
  const access = await ctx.signer.sign({ userId: user.id, tenantId: user.tenant_id, role: user.role, sessionId });
  return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, user };
}

type RefreshOutcome = { ok: IssuedSession } | { reused: true } | { invalid: true } | { suspended: true };

/**
 * Exchanges a refresh token for a new pair. A token that was already used means it leaked:
 * the whole session is revoked, so the thief's and the owner's newer tokens both stop working.
 * The revocation commits before the error is returned.
 */
export async function refreshSession(ctx: UsersContext, token: string): Promise<IssuedSession> {
  const scope = tokenScope(token);
  if (!scope) throw unauthenticated('The refresh token is invalid.');
  const outcome = await inTokenScope<RefreshOutcome>(ctx.db, scope, 'refresh session', async (trx) => {
    const stored = await findRefreshToken(trx, hashToken(token));
    if (!stored || stored.revoked_at) return { invalid: true };
    const reuse = async (): Promise<RefreshOutcome> => {
      await revokeSessions(trx, { sessionId: stored.session_id }, 'refresh token reuse');
      return { reused: true };
    };
    if (stored.used_at) return reuse();
    if (new Date(stored.expires_at) <= new Date()) return { invalid: true };
    const [user] = await findUsersByIds(trx, [stored.user_id]);
    if (!user || user.status !== 'ACTIVE') return { invalid: true };
    // Refused while suspended, the token stays unused: it works again after reactivation.
    if (user.tenant_id && (await findTenantInDirectory(trx, user.tenant_id))?.status === 'SUSPENDED') return { suspended: true };
    if (!(await useRefreshToken(trx, stored.id))) return reuse();
    return { ok: await issueTokens(ctx, trx, user, stored.session_id) };
  });
  if ('ok' in outcome) return outcome.ok;
  if ('suspended' in outcome) throw tenantSuspended();
  throw unauthenticated(
    'reused' in outcome ? 'This refresh token was already used; the session has been ended.' : 'The refresh token is invalid.',
  );
}

/** Ends the session a refresh token belongs to. Unknown tokens are ignored: logging out is idempotent. */
export async function endSession(ctx: UsersContext, token: string): Promise<void> {
  const scope = tokenScope(token);
  if (!scope) return;
  await inTokenScope(ctx.db, scope, 'logout', async (trx) => {
    const stored = await findRefreshToken(trx, hashToken(token));
    if (stored) await revokeSessions(trx, { sessionId: stored.session_id }, 'logout');
  });
}
