import { platformAdmin } from '../../../../../common/auth/guards.js';
import { asPlatform } from '../../../../../common/db/scope.js';
import { badUserInput, notFound } from '../../../../../common/errors.js';
import { isUuid, requireCurrency, requireText } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import type { PaymentsContext } from '../../context.js';
import { once } from '../../db/idempotency.js';
import { createSettlement, findSettlementsByIds, transitionSettlement } from '../../db/settlements.js';
import { requireIdempotencyKey } from '../../rules/idempotency-key.js';

const DAY = 24 * 3600_000;

/** A settlement that did not move on: NOT_FOUND, or why its status forbids it. */
async function explain(ctx: PaymentsContext, id: string, wanted: string): Promise<never> {
  const [settlement] = await asPlatform(ctx.db, { actor: ctx.viewer!.userId, action: 'explain a settlement refusal' }, (trx) => findSettlementsByIds(trx, [id]));
  if (!settlement) throw notFound('Settlement');
  throw badUserInput(`The settlement is ${settlement.status}; only ${wanted} settlements can be moved on.`, 'id');
}

export const settlementMutations: Pick<MutationResolvers, 'createSettlement' | 'approveSettlement' | 'markSettlementPaid'> = {
  createSettlement: async (_parent, { tenantId, from, to, currency, idempotencyKey }, ctx) => {
    const admin = platformAdmin(ctx.viewer, 'Only platform admins settle payments.');
    const key = requireIdempotencyKey(idempotencyKey);
    if (!isUuid(tenantId)) throw notFound('Tenant');
    if (to.getTime() <= from.getTime()) throw badUserInput('to must be after from.', 'to');
    if (to.getTime() - from.getTime() > 366 * DAY) throw badUserInput('A settlement covers at most 366 days.', 'to');
    const code = requireCurrency(currency, 'currency');
    const { id } = await asPlatform(ctx.db, { actor: admin.userId, action: `settle payments of tenant ${tenantId}` }, (trx) =>
      once(trx, { tenantId, actor: admin.userId, key, operation: 'createSettlement', request: { from, to, currency: code } }, async () => {
        const settlement = await createSettlement(trx, { tenantId, from, to, currency: code, createdBy: admin.userId });
        if (!settlement) throw badUserInput('No successful online payments of that period are waiting to be settled.', 'from');
        return settlement.id;
      }),
    );
    return (await asPlatform(ctx.db, { actor: admin.userId, action: 'read a settlement' }, (trx) => findSettlementsByIds(trx, [id])))[0]!;
  },

  approveSettlement: async (_parent, { id }, ctx) => {
    const admin = platformAdmin(ctx.viewer, 'Only platform admins settle payments.');
    if (!isUuid(id)) throw notFound('Settlement');
    const approved = await asPlatform(ctx.db, { actor: admin.userId, action: `approve settlement ${id}` }, (trx) =>
      transitionSettlement(trx, id, 'DRAFT', { status: 'APPROVED', approved_by: admin.userId, approved_at: new Date() }),
    );
    return approved ?? explain(ctx, id, 'DRAFT');
  },

  markSettlementPaid: async (_parent, { id, utr }, ctx) => {
    const admin = platformAdmin(ctx.viewer, 'Only platform admins settle payments.');
    if (!isUuid(id)) throw notFound('Settlement');
    const reference = requireText(utr, 'utr', { min: 6, max: 40 });
    if (!/^[A-Za-z0-9-]+$/.test(reference)) throw badUserInput('utr is letters, digits and dashes.', 'utr');
    const paid = await asPlatform(ctx.db, { actor: admin.userId, action: `record the payout of settlement ${id}` }, (trx) =>
      transitionSettlement(trx, id, 'APPROVED', { status: 'PAID', paid_by: admin.userId, paid_at: new Date(), utr: reference }),
    );
    return paid ?? explain(ctx, id, 'APPROVED');
  },
};
