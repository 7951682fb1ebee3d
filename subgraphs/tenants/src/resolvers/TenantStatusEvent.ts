import { eventStream } from '../../../../common/events/event-stream.js';
import type { TenantStatusEventResolvers } from '../__generated__/resolvers-types.js';

/** What feeds `tenantStatusChanged`: suspensions and reactivations, which every member may see alike. */
export const tenantStatusEventStream = eventStream({
  types: { TENANT_SUSPENDED: 'SUSPENDED', TENANT_REACTIVATED: 'REACTIVATED' },
});

export const TenantStatusEvent: TenantStatusEventResolvers = {
  eventId: (event) => event.id,
  type: (event) => tenantStatusEventStream.nameOf(event),
  occurredAt: (event) => event.occurredAt,
  tenant: (event, _args, { loaders }) => loaders.tenant.load(event.tenantId),
};
