import type { Transaction } from 'kysely';
import { inTenant } from '../../../../common/db/scope.js';
import type { BatchConsumer, CarrelEvent } from '../../../../common/events/event.js';
import { changeAndPublish, recordEvents } from '../../../../common/events/outbox.js';
import type { CommunitiesServices } from '../context.js';
import { findPostsByIds, type CommunitiesDatabase } from '../db.js';
import { insertNotifications, type NewNotification, type RecipientRole } from './db.js';
import { emailCopies, wantedByEmail } from './email-copies.js';

type Recipient = { userId: string } | { role: RecipientRole };
interface Notice {
  to: Recipient;
  title: string;
}

/** The events anyone is told of; the rest are passed over without a transaction. */
const NOTIFYING = new Set<CarrelEvent['type']>(['BOOKING_CREATED', 'BOOKING_CONFIRMED', 'BOOKING_CANCELLED', 'BOOKING_EXPIRED', 'USER_JOINED', 'PAYMENT_REFUNDED', 'POST_CREATED', 'POST_HIDDEN', 'CREDITS_LOW']);

/** Who hears of an event, and what they are told: the student it is about, and the tenant's owners. */
async function noticesOf(trx: Transaction<CommunitiesDatabase>, event: CarrelEvent): Promise<Notice[]> {
  const { userId } = event.keys;
  switch (event.type) {
    case 'BOOKING_CREATED':
      return [{ to: { userId: userId! }, title: 'Your booking is made.' }, { to: { role: 'OWNER' }, title: 'A student booked a seat.' }];
    case 'BOOKING_CONFIRMED':
      return [{ to: { userId: userId! }, title: 'Your booking is paid and confirmed.' }];
    case 'BOOKING_CANCELLED':
      return [{ to: { userId: userId! }, title: 'Your booking was cancelled.' }, { to: { role: 'OWNER' }, title: 'A booking was cancelled.' }];
    case 'BOOKING_EXPIRED':
      return [{ to: { userId: userId! }, title: 'Your booking was not paid in time and has expired.' }];
    case 'USER_JOINED':
      return [{ to: { role: 'OWNER' }, title: 'A new member joined.' }];
    case 'PAYMENT_REFUNDED':
      return [{ to: { userId: userId! }, title: 'Money was refunded to you.' }];
    case 'POST_CREATED': {
      const [post] = await findPostsByIds(trx, [event.keys.postId!]);
      const [parent] = post?.reply_to ? await findPostsByIds(trx, [post.reply_to]) : [];
      return parent && parent.author_id !== userId ? [{ to: { userId: parent.author_id }, title: 'Someone replied to your post.' }] : [];
    }
    case 'POST_HIDDEN':
      return [{ to: { userId: userId! }, title: 'A moderator hid your post.' }];
    case 'CREDITS_LOW':
      return [{ to: { role: 'OWNER' }, title: `Your ${event.keys.channel} credits are running low.` }];
    default:
      return [];
  }
}

const recipientKey = (to: Recipient) => ('userId' in to ? `user:${to.userId}` : `role:${to.role}`);

/**
 * In-app notifications from what happens in every subgraph, written with their NOTIFICATION_CREATED
 * events in one transaction per tenant for the events read together (a burst of bookings, say);
 * keyed by the source event, so a redelivered event notifies nobody twice.
 */
export function notificationsFromEvents(services: CommunitiesServices): BatchConsumer {
  const { db, relay } = services;
  const notify = (tenantId: string, events: readonly CarrelEvent[]) =>
    inTenant(db, tenantId, async (trx) => {
      const rows: NewNotification[] = [];
      for (const event of events) {
        for (const { to, title } of await noticesOf(trx, event)) {
          rows.push({
            tenant_id: tenantId,
            recipient_id: 'userId' in to ? to.userId : null,
            recipient_role: 'role' in to ? to.role : null,
            kind: event.type,
            title,
            subject: event.keys as Record<string, string>,
            source_event_id: event.id,
          });
        }
      }
      const inserted = await insertNotifications(trx, rows);
      await recordEvents(
        trx,
        inserted.map((notification) => ({
          tenantId,
          type: 'NOTIFICATION_CREATED' as const,
          keys: { notificationId: notification.id, recipient: recipientKey(notification.recipient_id ? { userId: notification.recipient_id } : { role: notification.recipient_role! }) },
        })),
      );
      const toMembers = inserted.filter((notification) => notification.recipient_id !== null);
      return wantedByEmail(trx, toMembers.map((notification) => ({ id: notification.id, recipientId: notification.recipient_id!, kind: notification.kind, title: notification.title })));
    });

  return {
    async handleBatch(events) {
      const byTenant = new Map<string, CarrelEvent[]>();
      for (const event of events) {
        if (!NOTIFYING.has(event.type)) continue;
        const ofTenant = byTenant.get(event.tenantId);
        if (ofTenant) ofTenant.push(event);
        else byTenant.set(event.tenantId, [event]);
      }
      if (byTenant.size === 0) return;
      const notifyAll = () => Promise.all([...byTenant].map(async ([tenantId, ofTenant]) => ({ tenantId, wanted: await notify(tenantId, ofTenant) })));
      for (const { tenantId, wanted } of await changeAndPublish(relay, notifyAll)) await emailCopies(services, tenantId, wanted);
    },
  };
}
