import { logger } from '../../../../common/logger.js';
import type { CommunitiesServices } from '../context.js';
import type { CommunitiesDb } from '../db.js';
import { preferencesOf } from './db.js';

/** A notification just written for one member. */
export interface MemberNotice {
  id: string;
  recipientId: string;
  kind: string;
  title: string;
}

/** The notices whose member asked for their kind by email, read in the transaction that wrote them. */
export async function wantedByEmail(db: CommunitiesDb, notices: readonly MemberNotice[]): Promise<MemberNotice[]> {
  if (notices.length === 0) return [];
  const preferences = await preferencesOf(db, [...new Set(notices.map((notice) => notice.recipientId))]);
  return notices.filter((notice) => preferences.some((row) => row.user_id === notice.recipientId && row.kind === notice.kind && row.channels.includes('EMAIL')));
}

/**
 * Emails a copy of each notice its member asked for by email (`wantedByEmail`). Best effort,
 * after the notices are committed: the in-app notification is the record, the email a courtesy,
 * so a failure is logged, not retried. Notices to every owner (a role) stay in-app.
 */
export async function emailCopies(services: Pick<CommunitiesServices, 'contacts' | 'channels'>, tenantId: string, wanted: readonly MemberNotice[]): Promise<void> {
  if (wanted.length === 0) return;
  try {
    const contacts = await services.contacts(tenantId, [...new Set(wanted.map((notice) => notice.recipientId))]);
    for (const notice of wanted) {
      const contact = contacts.find((candidate) => candidate.userId === notice.recipientId);
      if (!contact) continue;
      const result = await services.channels.byKind.EMAIL.send({
        deliveryId: notice.id,
        tenantId,
        announcementId: null,
        recipientId: notice.recipientId,
        to: contact.email,
        subject: notice.title.slice(0, 200),
        text: notice.title,
      });
      if (!result.ok) logger.warn({ notification: notice.id, error: result.error }, 'emailing a copy of a notification failed');
    }
  } catch (error) {
    logger.warn({ err: error, tenantId }, 'emailing copies of notifications failed');
  }
}
