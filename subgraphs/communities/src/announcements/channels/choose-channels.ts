import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { optionalUrl } from '../../../../../common/config.js';
import type { MessageChannel } from '../db.js';
import type { DeliveryChannel } from './channel.js';
import { emailChannel } from './email.js';
import { inAppChannel } from './in-app.js';
import { messagingChannel } from './messaging-channel.js';
import type { MessagingProvider } from './messaging-provider.js';
import { simulatedMessaging } from './simulated-provider.js';
import { startSimulatedGateway } from './simulated-gateway.js';
import type { CommunitiesServices } from '../../context.js';

export const channelSettings = z.object({
  /** Where email goes (`smtp://user:pass@host:port`); unset, emails are built and logged only. */
  SMTP_URL: optionalUrl,
  EMAIL_FROM: z.string().min(3).default('Carrel <no-reply@carrel.local>'),
  /** An SMS and WhatsApp gateway speaking the simulated provider's API; unset, one is started in the service. */
  MESSAGING_PROVIDER_URL: optionalUrl,
  /** Authenticates calls to the simulated gateway and signs its receipts. */
  MESSAGING_PROVIDER_SECRET: z.string().min(32).default(() => randomBytes(32).toString('base64url')),
  /** The public address providers post receipts to; this service's own `/webhooks/messaging` by default. */
  MESSAGING_RECEIPTS_URL: optionalUrl,
});

export interface Channels {
  byKind: Record<MessageChannel, DeliveryChannel>;
  messaging: MessagingProvider;
  close(): Promise<void>;
}

/** Every delivery channel the settings describe, and what must be closed at stop. */
export async function chooseChannels(settings: z.infer<typeof channelSettings>, services: Pick<CommunitiesServices, 'db' | 'relay'>): Promise<Channels> {
  const email = emailChannel({ smtpUrl: settings.SMTP_URL, from: settings.EMAIL_FROM });
  const secret = settings.MESSAGING_PROVIDER_SECRET;
  const gateway = settings.MESSAGING_PROVIDER_URL ? null : await startSimulatedGateway({ secret });
  const messaging = simulatedMessaging({ url: settings.MESSAGING_PROVIDER_URL ?? gateway!.url, secret });
  return {
    byKind: { IN_APP: inAppChannel(services), EMAIL: email, SMS: messagingChannel(messaging, 'SMS'), WHATSAPP: messagingChannel(messaging, 'WHATSAPP') },
    messaging,
    async close() {
      email.close();
      await gateway?.close();
    },
  };
}
