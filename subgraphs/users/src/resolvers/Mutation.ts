import type { Transaction } from 'kysely';
import { signedIn, withRole } from '../../../../common/auth/guards.js';
import type { Role } from '../../../../common/auth/viewer.js';
import { asPlatform, inTenant, withoutTenant } from '../../../../common/db/scope.js';
import { asViewer } from '../../../../common/db/viewer-scope.js';
import { badUserInput, forbidden, notFound, tenantSuspended, unauthenticated } from '../../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../../common/events/outbox.js';
import { isUuid, requireEmail, requireText } from '../../../../common/validation.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../auth/passwords.js';
import { endSession, refreshSession, startSession } from '../auth/sessions.js';
import type { UsersContext } from '../context.js';
import { findTenantBySlug, findUserByEmail, findUsersByIds, insertUser, revokeSessions, updateUser, type NewUser, type UserRow, type UsersDatabase, type UserUpdate } from '../db.js';
import { phoneNumber } from '../rules/phone.js';
import { awaitTenantInDirectory } from '../tenant-directory.js';

const WRONG_CREDENTIALS = 'The email or password is wrong.';

/** Tells other subgraphs who belongs to a tenant, in the transaction that changes it. */
async function recordMembership(trx: Transaction<UsersDatabase>, user: UserRow, type: 'USER_JOINED' | 'USER_DISABLED'): Promise<void> {
  if (user.tenant_id) await recordEvents(trx, [{ tenantId: user.tenant_id, type, keys: { userId: user.id } }]);
}

function requirePassword(password: string, field = 'password'): string {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 200) {
    throw badUserInput(`The password must be between ${MIN_PASSWORD_LENGTH} and 200 characters.`, field);
  }
  return password;
}

/** Loads a user the viewer may manage, in the viewer's scope: another tenant's user is NOT_FOUND. */
async function managedUser(ctx: UsersContext, trx: Transaction<UsersDatabase>, userId: string): Promise<UserRow> {
  const [user] = isUuid(userId) ? await findUsersByIds(trx, [userId]) : [];
  if (!user || (ctx.viewer?.role !== 'PLATFORM_ADMIN' && user.tenant_id !== ctx.viewer?.tenantId)) throw notFound('User');
  if (user.id === ctx.viewer?.userId) throw forbidden('You cannot change your own role or status.');
  return user;
}

/** Inserts a user and announces the membership in one transaction, then publishes it. */
function createMember(
  ctx: UsersContext,
  inScope: (work: (trx: Transaction<UsersDatabase>) => Promise<UserRow>) => Promise<UserRow>,
  user: NewUser,
): Promise<UserRow> {
  return changeAndPublish(ctx.relay, () =>
    inScope(async (trx) => {
      const inserted = await insertUser(trx, user);
      await recordMembership(trx, inserted, 'USER_JOINED');
      return inserted;
    }),
  );
}

const requireManager = (ctx: UsersContext) => withRole(ctx.viewer, ['OWNER', 'PLATFORM_ADMIN'], 'Only owners and platform admins manage users.');

function assignableRole(ctx: UsersContext, role: Role): Role {
  if (role === 'PLATFORM_ADMIN' && ctx.viewer?.role !== 'PLATFORM_ADMIN') throw forbidden('Only platform admins create platform admins.');
  return role;
}

