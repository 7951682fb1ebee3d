import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { optionalUrl, unsetIfEmpty } from '../../../../../common/config.js';
import type { MessageChannel } from '../db.js';
import type { DeliveryChannel } from './channel.js';
import { emailChannel } from './email.js';
import { inAppChannel } from './in-app.js';
import { messagingChannel } from './messaging-channel.js';
import type { MessagingProvider } from './messaging-provider.js';
import { simulatedMessaging } from './simulated-provider.js';
import { startSimulatedGateway } from './simulated-gateway.js';
import { twilioMessaging } from './twilio.js';
import type { CommunitiesServices } from '../../context.js';

export const channelSettings = z
  .object({
    /** Where email goes (`smtp://user:pass@host:port`); unset, emails are built and logged only. */
    SMTP_URL: optionalUrl,
    EMAIL_FROM: z.string().min(3).default('Carrel <no-reply@carrel.local>'),
    /** An SMS and WhatsApp gateway speaking the simulated provider's API; unset, one is started in the service. */
    MESSAGING_PROVIDER_URL: optionalUrl,
    /** Authenticates calls to the simulated gateway and signs its receipts. */
    MESSAGING_PROVIDER_SECRET: z.string().min(32).default(() => randomBytes(32).toString('base64url')),
    /** The public address providers post receipts to; this service's own `/webhooks/messaging` by default. */
    MESSAGING_RECEIPTS_URL: optionalUrl,
    /** Twilio for SMS and WhatsApp when set (empty counts as unset, as docker-compose passes it); otherwise the simulated gateway. */
    TWILIO_ACCOUNT_SID: unsetIfEmpty(z.string().startsWith('AC')),
    TWILIO_AUTH_TOKEN: unsetIfEmpty(z.string().min(16)),
    TWILIO_SMS_FROM: unsetIfEmpty(z.string().min(3)),
    TWILIO_WHATSAPP_FROM: unsetIfEmpty(z.string().regex(/^\+[1-9]\d{6,14}$/)),
    /** Where Twilio's API is, for a stand-in; Twilio's own by default. */
    TWILIO_API_BASE: optionalUrl,
  })
  .refine((env) => !env.TWILIO_ACCOUNT_SID || (env.TWILIO_AUTH_TOKEN && env.TWILIO_SMS_FROM && env.MESSAGING_RECEIPTS_URL), {
    message: 'TWILIO_AUTH_TOKEN, TWILIO_SMS_FROM and MESSAGING_RECEIPTS_URL (the public address Twilio posts receipts to) are required with TWILIO_ACCOUNT_SID',
    path: ['TWILIO_ACCOUNT_SID'],
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
  const gateway = settings.TWILIO_ACCOUNT_SID || settings.MESSAGING_PROVIDER_URL ? null : await startSimulatedGateway({ secret });
  const messaging = settings.TWILIO_ACCOUNT_SID
    ? twilioMessaging({
        accountSid: settings.TWILIO_ACCOUNT_SID,
        authToken: settings.TWILIO_AUTH_TOKEN!,
        smsFrom: settings.TWILIO_SMS_FROM!,
        whatsappFrom: settings.TWILIO_WHATSAPP_FROM ?? settings.TWILIO_SMS_FROM!,
        receiptsUrl: settings.MESSAGING_RECEIPTS_URL!,
        ...(settings.TWILIO_API_BASE ? { apiBase: new URL(settings.TWILIO_API_BASE) } : {}),
      })
    : simulatedMessaging({ url: settings.MESSAGING_PROVIDER_URL ?? gateway!.url, secret });
  return {
    byKind: { IN_APP: inAppChannel(services), EMAIL: email, SMS: messagingChannel(messaging, 'SMS'), WHATSAPP: messagingChannel(messaging, 'WHATSAPP') },
    messaging,
    async close() {
      email.close();
      await gateway?.close();
    },
  };
}
