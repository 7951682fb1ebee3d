import { platformAdmin } from '../../../../../common/auth/guards.js';
import { asPlatform } from '../../../../../common/db/scope.js';
import { badUserInput, notFound } from '../../../../../common/errors.js';
import { pollUntil } from '../../../../../common/poll.js';
import { isUuid, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import type { PaymentsContext } from '../../context.js';
import { accountsOf } from '../../db/credits.js';
import { requireIdempotencyKey } from '../../rules/idempotency-key.js';
import { grant, topUpPool, type AdminOrder } from '../../wallets.js';
import { platformPool } from '../Query.js';

const MAX_CREDITS = 1_000_000_000;

function adminOrder(ctx: PaymentsContext, args: { channel: AdminOrder['channel']; amount: number; reason: string; idempotencyKey: string }, { signed }: { signed: boolean }): AdminOrder {
  const admin = platformAdmin(ctx.viewer, 'Only platform admins move credits.');
  const { amount } = args;
  if (!Number.isSafeInteger(amount) || amount === 0 || Math.abs(amount) > MAX_CREDITS || (!signed && amount < 0)) {
    throw badUserInput(`amount must be a whole number of credits${signed ? ', not zero,' : ' above zero'} and at most ${MAX_CREDITS}.`, 'amount');
  }
  return { adminId: admin.userId, channel: args.channel, amount, reason: requireText(args.reason, 'reason', { max: 500 }), idempotencyKey: requireIdempotencyKey(args.idempotencyKey) };
}

/**
 * A tenant's wallet is made when the tenant's creation event arrives: a tenant created a moment
 * ago may not have one yet, so a miss waits briefly; an id no tenant has is NOT_FOUND.
 */
async function requireWallet(ctx: PaymentsContext, tenantId: string): Promise<void> {
  if (!isUuid(tenantId)) throw notFound('Tenant');
  const exists = await pollUntil(
    () => asPlatform(ctx.db, { actor: ctx.viewer!.userId, action: 'look up a credit wallet' }, async (trx) => (await accountsOf(trx, [tenantId])).length > 0),
    Boolean,
  );
  if (!exists) throw notFound('Tenant');
}

export const creditMutations: Pick<MutationResolvers, 'topUpCreditPool' | 'grantCredits' | 'adjustCredits'> = {
  topUpCreditPool: async (_parent, args, ctx) => {
    await topUpPool(ctx, adminOrder(ctx, args, { signed: false }));
    return platformPool(ctx);
  },
  grantCredits: async (_parent, { tenantId, ...args }, ctx) => {
    const order = adminOrder(ctx, args, { signed: false });
    await requireWallet(ctx, tenantId);
    await grant(ctx, tenantId, { ...order, kind: 'GRANT' });
    return { tenantId };
  },
  adjustCredits: async (_parent, { tenantId, ...args }, ctx) => {
    const order = adminOrder(ctx, args, { signed: true });
    await requireWallet(ctx, tenantId);
    await grant(ctx, tenantId, { ...order, kind: 'ADJUST' });
    return { tenantId };
  },
};
