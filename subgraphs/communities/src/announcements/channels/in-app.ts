import { inTenant } from '../../../../../common/db/scope.js';
import { changeAndPublish, recordEvents } from '../../../../../common/events/outbox.js';
import type { CommunitiesServices } from '../../context.js';
import { insertNotifications } from '../../notifications/db.js';
import type { DeliveryChannel } from './channel.js';

/**
 * In-app: a notification (kind ANNOUNCEMENT) for the recipient, with its NOTIFICATION_CREATED
 * event for `myNotifications`. Keyed by the delivery, so a resend after a crash writes none twice.
 */
export function inAppChannel({ db, relay }: Pick<CommunitiesServices, 'db' | 'relay'>): DeliveryChannel {
  return {
    async send(message) {
      await changeAndPublish(relay, () =>
        inTenant(db, message.tenantId, async (trx) => {
          const inserted = await insertNotifications(trx, [
            {
              tenant_id: message.tenantId,
              recipient_id: message.recipientId,
              recipient_role: null,
              kind: 'ANNOUNCEMENT',
              title: `${message.subject}: ${message.text}`.slice(0, 1_000),
              subject: message.announcementId ? { announcementId: message.announcementId } : {},
              source_event_id: message.deliveryId,
            },
          ]);
          await recordEvents(
            trx,
            inserted.map((notification) => ({ tenantId: message.tenantId, type: 'NOTIFICATION_CREATED' as const, keys: { notificationId: notification.id, recipient: `user:${message.recipientId}` } })),
          );
        }),
      );
      return { ok: true, providerMessageId: null };
    },
  };
}
