import type { DeliveryChannel } from './channel.js';
import type { MessagingProvider } from './messaging-provider.js';

/** SMS or WhatsApp through the messaging provider, keyed by the delivery so a resend is taken once. */
export function messagingChannel(provider: MessagingProvider, channel: 'SMS' | 'WHATSAPP'): DeliveryChannel {
  return {
    send: (message) =>
      provider.send({
        channel,
        to: message.to!,
        text: `${message.subject}\n\n${message.text}`,
        idempotencyKey: message.deliveryId,
        metadata: { tenantId: message.tenantId, deliveryId: message.deliveryId },
        statusCallback: message.statusCallback!,
      }),
  };
}
