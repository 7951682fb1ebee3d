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
  /** A booking that had to be paid was paid in time: its hold became a confirmed booking. */
  BOOKING_CONFIRMED: ['bookingId', 'seatId', 'libraryId', 'userId'],
  /** An unpaid hold ran out and freed its seat. */
  BOOKING_EXPIRED: ['bookingId', 'seatId', 'libraryId', 'userId'],
  /** A payment succeeded for a booking that no longer waited for it (expired or cancelled): it is to be refunded. */
  BOOKING_PAYMENT_REFUSED: ['bookingId', 'paymentId', 'userId'],
  PAYMENT_SUCCEEDED: ['paymentId', 'bookingId', 'userId'],
  PAYMENT_FAILED: ['paymentId', 'bookingId', 'userId'],
  PAYMENT_REFUNDED: ['paymentId', 'refundId', 'bookingId', 'userId'],
  /** Credits of a tenant's wallet moved (granted, adjusted, reserved, captured, released). */
  CREDITS_MOVED: ['movementId', 'channel'],
  /** A reservation left a tenant fewer than the low-balance threshold of a channel's credits (it had at least that before). */
  CREDITS_LOW: ['channel'],
  POST_CREATED: ['postId', 'communityId', 'userId'],
  /** A moderator hid a post; `userId` is its author. */
  POST_HIDDEN: ['postId', 'communityId', 'userId'],
  /** `recipient` is `user:<id>` or `role:<ROLE>` (every member of the tenant with that role). */
  NOTIFICATION_CREATED: ['notificationId', 'recipient'],
  /** A direct message; `recipient` is `user:<id>` of the member it was sent to. */
  MESSAGE_SENT: ['messageId', 'conversationId', 'recipient'],
  /** Every delivery of an announcement is done and its credits settled. */
  ANNOUNCEMENT_COMPLETED: ['announcementId'],
} as const;

export type EventType = keyof typeof EVENT_KEYS;
export type EventKey<T extends EventType> = (typeof EVENT_KEYS)[T][number];

/** An event as its writer describes it; the outbox adds id and time. */
export type NewEvent = { [T in EventType]: { tenantId: string; type: T; keys: Record<EventKey<T>, string> } }[EventType];
