import { GraphQLError } from 'graphql';
import { inTenant } from '../../../../common/db/scope.js';
import { ErrorCode } from '../../../../common/errors.js';
import type { CommunitiesServices } from '../context.js';
import { deleteAnnouncement, moveAnnouncement, PAID_CHANNELS, type AnnouncementRow, type MessageChannel } from './db.js';

/** The reservation that pays an announcement's deliveries on one channel, as payments knows it. */
export const reservationReference = (announcementId: string, channel: MessageChannel) => `announcement:${announcementId}:${channel}`;

/** How many deliveries of each paid channel an announcement has: what it must reserve. */
async function paidDeliveryCounts(services: Pick<CommunitiesServices, 'db'>, announcement: Pick<AnnouncementRow, 'id' | 'tenant_id'>): Promise<Map<MessageChannel, number>> {
  const rows = await inTenant(services.db, announcement.tenant_id, (trx) =>
    trx
      .selectFrom('announcement_deliveries')
      .select(['channel', (eb) => eb.fn.countAll<string>().as('count')])
      .where('announcement_id', '=', announcement.id)
      .where('channel', 'in', PAID_CHANNELS)
      .groupBy('channel')
      .execute(),
  );
  return new Map(rows.map((row) => [row.channel, Number(row.count)]));
}

/**
 * The first step of the announcement saga: reserves the credits of every paid channel, then
 * queues the announcement for sending. All or nothing: when a channel's credits fall short, what
 * was reserved for the others is released and the announcement is deleted with its deliveries
 * (INSUFFICIENT_CREDITS, nothing sent). Each reservation is idempotent on its reference, so a
 * sender that died mid-way is resumed by running this again.
 */
export async function reserveAndQueue(services: Pick<CommunitiesServices, 'db' | 'credits' | 'relay'>, announcement: Pick<AnnouncementRow, 'id' | 'tenant_id'>): Promise<void> {
  const counts = await paidDeliveryCounts(services, announcement);
  const reserved: [MessageChannel, number][] = [];
  try {
    for (const [channel, count] of counts) {
      await services.credits.reserve(announcement.tenant_id, channel, count, reservationReference(announcement.id, channel));
      reserved.push([channel, count]);
    }
  } catch (error) {
    if (!(error instanceof GraphQLError && error.extensions.code === ErrorCode.INSUFFICIENT_CREDITS)) throw error;
    for (const [channel, count] of reserved) {
      await services.credits.settle('release', announcement.tenant_id, reservationReference(announcement.id, channel), count, 'not-sent');
    }
    await inTenant(services.db, announcement.tenant_id, (trx) => deleteAnnouncement(trx, announcement.id));
    throw error;
  }
  await inTenant(services.db, announcement.tenant_id, (trx) => moveAnnouncement(trx, announcement.id, ['RESERVING'], 'QUEUED'));
}
