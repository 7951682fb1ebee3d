import type { Kysely, Transaction } from 'kysely';
import { logger } from '../logger.js';
import { sentAhead } from './pipelined-postgres.js';
import { APP_ROLE, PLATFORM_ROLE } from './roles.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statement that opens every unit of work, with its values written in rather than bound: a
 * statement without parameters is one simple-protocol message (on PGlite a third of the calls of a
 * bound one). Only a role name of ours and a tenant id checked to be a UUID are ever written in.
 * Its answer is not waited for: on PostgreSQL it leaves with the unit's first statement, which
 * fails if the scope did (`pipelined-postgres.ts`).
 */
async function scopeTo<DB>(trx: Transaction<DB>, role: string, tenantId: string) {
  if (tenantId !== '' && !UUID.test(tenantId)) throw new Error('A tenant id must be a UUID');
  await trx.executeQuery(sentAhead(`select set_config('role', '${role}', true), set_config('app.tenant_id', '${tenantId}', true)`));
}

/**
 * What a unit of work may do. A read-only one is refused any write by PostgreSQL itself, and so
 * need not wait for its commit (`pipelined-postgres.ts`): loaders and lists use it.
 */
export type Access = 'read write' | 'read only';

function unitOfWork<DB, T>(db: Kysely<DB>, role: string, tenantId: string, access: Access, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const transaction = access === 'read only' ? db.transaction().setAccessMode('read only') : db.transaction();
  return transaction.execute(async (trx) => {
    await scopeTo(trx, role, tenantId);
    return work(trx);
  });
}

/**
 * Every unit of work is one transaction whose first statement sets the role and tenant with
 * transaction-local `set_config`, so a pooled connection never carries one request's tenant into
 * the next. Row-level security policies read `app.tenant_id`.
 */
export function inTenant<DB, T>(db: Kysely<DB>, tenantId: string, work: (trx: Transaction<DB>) => Promise<T>, access: Access = 'read write'): Promise<T> {
  return unitOfWork(db, APP_ROLE, tenantId, access, work);
}

/** A unit of work with no tenant: the policies show it no tenant's rows. */
export function withoutTenant<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>, access: Access = 'read write'): Promise<T> {
  return unitOfWork(db, APP_ROLE, '', access, work);
}

export interface PlatformAccess {
  /** Who asks: a platform admin's user id, or a named system process such as `outbox-relay`. */
  actor: string;
  /** What for, written to the audit log. */
  action: string;
}

/**
 * The one way to read or write across tenants: it switches to the platform role, whose policies
 * see every tenant, and writes an audit line. There is no flag ordinary code could set instead.
 */
export function asPlatform<DB, T>(db: Kysely<DB>, access: PlatformAccess, work: (trx: Transaction<DB>) => Promise<T>, mode: Access = 'read write'): Promise<T> {
  const level = access.actor.startsWith('system:') ? 'debug' : 'info';
  logger[level]({ audit: true, actor: access.actor, action: access.action }, 'platform access');
  return unitOfWork(db, PLATFORM_ROLE, '', mode, work);
}
