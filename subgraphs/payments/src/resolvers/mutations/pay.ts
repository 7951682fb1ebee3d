import { withRole } from '../../../../../common/auth/guards.js';
import { isTenantStaff, type TenantMember } from '../../../../../common/auth/viewer.js';
import { inTenant } from '../../../../../common/db/scope.js';
import { badUserInput, notFound } from '../../../../../common/errors.js';
import { changeAndPublish, recordEvents } from '../../../../../common/events/outbox.js';
import { isUuid } from '../../../../../common/validation.js';
import type { MutationResolvers } from '../../__generated__/resolvers-types.js';
import type { BookingCharge } from '../../booking-charges.js';
import { paymentOf, startCheckout } from '../../checkout.js';
import type { PaymentsContext } from '../../context.js';
import { once } from '../../db/idempotency.js';
import { findOpenPaymentOfBooking, insertPayment, markSucceeded, type PaymentRow } from '../../db/payments.js';
import { requireIdempotencyKey } from '../../rules/idempotency-key.js';

const PAYABLE = new Set<BookingCharge['status']>(['PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN']);

/** The booking's charge, as the member may act on it: students their own, staff and owners the tenant's. */
async function chargeFor(ctx: PaymentsContext, member: TenantMember, bookingId: string): Promise<BookingCharge> {
  if (!isUuid(bookingId)) throw notFound('Booking');
  const charge = await ctx.bookingCharge(member.tenantId, bookingId);
  if (!isTenantStaff(member) && charge.userId !== member.userId) throw notFound('Booking');
  if (!PAYABLE.has(charge.status)) throw badUserInput(`A ${charge.status.toLowerCase().replace('_', ' ')} booking cannot be paid.`, 'bookingId');
  if (charge.priceMinor <= 0) throw badUserInput('This booking costs nothing.', 'bookingId');
  return charge;
}

/** A payment the booking already has, which a new attempt must not duplicate. */
function refuseIfPaid(open: PaymentRow | undefined): void {
  if (open?.status === 'SUCCEEDED') throw badUserInput('This booking is already paid.', 'bookingId');
}

export const payMutations: Pick<MutationResolvers, 'payForBooking' | 'recordDeskPayment'> = {
  payForBooking: async (_parent, { bookingId, idempotencyKey }, ctx) => {
    const member = withRole(ctx.viewer, ['STUDENT', 'STAFF', 'OWNER'], 'Payments are made within a tenant; platform admins do not pay.');
    const key = requireIdempotencyKey(idempotencyKey);
    const charge = await chargeFor(ctx, member, bookingId);
    const { id } = await inTenant(ctx.db, member.tenantId, (trx) =>
      once(trx, { tenantId: member.tenantId, actor: member.userId, key, operation: 'payForBooking', request: { bookingId } }, async () => {
        const open = await findOpenPaymentOfBooking(trx, charge.bookingId);
        refuseIfPaid(open);
        // A payment already in progress is resumed, not doubled: the portal gets its checkout again.
        if (open) return open.id;
        const payment = await insertPayment(trx, {
          tenant_id: member.tenantId,
          booking_id: charge.bookingId,
          library_id: charge.libraryId,
          user_id: charge.userId,
          created_by: member.userId,
          method: 'ONLINE',
          status: 'PENDING',
          amount_minor: charge.priceMinor,
          currency: charge.currency,
          provider: ctx.provider.name,
        });
        return payment.id;
      }),
    );
    return startCheckout(ctx, await paymentOf(ctx, member.tenantId, id), `Booking ${bookingId}`);
  },

  recordDeskPayment: async (_parent, { bookingId, method, idempotencyKey }, ctx) => {
    const staff = withRole(ctx.viewer, ['STAFF', 'OWNER'], 'Staff and owners record desk payments.');
    const key = requireIdempotencyKey(idempotencyKey);
    const charge = await chargeFor(ctx, staff, bookingId);
    const { id } = await changeAndPublish(ctx.relay, () =>
      inTenant(ctx.db, staff.tenantId, (trx) =>
        once(trx, { tenantId: staff.tenantId, actor: staff.userId, key, operation: 'recordDeskPayment', request: { bookingId, method } }, async () => {
          const open = await findOpenPaymentOfBooking(trx, charge.bookingId);
          refuseIfPaid(open);
          if (open) throw badUserInput('An online payment for this booking is in progress.', 'bookingId');
          const pending = await insertPayment(trx, {
            tenant_id: staff.tenantId,
            booking_id: charge.bookingId,
            library_id: charge.libraryId,
            user_id: charge.userId,
            created_by: staff.userId,
            method,
            status: 'PENDING',
            amount_minor: charge.priceMinor,
            currency: charge.currency,
          });
          // Money taken at the desk passes through no gateway, and the platform takes no cut of it.
          const paid = (await markSucceeded(trx, pending.id, { gatewayFeeMinor: 0, platformFeeBps: 0 }, new Date()))!;
          await recordEvents(trx, [{ tenantId: paid.tenant_id, type: 'PAYMENT_SUCCEEDED', keys: { paymentId: paid.id, bookingId: charge.bookingId, userId: paid.user_id } }]);
          return paid.id;
        }),
      ),
    );
    return paymentOf(ctx, staff.tenantId, id);
  },
};
