import nodemailer from 'nodemailer';
import type { DeliveryChannel, SendResult } from './channel.js';

export interface EmailSettings {
  /** `smtp://user:pass@host:port` (or `smtps://`); unset, messages are built but only logged, as on the embedded default. */
  smtpUrl: string | undefined;
  from: string;
}

/** The SMTP URL with a pool of connections, unless it says how it wants its connections itself. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  if (!url.searchParams.has('maxConnections')) url.searchParams.set('maxConnections', '5');
  return url.href;
}

/** Whether an SMTP failure is worth retrying: 4xx replies and lost connections are; 5xx replies (no such mailbox) are not. */
function smtpFailure(error: unknown): SendResult {
  const { responseCode, message } = error as { responseCode?: number; message?: string };
  return { ok: false, permanent: typeof responseCode === 'number' && responseCode >= 500, error: message ?? 'SMTP failure' };
}

/**
 * Email through nodemailer over SMTP, pooled. Each message's Message-ID is its delivery's id, so
 * the one resend a crash can cause (between the server's acceptance and our record of it) is the
 * same message to mail systems, which collapse duplicates by it.
 */
export function emailChannel({ smtpUrl, from }: EmailSettings): DeliveryChannel & { close(): void } {
  const transport = smtpUrl ? nodemailer.createTransport(pooled(smtpUrl)) : nodemailer.createTransport({ jsonTransport: true });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from,
          to: message.to!,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.deliveryId}@announcements.carrel>`,
          headers: message.announcementId ? { 'X-Carrel-Announcement': message.announcementId } : {},
        });
        return { ok: true, providerMessageId: info.messageId ?? null };
      } catch (error) {
        return smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}
