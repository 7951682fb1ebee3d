import type { Transaction } from 'kysely';
import { idempotencyKeyReused } from '../../../../common/errors.js';
import { requestHash } from '../../../../common/idempotency.js';
import type { PaymentsDatabase } from './database.js';

export interface IdempotentCall {
  tenantId: string;
  /** Whose key it is: a user id, or `system:<process>`. */
  actor: string;
  key: string;
  operation: string;
  /** What was asked, compared on replay: the same key for something else is refused. */
  request: unknown;
}



/**
 * Runs `work` once per key, inside the caller's transaction, and returns the id of what it made;
 * a replay returns the first call's id without running it. The key row is written first: a
 * concurrent call with the same key waits on it until the first commits (then reads its result)
 * or rolls back (then runs itself), so 50 calls at once run `work` exactly once.
 */
export async function once(trx: Transaction<PaymentsDatabase>, call: IdempotentCall, work: () => Promise<string>): Promise<{ id: string; replayed: boolean }> {
  const hash = requestHash([call.operation, call.request]);
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({ tenant_id: call.tenantId, actor: call.actor, key: call.key, operation: call.operation, request_hash: hash })
    .onConflict((oc) => oc.columns(['tenant_id', 'actor', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  if (!claimed) {
    const first = await trx
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'result_id'])
      .where('tenant_id', '=', call.tenantId)
      .where('actor', '=', call.actor)
      .where('key', '=', call.key)
      .executeTakeFirstOrThrow();
    if (first.request_hash !== hash || !first.result_id) throw idempotencyKeyReused();
    return { id: first.result_id, replayed: true };
  }
  const id = await work();
  await trx.updateTable('idempotency_keys').set({ result_id: id }).where('tenant_id', '=', call.tenantId).where('actor', '=', call.actor).where('key', '=', call.key).execute();
  return { id, replayed: false };
}