export const Mutation: MutationResolvers = {
  register: async (_parent, { input }, ctx) => {
    const email = requireEmail(input.email);
    const displayName = requireText(input.displayName, 'displayName', { max: 100 });
    const password = requirePassword(input.password);
    const tenant = await withoutTenant(ctx.db, (trx) => findTenantBySlug(trx, input.tenantSlug.trim().toLowerCase()));
    if (!tenant) throw notFound('Tenant');
    if (tenant.status === 'SUSPENDED') throw tenantSuspended();
    const passwordHash = await hashPassword(password, ctx.passwordHashCost);
    return changeAndPublish(ctx.relay, () =>
      inTenant(ctx.db, tenant.tenant_id, async (trx) => {
        const user = await insertUser(trx, { tenant_id: tenant.tenant_id, email, display_name: displayName, role: 'STUDENT', password_hash: passwordHash });
        await recordMembership(trx, user, 'USER_JOINED');
        return startSession(ctx, trx, user);
      }),
    );
  },

  login: async (_parent, { input }, ctx) => {
    const email = input.email.trim().toLowerCase();
    const slug = input.tenantSlug?.trim().toLowerCase();
    const attempts = `${slug || 'platform'}:${email}`;
    await ctx.signInLimiter.attempt(attempts, ctx.clientIp);
    const tenant = slug ? await withoutTenant(ctx.db, (trx) => findTenantBySlug(trx, slug)) : undefined;
    if (slug && !tenant) {
      await verifyPassword(input.password, ctx.decoyPasswordHash);
      throw unauthenticated(WRONG_CREDENTIALS);
    }
    const signIn = async (trx: Transaction<UsersDatabase>) => {
      const user = await findUserByEmail(trx, tenant?.tenant_id ?? null, email);
      const passwordMatches = await verifyPassword(input.password, user?.password_hash ?? ctx.decoyPasswordHash);
      if (!user || !passwordMatches || user.status !== 'ACTIVE') return null;
      if (tenant?.status === 'SUSPENDED') return 'suspended' as const;
      return startSession(ctx, trx, user);
    };
    const session = tenant
      ? await inTenant(ctx.db, tenant.tenant_id, signIn)
      : await asPlatform(ctx.db, { actor: 'system:auth', action: 'platform admin login' }, signIn);
    if (session === 'suspended') throw tenantSuspended();
    if (!session) throw unauthenticated(WRONG_CREDENTIALS);
    await ctx.signInLimiter.succeeded(attempts, ctx.clientIp);
    return session;
  },

  refreshSession: (_parent, { refreshToken }, ctx) => refreshSession(ctx, refreshToken),

  logout: async (_parent, { refreshToken }, ctx) => {
    await endSession(ctx, refreshToken);
    return true;
  },

  updateProfile: async (_parent, { input }, ctx) => {
    const viewer = signedIn(ctx.viewer);
    const changes: UserUpdate = {
      ...(input.displayName != null ? { display_name: requireText(input.displayName, 'displayName', { max: 100 }) } : {}),
      ...(input.phone != null ? { phone: phoneNumber(input.phone) } : {}),
      ...(input.smsOptOut != null ? { sms_opt_out: input.smsOptOut } : {}),
      ...(input.whatsappOptOut != null ? { whatsapp_opt_out: input.whatsappOptOut } : {}),
    };
    const user = await asViewer(ctx.db, viewer, 'update own profile', (trx) => updateUser(trx, viewer.userId, changes));
    if (!user) throw notFound('User');
    return user;
  },

  changePassword: async (_parent, { currentPassword, newPassword }, ctx) => {
    const viewer = signedIn(ctx.viewer);
    requirePassword(newPassword, 'newPassword');
    await ctx.signInLimiter.attempt(`user:${viewer.userId}`, ctx.clientIp);
    const changed = await asViewer(ctx.db, viewer, 'change own password', async (trx) => {
      const [user] = await findUsersByIds(trx, [viewer.userId]);
      if (!user || !(await verifyPassword(currentPassword, user.password_hash))) return false;
      await updateUser(trx, user.id, { password_hash: await hashPassword(newPassword, ctx.passwordHashCost) });
      await revokeSessions(trx, { userId: user.id, exceptSessionId: viewer.sessionId }, 'password changed');
      return true;
    });
    if (!changed) throw badUserInput('The current password is wrong.', 'currentPassword');
    await ctx.signInLimiter.succeeded(`user:${viewer.userId}`, ctx.clientIp);
    return true;
  },

  createUser: async (_parent, { input }, ctx) => {
    const viewer = requireManager(ctx);
    const role = assignableRole(ctx, input.role);
    const email = requireEmail(input.email);
    const displayName = requireText(input.displayName, 'displayName', { max: 100 });
    const passwordHash = await hashPassword(requirePassword(input.password), ctx.passwordHashCost);

    if (viewer.role === 'OWNER') {
      if (input.tenantId && input.tenantId !== viewer.tenantId) throw notFound('Tenant');
      return createMember(ctx, (work) => inTenant(ctx.db, viewer.tenantId, work), { tenant_id: viewer.tenantId, email, display_name: displayName, role, password_hash: passwordHash });
    }
    let tenantId: string | null = null;
    if (role === 'PLATFORM_ADMIN') {
      if (input.tenantId) throw badUserInput('Platform admins belong to no tenant; leave tenantId out.', 'tenantId');
    } else {
      if (!input.tenantId) throw badUserInput('Name the tenant the user belongs to.', 'tenantId');
      if (!isUuid(input.tenantId) || !(await awaitTenantInDirectory(ctx.db, input.tenantId))) throw notFound('Tenant');
      tenantId = input.tenantId;
    }
    return createMember(ctx, (work) => asPlatform(ctx.db, { actor: viewer.userId, action: 'create user' }, work), { tenant_id: tenantId, email, display_name: displayName, role, password_hash: passwordHash });
  },

  setUserRole: async (_parent, { userId, role }, ctx) => {
    const viewer = requireManager(ctx);
    assignableRole(ctx, role);
    return asViewer(ctx.db, viewer, 'set user role', async (trx) => {
      const user = await managedUser(ctx, trx, userId);
      if ((role === 'PLATFORM_ADMIN') !== (user.role === 'PLATFORM_ADMIN')) {
        throw badUserInput('Tenant members cannot become platform admins, nor the other way round.', 'role');
      }
      const updated = await updateUser(trx, user.id, { role });
      await revokeSessions(trx, { userId: user.id }, 'role changed');
      return updated!;
    });
  },

  disableUser: async (_parent, { userId }, ctx) => {
    const viewer = requireManager(ctx);
    return changeAndPublish(ctx.relay, () =>
      asViewer(ctx.db, viewer, 'disable user', async (trx) => {
        const user = await managedUser(ctx, trx, userId);
        const updated = (await updateUser(trx, user.id, { status: 'DISABLED' }))!;
        await revokeSessions(trx, { userId: user.id }, 'user disabled');
        await recordMembership(trx, updated, 'USER_DISABLED');
        return updated;
      }),
    );
  },
};
