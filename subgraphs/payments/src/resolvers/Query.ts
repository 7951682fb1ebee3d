import { platformAdmin, signedIn, withRole } from '../../../../common/auth/guards.js';
import { tenantScope } from '../../../../common/auth/tenant-scope.js';
import { readAsViewer } from '../../../../common/db/viewer-scope.js';
import { badUserInput, notFound } from '../../../../common/errors.js';
import { readEvents } from '../../../../common/events/event-stream.js';
import { pageRequest } from '../../../../common/pagination.js';
import { isUuid } from '../../../../common/validation.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { PaymentsContext } from '../context.js';
import { accountsOf, balanceOf, CREDIT_CHANNELS } from '../db/credits.js';
import { listPayments } from '../db/payments.js';
import { listSettlements } from '../db/settlements.js';
import { revenueSummary } from '../db/revenue.js';
import { creditEventStream } from './CreditEvent.js';
import { paymentEventStream } from './PaymentEvent.js';

const DAY = 24 * 3600_000;

/** The platform's pool and issued credits per channel, as platform admins see them. */
export async function platformPool(ctx: PaymentsContext) {
  const admin = platformAdmin(ctx.viewer, 'Only platform admins see the platform’s credits.');
  const accounts = await readAsViewer(ctx.db, admin, 'read the platform credit pool', (trx) => accountsOf(trx, [null]));
  // ISSUED is kept as the negative of what was created, so that every channel's accounts sum to zero.
  return CREDIT_CHANNELS.map((channel) => ({ channel, pool: balanceOf(accounts, channel, 'POOL'), issued: -balanceOf(accounts, channel, 'ISSUED') }));
}

export const Query: QueryResolvers = {
  paymentEventsFilter: (_parent, { types, tenantId }, { viewer }) => paymentEventStream.filter(viewer, { tenantId, types }),

  paymentEventsByIds: (_parent, { eventIds }, ctx) => paymentEventStream.readMany(ctx, eventIds),

  creditEventsFilter: (_parent, { channel, tenantId }, { viewer }) =>
    creditEventStream.filter(withRole(viewer, ['STAFF', 'OWNER', 'PLATFORM_ADMIN'], 'Students have no credit wallet to follow.'), { tenantId, keys: { channel } }),

  creditEventsByIds: (_parent, { eventIds }, ctx) => readEvents(eventIds, (eventId) => (ctx.viewer?.role === 'STUDENT' ? null : creditEventStream.read(ctx, eventId))),

  payment: async (_parent, { id }, { viewer, loaders }) => {
    signedIn(viewer);
    const payment = await loaders.payment.load(id);
    if (!payment) throw notFound('Payment');
    return payment;
  },

  payments: (_parent, { filter, first, after, tenantId }, { viewer, db }) => {
    const caller = signedIn(viewer);
    const scope = tenantScope(caller, tenantId, { required: false });
    for (const field of ['libraryId', 'userId', 'bookingId', 'settlementId'] as const) {
      const id = filter?.[field];
      if (id && !isUuid(id)) throw badUserInput(`${field} is not an id.`, `filter.${field}`);
    }
    // Students see their own whatever the filter says.
    const userId = caller.role === 'STUDENT' ? caller.userId : filter?.userId;
    const page = pageRequest(first, after);
    return readAsViewer(db, caller, 'list payments', (trx) =>
      listPayments(trx, { tenantId: scope, userId, libraryId: filter?.libraryId, bookingId: filter?.bookingId, settlementId: filter?.settlementId, status: filter?.status }, page),
    );
  },

  revenueSummary: (_parent, { from, to, libraryId, tenantId }, { viewer, db }) => {
    const caller = withRole(viewer, ['OWNER', 'PLATFORM_ADMIN'], 'Only owners and platform admins see revenue.');
    const scope = tenantScope(caller, tenantId, { required: false });
    if (to.getTime() <= from.getTime()) throw badUserInput('to must be after from.', 'to');
    if (to.getTime() - from.getTime() > 366 * DAY) throw badUserInput('Ask for at most 366 days at a time.', 'to');
    if (libraryId && !isUuid(libraryId)) throw badUserInput('libraryId is not an id.', 'libraryId');
    return readAsViewer(db, caller, 'revenue summary', (trx) => revenueSummary(trx, { tenantId: scope, libraryId: libraryId ?? null, from, to }));
  },

  platformCreditPool: (_parent, _args, ctx) => platformPool(ctx),

  settlements: (_parent, { first, after, tenantId }, { viewer, db }) => {
    const caller = withRole(viewer, ['OWNER', 'PLATFORM_ADMIN'], 'Only owners and platform admins see settlements.');
    const scope = tenantScope(caller, tenantId, { required: false });
    const page = pageRequest(first, after);
    return readAsViewer(db, caller, 'list settlements', (trx) => listSettlements(trx, scope, page));
  },

  settlement: async (_parent, { id }, { viewer, loaders }) => {
    withRole(viewer, ['OWNER', 'PLATFORM_ADMIN'], 'Only owners and platform admins see settlements.');
    const settlement = await loaders.settlement.load(id);
    if (!settlement) throw notFound('Settlement');
    return settlement;
  },
};
