import type { Transaction } from 'kysely';
import { platformAdmin, signedIn } from '../../../../common/auth/guards.js';
import type { PlatformAdmin } from '../../../../common/auth/viewer.js';
import { asPlatform, inTenant } from '../../../../common/db/scope.js';
import { badUserInput, forbidden, notFound } from '../../../../common/errors.js';
import type { EventType } from '../../../../common/events/catalogue.js';
import { changeAndPublish, recordEvents } from '../../../../common/events/outbox.js';
import { requireText, isUuid } from '../../../../common/validation.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { TenantsContext } from '../context.js';
import { findTenantsByIds, insertTenant, updateTenant, type TenantRow, type TenantsDatabase, type TenantStatus, type TenantUpdate } from '../db.js';
import { brandingColumns, requireSlug, settingsColumns, tenantName } from '../validation.js';

type TenantEventType = Extract<EventType, `TENANT_${string}`>;

/** Writes a tenant change and its event in one transaction, then nudges the relay to publish now. */
async function changeWithEvent(
  ctx: TenantsContext,
  admin: PlatformAdmin,
  action: string,
  change: (trx: Transaction<TenantsDatabase>) => Promise<{ tenant: TenantRow; eventType: TenantEventType | null }>,
): Promise<TenantRow> {
  const { tenant } = await changeAndPublish(ctx.relay, () =>
    asPlatform(ctx.db, { actor: admin.userId, action }, async (trx) => {
      const result = await change(trx);
      if (result.eventType) {
        await recordEvents(trx, [{ tenantId: result.tenant.id, type: result.eventType, keys: { tenantId: result.tenant.id, slug: result.tenant.slug } }]);
      }
      return result;
    }),
  );
  return tenant;
}

/** Moves a tenant between statuses; repeating a transition changes nothing and emits nothing. */
function transition(ctx: TenantsContext, id: string, from: TenantStatus, changes: TenantUpdate, eventType: TenantEventType, action: string) {
  const admin = platformAdmin(ctx.viewer);
  if (!isUuid(id)) throw notFound('Tenant');
  return changeWithEvent(ctx, admin, action, async (trx) => {
    const updated = await updateTenant(trx, id, changes, from);
    if (updated) return { tenant: updated, eventType };
    const [current] = await findTenantsByIds(trx, [id]);
    if (!current) throw notFound('Tenant');
    return { tenant: current, eventType: null };
  });
}

export const Mutation: MutationResolvers = {
  createTenant: async (_parent, { input }, ctx) => {
    const admin = platformAdmin(ctx.viewer);
    const values = {
      slug: requireSlug(input.slug),
      name: tenantName(input.name),
      plan: input.plan ?? 'STARTER',
      ...settingsColumns(input.settings),
      ...brandingColumns(input.branding ?? {}),
    };
    return changeWithEvent(ctx, admin, 'create tenant', async (trx) => ({ tenant: await insertTenant(trx, values), eventType: 'TENANT_CREATED' }));
  },

  updateTenant: async (_parent, { id, input }, ctx) => {
    const viewer = signedIn(ctx.viewer);
    const changes: TenantUpdate = {
      ...(input.name != null ? { name: tenantName(input.name) } : {}),
      ...(input.settings ? settingsColumns(input.settings) : {}),
      ...(input.branding ? brandingColumns(input.branding) : {}),
    };
    const apply = async (trx: Transaction<TenantsDatabase>, tenantId: string) => {
      const updated = isUuid(tenantId) ? await updateTenant(trx, tenantId, changes) : undefined;
      if (!updated) throw notFound('Tenant');
      return updated;
    };
    if (viewer.role === 'PLATFORM_ADMIN') {
      if (!id) throw badUserInput('Name the tenant to update.', 'id');
      return asPlatform(ctx.db, { actor: viewer.userId, action: 'update tenant' }, (trx) => apply(trx, id));
    }
    if (id && id !== viewer.tenantId) throw notFound('Tenant');
    if (viewer.role !== 'OWNER') throw forbidden('Only owners edit their tenant.');
    return inTenant(ctx.db, viewer.tenantId, (trx) => apply(trx, viewer.tenantId));
  },

  suspendTenant: (_parent, { id, reason }, ctx) =>
    transition(
      ctx, id, 'ACTIVE',
      { status: 'SUSPENDED', suspension_reason: requireText(reason, 'reason', { max: 500 }), suspended_at: new Date() },
      'TENANT_SUSPENDED', 'suspend tenant',
    ),

  reactivateTenant: (_parent, { id }, ctx) =>
    transition(ctx, id, 'SUSPENDED', { status: 'ACTIVE', suspension_reason: null, suspended_at: null }, 'TENANT_REACTIVATED', 'reactivate tenant'),
};
