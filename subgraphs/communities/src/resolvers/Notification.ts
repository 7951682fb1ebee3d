import { tenantMember } from '../../../../common/auth/guards.js';
import type { Viewer } from '../../../../common/auth/viewer.js';
import { inTenant } from '../../../../common/db/scope.js';
import type { CarrelEvent } from '../../../../common/events/event.js';
import { outboxEvents, type EventFilter } from '../../../../common/events/event-stream.js';
import type { NotificationEventResolvers, NotificationResolvers } from '../__generated__/resolvers-types.js';
import type { CommunitiesContext } from '../context.js';
import { findNotificationsByIds, type NotificationReader } from '../notifications/db.js';

/** The viewer as a reader of notifications: their own, and their role's in their tenant. */
export function notificationReader(viewer: Viewer | null): NotificationReader & { tenantId: string } {
  const member = tenantMember(viewer, 'Notifications are a tenant member’s; platform admins have none.');
  return { userId: member.userId, role: member.role, tenantId: member.tenantId };
}

const recipientsOf = (reader: NotificationReader) => [`user:${reader.userId}`, `role:${reader.role}`];

/** `myNotifications` delivers each subscriber the notifications addressed to them or to their role. */
export function myNotificationsFilter(viewer: Viewer | null): EventFilter {
  const reader = notificationReader(viewer);
  return { tenantId: reader.tenantId, eventTypes: ['NOTIFICATION_CREATED'], keys: [{ key: 'recipient', values: recipientsOf(reader) }], audience: `user:${reader.userId}` };
}

/** A NOTIFICATION_CREATED event, for its recipient only. */
export async function readNotificationEvent(ctx: CommunitiesContext, eventId: string): Promise<CarrelEvent | null> {
  const reader = notificationReader(ctx.viewer);
  const event = await outboxEvents(ctx).load(eventId);
  return event?.type === 'NOTIFICATION_CREATED' && recipientsOf(reader).includes(event.keys.recipient!) ? event : null;
}

export const Notification: NotificationResolvers = {
  subject: (notification) => Object.entries(notification.subject).map(([key, id]) => ({ key, id })),
  createdAt: (notification) => notification.created_at,
  read: (notification) => notification.read_at !== null,
};

export const NotificationEvent: NotificationEventResolvers = {
  eventId: (event) => event.id,
  occurredAt: (event) => event.occurredAt,
  notification: async (event, _args, { viewer, db }) => {
    const reader = notificationReader(viewer);
    const [row] = await inTenant(db, reader.tenantId, (trx) => findNotificationsByIds(trx, reader, [event.keys.notificationId!]));
    return row ?? null;
  },
};
