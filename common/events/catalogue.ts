/**
 * Every event type a subgraph emits, with the keys it carries: the contract between the subgraph
 * that writes an event and those that consume it. Writing, filtering or consuming an event by a
 * type or key not listed here is a compile error.
 */
export const EVENT_KEYS = {
  TENANT_CREATED: ['tenantId', 'slug'],
  TENANT_SUSPENDED: ['tenantId', 'slug'],
  TENANT_REACTIVATED: ['tenantId', 'slug'],
  /** A user became a member of a tenant (registered, or was created by an owner or admin). */
  USER_JOINED: ['userId'],
  USER_DISABLED: ['userId'],
  BOOKING_CREATED: ['bookingId', 'seatId', 'libraryId', 'userId'],
  BOOKING_CANCELLED: ['bookingId', 'seatId', 'libraryId', 'userId'],
  BOOKING_CHECKED_IN: ['bookingId', 'seatId', 'libraryId', 'userId'],
} as const;

export type EventType = keyof typeof EVENT_KEYS;
export type EventKey<T extends EventType> = (typeof EVENT_KEYS)[T][number];

/** An event as its writer describes it; the outbox adds id and time. */
export type NewEvent = { [T in EventType]: { tenantId: string; type: T; keys: Record<EventKey<T>, string> } }[EventType];
