import type { TenantStatusEventResolvers, TenantStatusEventType } from '../__generated__/resolvers-types.js';

export const TENANT_STATUS_EVENT_TYPES: Record<string, TenantStatusEventType> = {
  TENANT_SUSPENDED: 'SUSPENDED',
  TENANT_REACTIVATED: 'REACTIVATED',
};

export const TenantStatusEvent: TenantStatusEventResolvers = {
  eventId: (event) => event.id,
  type: (event) => TENANT_STATUS_EVENT_TYPES[event.type]!,
  occurredAt: (event) => event.occurredAt,
  tenant: (event, _args, { loaders }) => loaders.tenant.load(event.tenantId),
};
