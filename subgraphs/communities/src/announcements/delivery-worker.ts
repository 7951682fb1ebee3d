import { asPlatform, inTenant } from '../../../../common/db/scope.js';
import { logger } from '../../../../common/logger.js';
import type { CommunitiesServices } from '../context.js';
import type { OutgoingMessage, SendResult } from './channels/channel.js';
import { abandonedReservations, announcementsWithDueDeliveries, anyUnfinished, nextDeliveryDue, claimDeliveries, findAnnouncementsByIds, moveAnnouncement, recordOutcome, unsettledAnnouncements, type DeliveryOutcome, type DeliveryRow } from './db.js';
import { RECEIPTS_PATH } from './receipts.js';
import { reserveAndQueue } from './reservation.js';
import { settleAnnouncement } from './settlement.js';
import { fillPlaceholders } from './templates.js';

export interface DeliveryTiming {
  /** How often the sender looks for work when nothing woke it and nothing falls due sooner (announcements resumed or queued by another replica). */
  pollMs: number;
  /** How long a delivery being sent is held by its sender; past it, another sender takes it up. */
  leaseMs: number;
  /** The wait before the first retry of a delivery a provider refused for now; doubled each time. */
  retryBaseMs: number;
  /** Tries per delivery before it counts as failed. */
  maxAttempts: number;
  /** How long an announcement may stay RESERVING before its sender counts as dead and it is resumed. */
  reservingTimeoutMs: number;
}

/** Deliveries one sender takes at a time, and sends at once. */
const CLAIM_BATCH = 100;
const CONCURRENCY = 10;

export interface DeliveryWorker {
  /** Starts sending, once the service listens at `serviceUrl` (where providers post receipts, unless told otherwise). */
  start(serviceUrl: string): void;
  /** Looks for work now (an announcement was queued); nothing before `start`. */
  kick(): void;
  stop(): Promise<void>;
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * The middle of the announcement saga, in the background: takes due deliveries (leased, so a
 * sender that dies leaves them to another, or to itself restarted), sends each on its channel,
 * records the outcome (retrying what a provider refused for now, with backoff), settles the
 * credits of finished announcements, and resumes announcements whose reservation was cut short.
 */
export function deliveryWorker(services: Omit<CommunitiesServices, 'deliveries'>, timing: DeliveryTiming, publicReceiptsUrl?: string): DeliveryWorker {
  let receiptsUrl = '';
  let stopped = true;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  const outcomeOf = (result: SendResult, delivery: DeliveryRow): DeliveryOutcome => {
    if (result.ok) return { state: 'SENT', providerMessageId: result.providerMessageId };
    if (result.permanent || delivery.attempts >= timing.maxAttempts) return { state: 'FAILED', error: result.error.slice(0, 500) };
    return { state: 'PENDING', error: result.error.slice(0, 500), retryAt: new Date(Date.now() + timing.retryBaseMs * 2 ** (delivery.attempts - 1)) };
  };

  async function send(delivery: DeliveryRow, subject: string, body: string): Promise<DeliveryOutcome> {
    const recipient = { name: delivery.recipient_name };
    const message: OutgoingMessage = {
      deliveryId: delivery.id,
      tenantId: delivery.tenant_id,
      announcementId: delivery.announcement_id,
      recipientId: delivery.recipient_id,
      to: delivery.address,
      subject: fillPlaceholders(subject, recipient),
      text: fillPlaceholders(body, recipient),
      statusCallback: receiptsUrl,
    };
    try {
      return outcomeOf(await services.channels.byKind[delivery.channel].send(message), delivery);
    } catch (error) {
      return outcomeOf({ ok: false, permanent: false, error: (error as Error).message }, delivery);
    }
  }

  async function sendDue(tenantId: string, announcementId: string): Promise<void> {
    const { announcement, claimed } = await inTenant(services.db, tenantId, async (trx) => {
      await moveAnnouncement(trx, announcementId, ['QUEUED'], 'SENDING');
      const [announcement] = await findAnnouncementsByIds(trx, [announcementId]);
      return { announcement, claimed: announcement ? await claimDeliveries(trx, announcementId, CLAIM_BATCH, timing.leaseMs) : [] };
    });
    if (!announcement) return;
    await inParallel(claimed, CONCURRENCY, async (delivery) => {
      const outcome = await send(delivery, announcement.subject, announcement.body);
      await inTenant(services.db, tenantId, (trx) => recordOutcome(trx, delivery, outcome));
    });
  }

  const audit = { actor: 'system:announcement-deliveries', action: 'find announcements with work to do' };

  /**
   * Works through what is due, then answers how long until the next delivery falls due (or the
   * next look). An idle service asks one indexed question a look: is any announcement unfinished?
   */
  async function round(): Promise<number> {
    if (!(await asPlatform(services.db, audit, (trx) => anyUnfinished(trx)))) return timing.pollMs;
    for (const { tenant_id, id } of await asPlatform(services.db, audit, (trx) => abandonedReservations(trx, timing.reservingTimeoutMs))) {
      await reserveAndQueue(services, { id, tenant_id }).catch((error) => logger.warn({ err: error, announcement: id }, 'resuming an announcement\u2019s reservation failed'));
    }
    for (;;) {
      const due = await asPlatform(services.db, audit, (trx) => announcementsWithDueDeliveries(trx, 20));
      if (due.length === 0 || stopped) break;
      for (const { tenant_id, announcement_id } of due) await sendDue(tenant_id, announcement_id);
    }
    const { unsettled, nextDue } = await asPlatform(services.db, audit, async (trx) => ({ unsettled: await unsettledAnnouncements(trx), nextDue: await nextDeliveryDue(trx) }));
    for (const { tenant_id, id } of unsettled) {
      if (stopped) break;
      await settleAnnouncement(services, tenant_id, id);
    }
    return nextDue ? Math.max(0, nextDue.getTime() - Date.now()) : timing.pollMs;
  }

  function schedule(delayMs: number) {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, delayMs);
  }

  function run() {
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error) => {
        logger.warn({ err: error }, 'announcement deliveries: a round failed; the next one retries');
        return timing.pollMs;
      })
      .then((untilDue) => {
        running = null;
        schedule(again ? 0 : Math.min(untilDue, timing.pollMs));
        again = false;
      });
  }

  return {
    start(serviceUrl) {
      receiptsUrl = publicReceiptsUrl ?? `${serviceUrl}${RECEIPTS_PATH}`;
      stopped = false;
      schedule(0);
    },
    kick: () => {
      if (!stopped) run();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
