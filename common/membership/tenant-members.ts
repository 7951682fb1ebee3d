import type { Generated, Kysely, Transaction } from 'kysely';
import { inTenant } from '../db/scope.js';
import type { EventType } from '../events/catalogue.js';
import type { CarrelEvent, EventHandler } from '../events/event.js';
import { pollUntil } from '../poll.js';

/**
 * Which user ids are active members of which tenant, for a subgraph that must check a user id it
 * is given (booking on a student's behalf, adding a member to a group) without reading another
 * subgraph's tables: a projection of the membership events, in the subgraph's own database.
 * Its table comes from `createTenantMembersTableV1` in a migration; the subgraph subscribes
 * `tenantMembersProjection` among its manifest's consumers.
 */
export interface TenantMembersTables {
  tenant_members: {
    tenant_id: string;
    user_id: string;
    active: boolean;
    updated_at: Generated<Date>;
  };
}

const ACTIVE_BY_EVENT: Partial<Record<EventType, boolean>> = { USER_JOINED: true, USER_DISABLED: false };

/** Keeps `tenant_members` in step with the membership events; an event older than the row it would change is ignored. */
export function tenantMembersProjection(db: Kysely<any>): EventHandler {
  const members = db as Kysely<TenantMembersTables>;
  return async (event: CarrelEvent) => {
    const active = ACTIVE_BY_EVENT[event.type as EventType];
    const userId = event.keys.userId;
    if (active === undefined || !userId) return;
    const updatedAt = new Date(event.occurredAt);
    await inTenant(members, event.tenantId, (trx) =>
      trx
        .insertInto('tenant_members')
        .values({ tenant_id: event.tenantId, user_id: userId, active, updated_at: updatedAt })
        .onConflict((oc) => oc.columns(['tenant_id', 'user_id']).doUpdateSet({ active, updated_at: updatedAt }).where('tenant_members.updated_at', '<', updatedAt))
        .execute(),
    );
  };
}

/** Whether a user is an active member of the current transaction's tenant. */
export async function isActiveMember(trx: Transaction<any>, userId: string): Promise<boolean> {
  const row = await (trx as Transaction<TenantMembersTables>).selectFrom('tenant_members').select('active').where('user_id', '=', userId).executeTakeFirst();
  return row?.active === true;
}

/**
 * Whether a user id is an active member of the tenant. A user who joined a moment ago may not have
 * reached the projection yet (its event is on the way), so a miss waits briefly before counting.
 */
export function awaitActiveMember(db: Kysely<any>, tenantId: string, userId: string): Promise<boolean> {
  return pollUntil(() => inTenant(db, tenantId, (trx) => isActiveMember(trx, userId)), Boolean);
}
