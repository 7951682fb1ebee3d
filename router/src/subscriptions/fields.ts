import type { Viewer } from '../../../common/auth/viewer.js';
import type { CarrelEvent } from '../../../common/events/event.js';

/**
 * What the router needs to know about each subscription field a subgraph declares: which events
 * feed it, which query field re-reads an event by id for hydration, and which events concern a
 * given subscriber (the tenant is checked before this, always).
 */
export interface SubscriptionField {
  eventTypes: ReadonlySet<string>;
  /** A root Query field `(eventId: ID!)` returning the subscription field's type. */
  hydrationField: string;
  accepts(event: CarrelEvent, args: Record<string, unknown>, viewer: Viewer): boolean;
}

const BOOKING_EVENT_TYPES: Record<string, string> = {
  BOOKING_CREATED: 'CREATED',
  BOOKING_CANCELLED: 'CANCELLED',
  BOOKING_CHECKED_IN: 'CHECKED_IN',
};

export const SUBSCRIPTION_FIELDS: Record<string, SubscriptionField> = {
  bookingEvents: {
    eventTypes: new Set(Object.keys(BOOKING_EVENT_TYPES)),
    hydrationField: 'bookingEvent',
    accepts(event, args, viewer) {
      if (viewer.role === 'STUDENT' && event.keys.userId !== viewer.userId) return false;
      if (typeof args.libraryId === 'string' && event.keys.libraryId !== args.libraryId) return false;
      const types = args.types as string[] | null | undefined;
      return !types || types.includes(BOOKING_EVENT_TYPES[event.type]!);
    },
  },
  tenantStatusChanged: {
    eventTypes: new Set(['TENANT_SUSPENDED', 'TENANT_REACTIVATED']),
    hydrationField: 'tenantStatusEvent',
    accepts: () => true,
  },
};
