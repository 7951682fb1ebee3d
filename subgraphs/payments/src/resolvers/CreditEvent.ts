import { eventStream } from '../../../../common/events/event-stream.js';
import type { CreditEventResolvers } from '../__generated__/resolvers-types.js';

/** What feeds `creditEvents`: every movement of a tenant's credits; students are refused the stream. */
export const creditEventStream = eventStream({ types: { CREDITS_MOVED: 'MOVED' } });

export const CreditEvent: CreditEventResolvers = {
  eventId: (event) => event.id,
  movement: async (event, _args, { loaders }) => (await loaders.creditMovement.load(event.keys.movementId!))!.kind,
  channel: (event) => event.keys.channel as 'SMS' | 'WHATSAPP' | 'EMAIL',
  amount: async (event, _args, { loaders }) => Number((await loaders.creditMovement.load(event.keys.movementId!))!.amount),
  occurredAt: (event) => event.occurredAt,
  wallet: (event) => ({ tenantId: event.tenantId }),
};
