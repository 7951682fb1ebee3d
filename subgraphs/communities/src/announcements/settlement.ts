import { inTenant } from '../../../../common/db/scope.js';
import { changeAndPublish, recordEvents } from '../../../../common/events/outbox.js';
import type { CommunitiesServices } from '../context.js';
import { CHARGED_STATES, moveAnnouncement, PAID_CHANNELS, progressOf, type AnnouncementState, type ChannelProgress, type MessageChannel } from './db.js';
import { reservationReference } from './reservation.js';

/** What an announcement's deliveries came to on one channel: charged (the provider took it) or failed. */
function tally(progress: readonly ChannelProgress[]): Map<MessageChannel, { charged: number; failed: number; open: number }> {
  const tallies = new Map<MessageChannel, { charged: number; failed: number; open: number }>();
  for (const { channel, state, count } of progress) {
    const tally = tallies.get(channel) ?? { charged: 0, failed: 0, open: 0 };
    if (CHARGED_STATES.includes(state)) tally.charged += count;
    else if (state === 'FAILED') tally.failed += count;
    else tally.open += count;
    tallies.set(channel, tally);
  }
  return tallies;
}

/**
 * The last step of the announcement saga, once every delivery is done: captures a credit for each
 * delivery a provider took, releases one for each that failed, and marks the announcement SENT,
 * PARTLY_FAILED or FAILED. The counts no longer change by then, and each capture and release is
 * idempotent on its settlement reference, so running this twice (two senders, or a crash between
 * the settling and the marking) settles once.
 */
export async function settleAnnouncement(services: Pick<CommunitiesServices, 'db' | 'relay' | 'credits'>, tenantId: string, announcementId: string): Promise<void> {
  const tallies = tally(await inTenant(services.db, tenantId, (trx) => progressOf(trx, [announcementId])));
  if ([...tallies.values()].some((t) => t.open > 0)) return;
  for (const channel of PAID_CHANNELS) {
    const { charged = 0, failed = 0 } = tallies.get(channel) ?? {};
    const reference = reservationReference(announcementId, channel);
    if (charged > 0) await services.credits.settle('capture', tenantId, reference, charged, 'delivered');
    if (failed > 0) await services.credits.settle('release', tenantId, reference, failed, 'failed');
  }
  const all = [...tallies.values()];
  const failed = all.reduce((sum, t) => sum + t.failed, 0);
  const charged = all.reduce((sum, t) => sum + t.charged, 0);
  const state: AnnouncementState = failed === 0 ? 'SENT' : charged === 0 ? 'FAILED' : 'PARTLY_FAILED';
  await changeAndPublish(services.relay, () =>
    inTenant(services.db, tenantId, async (trx) => {
      if (await moveAnnouncement(trx, announcementId, ['QUEUED', 'SENDING'], state)) {
        await recordEvents(trx, [{ tenantId, type: 'ANNOUNCEMENT_COMPLETED', keys: { announcementId } }]);
      }
    }),
  );
}
