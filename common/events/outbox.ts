import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { asPlatform } from '../db/scope.js';
import { logger } from '../logger.js';
import type { NewEvent } from './catalogue.js';
import type { CarrelEvent, EventBus } from './event.js';

/** The outbox table every subgraph that emits events has (see its migrations). */
export interface OutboxTables {
  outbox_events: {
    id: string;
    tenant_id: string;
    type: string;
    occurred_at: Date;
    keys: Record<string, string>;
    published_at: Date | null;
    claimed_until: Date | null;
  };
}

/** Writes events in the caller's transaction: they exist exactly when the change they describe does. */
export async function recordEvents(trx: Transaction<any>, events: readonly NewEvent[]): Promise<CarrelEvent[]> {
  const occurredAt = new Date();
  const rows = events.map((event) => ({ id: randomUUID(), tenant_id: event.tenantId, type: event.type, occurred_at: occurredAt, keys: JSON.stringify(event.keys) }));
  if (rows.length > 0) await (trx as Transaction<OutboxTables>).insertInto('outbox_events').values(rows as never).execute();
  return rows.map((row, index) => ({ id: row.id, tenantId: row.tenant_id, type: row.type, occurredAt: occurredAt.toISOString(), keys: events[index]!.keys }));
}

/** How long a mutation waits for its events to reach the bus before answering anyway. */
const PUBLISH_WAIT_MS = 1_000;

/**
 * Runs a unit of work that writes a change and its events (`recordEvents`), then has the relay
 * publish them at once rather than on its next tick. The answer waits for the hand-over to the
 * bus, a second at most (a failed or slow one is the relay's to retry, not the client's problem),
 * so on the embedded default the other subgraphs' projections already have the change when the
 * client hears of it.
 */
export async function changeAndPublish<T>(relay: OutboxRelay, change: () => Promise<T>): Promise<T> {
  const result = await change();
  await Promise.race([relay.flush(), new Promise((resolve) => setTimeout(resolve, PUBLISH_WAIT_MS).unref())]);
  return result;
}

/** Which relay's round is publishing, for the consumers it calls on the in-process bus. */
const publishing = new AsyncLocalStorage<symbol>();

const CLAIM_SECONDS = 30;
const RETENTION_MS = 7 * 24 * 3600_000;
const CLEANUP_EVERY_MS = 3600_000;
const BATCH_SIZE = 200;

export interface OutboxRelay {
  /** Publish what is pending now; resolves when this round is done. Mutations call it after commit. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Moves committed events from the outbox to the bus. Rows are claimed for a while rather than held
 * under a lock while publishing, so several replicas share the work and a publish that fails (Redis
 * down) leaves the rows to be retried, in order, on the next round. Writers flush right after
 * their commit; the rounds every `intervalMs` are the safety net, so they can be far apart.
 */
export function startOutboxRelay(db: Kysely<any>, bus: EventBus, { intervalMs = 2000, retentionMs = RETENTION_MS } = {}): OutboxRelay {
  const outbox = db as Kysely<OutboxTables>;
  const relayId = Symbol('outbox relay');
  let nextCleanup = 0;
  let stopped = false;

  // Published events are kept a while (subscriptions re-read them by id; people investigate),
  // then deleted, so the table does not grow for ever.
  const cleanUp = async () => {
    if (Date.now() < nextCleanup) return;
    nextCleanup = Date.now() + CLEANUP_EVERY_MS;
    await asPlatform(outbox, { actor: 'system:outbox-relay', action: 'delete old published events' }, (trx) =>
      trx.deleteFrom('outbox_events').where('published_at', '<', new Date(Date.now() - retentionMs)).execute(),
    );
  };

  const round = async () => {
    await cleanUp();
    for (;;) {
      const claimed = await asPlatform(outbox, { actor: 'system:outbox-relay', action: 'claim events' }, (trx) =>
        sql<{ id: string; tenant_id: string; type: string; occurred_at: Date; keys: Record<string, string> }>`
          update outbox_events set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS})
          where id in (
            select id from outbox_events
            where published_at is null and (claimed_until is null or claimed_until < now())
            order by occurred_at, id limit ${BATCH_SIZE} for update skip locked)
          returning id, tenant_id, type, occurred_at, keys`.execute(trx),
      );
      if (claimed.rows.length === 0) return;
      const events = claimed.rows
        .sort((a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || a.id.localeCompare(b.id))
        .map((row): CarrelEvent => ({ id: row.id, tenantId: row.tenant_id, type: row.type, occurredAt: row.occurred_at.toISOString(), keys: row.keys }));
      try {
        // Only a bus that calls handlers inside `publish` needs to know whose round it is; an
        // AsyncLocalStorage, once used, makes Node 20 track every promise of the process.
        await (bus.callsHandlersWhilePublishing ? publishing.run(relayId, () => bus.publish(events)) : bus.publish(events));
      } catch (error) {
        await release(events);
        throw error;
      }
      await asPlatform(outbox, { actor: 'system:outbox-relay', action: 'mark events published' }, (trx) =>
        trx.updateTable('outbox_events').set({ published_at: new Date(), claimed_until: null }).where('id', 'in', events.map((event) => event.id)).execute(),
      );
      if (claimed.rows.length < BATCH_SIZE) return;
    }
  };

  const release = (events: CarrelEvent[]) =>
    asPlatform(outbox, { actor: 'system:outbox-relay', action: 'release unpublished events' }, (trx) =>
      trx.updateTable('outbox_events').set({ claimed_until: null }).where('id', 'in', events.map((event) => event.id)).execute(),
    ).catch(() => {});

  let current: Promise<void> | null = null;
  /** The round queued behind the current one: every caller since it began waits for it, and no longer. */
  let next: Promise<void> | null = null;
  const startRound = (): Promise<void> => {
    current = round()
      .catch((error) => logger.warn({ err: error }, 'outbox relay could not publish; will retry'))
      .finally(() => {
        current = null;
      });
    return current;
  };
  // A caller's events were committed before it called, so a round that starts after the call
  // finds them; rounds never chain on for callers that come later, which under steady writes
  // would keep the first caller waiting for ever.
  const flush = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (!current) return startRound();
    next ??= current.then(() => {
      next = null;
      return stopped ? undefined : startRound();
    });
    // Asked by a consumer this very round's publish waits on (the in-process bus calls them in
    // turn): the next round is queued, but waiting for it would wait for this one to end.
    return publishing.getStore() === relayId ? Promise.resolve() : next;
  };

  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();
  void flush();

  return {
    flush,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await next;
      await current;
    },
  };
}

/** Events of this subgraph's outbox, by id, as the caller's row-level security allows. */
export async function findOutboxEvents(trx: Transaction<any>, ids: readonly string[]): Promise<CarrelEvent[]> {
  const rows = await (trx as Transaction<OutboxTables>).selectFrom('outbox_events').select(['id', 'tenant_id', 'type', 'occurred_at', 'keys']).where('id', 'in', [...ids]).execute();
  return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, type: row.type, occurredAt: row.occurred_at.toISOString(), keys: row.keys }));
}
