import { eventStream } from '../../../../common/events/event-stream.js';
import type { PaymentEventResolvers } from '../__generated__/resolvers-types.js';

/** What feeds `paymentEvents`: students receive their own payments' only. */
export const paymentEventStream = eventStream({
  types: { PAYMENT_SUCCEEDED: 'SUCCEEDED', PAYMENT_FAILED: 'FAILED', PAYMENT_REFUNDED: 'REFUNDED' },
  studentKey: 'userId',
});

export const PaymentEvent: PaymentEventResolvers = {
  eventId: (event) => event.id,
  type: (event) => paymentEventStream.nameOf(event),
  occurredAt: (event) => event.occurredAt,
  payment: (event, _args, { loaders }) => (event.keys.paymentId ? loaders.payment.load(event.keys.paymentId) : null),
};
