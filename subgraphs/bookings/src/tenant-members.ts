import type { Kysely } from 'kysely';
import { inTenant } from '../../../common/db/scope.js';
import type { CarrelEvent } from '../../../common/events/event.js';
import { pollUntil } from '../../../common/poll.js';
import { isActiveMember, upsertMember, type BookingsDatabase } from './db.js';

const ACTIVE_BY_EVENT: Record<string, boolean> = { USER_JOINED: true, USER_DISABLED: false };

/** Keeps `tenant_members` in step with the users subgraph's membership events. */
export function tenantMembersProjection(db: Kysely<BookingsDatabase>) {
  return async (event: CarrelEvent): Promise<void> => {
    const active = ACTIVE_BY_EVENT[event.type];
    const userId = event.keys.userId;
    if (active === undefined || !userId) return;
    await inTenant(db, event.tenantId, (trx) => upsertMember(trx, { tenant_id: event.tenantId, user_id: userId, active, updated_at: new Date(event.occurredAt) }));
  };
}

/**
 * Whether a user id is an active member of the tenant. A user who joined a moment ago may not
 * have reached the projection yet, so a miss waits briefly before counting as one.
 */
export function awaitActiveMember(db: Kysely<BookingsDatabase>, tenantId: string, userId: string): Promise<boolean> {
  return pollUntil(() => inTenant(db, tenantId, (trx) => isActiveMember(trx, userId)), Boolean);
}
