import { withRole } from '../../../../../common/auth/guards.js';
import { asPlatform, inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, insufficientCredits } from '../../../../../common/errors.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import { paymentOf, startCheckout } from '../../checkout.js';
import { accountsOf, balanceOf } from '../../db/credits.js';
import { once } from '../../db/idempotency.js';
import { insertPayment } from '../../db/payments.js';
import { requireIdempotencyKey } from '../../rules/idempotency-key.js';

const PACKAGE = { min: 100, max: 1_000_000 };

export const buyCreditsMutations: Pick<MutationResolvers, 'buyCredits'> = {
  buyCredits: async (_parent, { channel, amount, idempotencyKey }, ctx) => {
    const owner = withRole(ctx.viewer, ['OWNER'], 'Only owners buy credits.');
    const key = requireIdempotencyKey(idempotencyKey);
    if (!Number.isSafeInteger(amount) || amount < PACKAGE.min || amount > PACKAGE.max) {
      throw badUserInput(`A package holds ${PACKAGE.min} to ${PACKAGE.max} credits.`, 'amount');
    }
    // Checked now so an owner is not charged for credits the platform cannot give; if the pool
    // runs short before the payment succeeds, the grant waits for a top-up (see docs).
    const pool = await asPlatform(ctx.db, { actor: 'system:credit-sales', action: `check the ${channel} pool for tenant ${owner.tenantId}` }, (trx) => accountsOf(trx, [null]));
    const available = balanceOf(pool, channel, 'POOL');
    if (available < amount) throw insufficientCredits(channel, amount, available);

    const price = ctx.creditPrices;
    const { id } = await inTenant(ctx.db, owner.tenantId, (trx) =>
      once(trx, { tenantId: owner.tenantId, actor: owner.userId, key, operation: 'buyCredits', request: { channel, amount } }, async () => {
        const payment = await insertPayment(trx, {
          tenant_id: owner.tenantId,
          purpose: 'CREDITS',
          credit_channel: channel,
          credit_amount: amount,
          user_id: owner.userId,
          created_by: owner.userId,
          method: 'ONLINE',
          status: 'PENDING',
          amount_minor: amount * price.perCredit[channel],
          currency: price.currency,
          provider: ctx.provider.name,
        });
        return payment.id;
      }),
    );
    return startCheckout(ctx, await paymentOf(ctx, owner.tenantId, id), `${amount} ${channel} credits`);
  },
};
