import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FormattedExecutionResult } from 'graphql';
import type { Viewer } from '../../../common/auth/viewer.js';
import { SOMETHING_WENT_WRONG } from '../../../common/errors.js';
import type { CarrelEvent, EventBus } from '../../../common/events/event.js';
import type { EventFilter } from '../../../common/events/event-stream.js';
import { logger } from '../../../common/logger.js';
import { MAX_OPERATION_COST } from '../../../common/operations/cost.js';
import { subscriptionHydrations } from '../metrics.js';
import { SUSPENDED } from '../tenant-status.js';
import { BatchedHydration } from './batched-hydration.js';

export interface Subscriber {
  viewer: Viewer;
  /** The subscriber's own `Bearer` token: hydration runs with exactly its rights. */
  authorization: string;
  /** Which events it receives, as the owning subgraph answered at subscribe time. */
  filter: EventFilter;
  /** The hydration query and its variables (the subscription's, minus the event id). */
  query: string;
  variables: Record<string, unknown>;
  /** What the subscription's selection costs once; a batch of events costs as many times that. */
  cost: number;
  /**
   * Sends one result, serialized: the same text for every subscriber of a group. The socket layer
   * closes subscribers that fall behind.
   */
  deliver(payload: string): void;
}

export type Hydrate = (query: string, variables: Record<string, unknown>, as: Subscriber) => Promise<FormattedExecutionResult>;

/** Events hydrated in one query at most. */
const MAX_BATCH = 20;
/** Subscribers written to between two turns of the event loop, so a large group does not hold it. */
const SUBSCRIBERS_PER_TURN = 100;

/** As many events per query as keep its cost within the subgraphs' limit. */
function batchSizeOf({ cost }: Subscriber): number {
  return Math.max(1, Math.min(MAX_BATCH, Math.floor(MAX_OPERATION_COST / Math.max(1, cost))));
}

function accepts(filter: EventFilter, event: CarrelEvent): boolean {
  return filter.eventTypes.includes(event.type) && filter.keys.every(({ key, values }) => values.includes(event.keys[key]!));
}

/**
 * Who sees the same payload for the same selection: subscribers of one role in one audience, as
 * the owning subgraph declared it (each student alone for events about themselves, say, or all the
 * members of a community together).
 */
const groupKey = ({ query, variables, viewer, filter }: Subscriber) => `${query}\u0000${JSON.stringify(variables)}\u0000${viewer.role}\u0000${filter.audience}`;

/** Subscribers who share every event's hydration and its serialized payload, by the events they take. */
interface Group {
  byFilter: Map<string, SameFilter>;
  hydration: BatchedHydration;
  /** Events per hydration query. */
  batchSize: number;
}

/** Subscribers of one group who also filter alike: whether they take an event is asked once for all. */
interface SameFilter {
  filter: EventFilter;
  members: Set<Subscriber>;
}

interface TenantFanout {
  groups: Map<string, Group>;
  /** Events that arrived in the current turn of the event loop; hydrated and delivered together. */
  arriving: CarrelEvent[];
  unsubscribe: Promise<() => Promise<void>>;
}

/** A batch's payloads for some subscribers, each payload serialized once, in the batch's order. */
interface Delivery {
  members: Subscriber[];
  payloads: string[];
}

/**
 * Fans events out to this replica's subscribers: one tenant stream per tenant in use, the event's
 * tenant checked before anything else, and one hydration per group of subscribers sharing
 * (selection, variables, role, audience) for all the events of a tenant that arrive together,
 * serialized once per group and event.
 */
export class SubscriptionHub {
  private readonly byTenant = new Map<string, TenantFanout>();
  private readonly recent = new RecentIds(10_000);
  /** Per tenant, the delivery of the latest batch; the next one is delivered after it. */
  private readonly deliveries = new Map<string, Promise<void>>();

  constructor(
    private readonly bus: EventBus,
    private readonly hydrate: Hydrate,
    private readonly onTenantSuspended: (tenantId: string) => void,
  ) {}

  /** Resolves once events of the subscriber's tenant flow to it. */
  async add(subscriber: Subscriber): Promise<() => void> {
    const { tenantId } = subscriber.filter;
    const tenant = entryOf(this.byTenant, tenantId, () => {
      const groups = new Map<string, Group>();
      const arriving: CarrelEvent[] = [];
      return { groups, arriving, unsubscribe: this.bus.subscribeTenant(tenantId, (event) => this.arrive(tenantId, groups, arriving, event)) };
    });
    const key = groupKey(subscriber);
    const group = entryOf(tenant.groups, key, () => ({ byFilter: new Map(), hydration: new BatchedHydration(subscriber.query), batchSize: batchSizeOf(subscriber) }));
    const filterKey = JSON.stringify(subscriber.filter);
    const sameFilter = entryOf(group.byFilter, filterKey, () => ({ filter: subscriber.filter, members: new Set() }));
    sameFilter.members.add(subscriber);
    await tenant.unsubscribe;
    return () => {
      sameFilter.members.delete(subscriber);
      if (sameFilter.members.size === 0 && group.byFilter.get(filterKey) === sameFilter) group.byFilter.delete(filterKey);
      if (group.byFilter.size === 0 && tenant.groups.get(key) === group) tenant.groups.delete(key);
      if (tenant.groups.size === 0 && this.byTenant.get(tenantId) === tenant) {
        this.byTenant.delete(tenantId);
        void tenant.unsubscribe.then((unsubscribe) => unsubscribe());
      }
    };
  }

  /**
   * A tenant's events that arrive in one turn of the event loop (one read of its stream, say) go
   * out as one batch, so a burst costs one hydration per group rather than one per event.
   */
  private arrive(tenantId: string, groups: Map<string, Group>, arriving: CarrelEvent[], event: CarrelEvent): void {
    // The stream is the tenant's, but the event says whose it is: never trust one without the other.
    if (event.tenantId !== tenantId || this.recent.seenBefore(event.id)) return;
    arriving.push(event);
    if (arriving.length === 1) setImmediate(() => this.dispatch(tenantId, groups, arriving.splice(0)));
  }

  /**
   * Hydration starts as soon as a batch arrives, concurrently with earlier batches' hydration;
   * delivery waits its turn, so each subscriber still sees its tenant's events in order.
   */
  private dispatch(tenantId: string, groups: Map<string, Group>, events: CarrelEvent[]): void {
    const hydrated = this.hydrateGroups(groups, events);
    // Read below, in turn; a failure must neither end the process meanwhile nor stop the tenant's later deliveries.
    hydrated.catch(() => {});
    const previous = this.deliveries.get(tenantId) ?? Promise.resolve();
    const delivered = previous.then(async () => {
      try {
        await deliver(await hydrated);
      } catch (error) {
        logger.error({ err: error, tenantId, eventIds: events.map((event) => event.id) }, 'delivering events failed');
      }
      if (events.some((event) => event.type === SUSPENDED)) this.onTenantSuspended(tenantId);
    });
    this.deliveries.set(tenantId, delivered);
    void delivered.finally(() => {
      if (this.deliveries.get(tenantId) === delivered) this.deliveries.delete(tenantId);
    });
  }

  /** Who receives which of the events, and each payload, hydrated once per group for the batch. */
  private async hydrateGroups(groups: Map<string, Group>, events: CarrelEvent[]): Promise<Delivery[]> {
    const hydrated = await Promise.all(
      [...groups.values()].map(async (group) => {
        const recipients = [...group.byFilter.values()]
          .map(({ filter, members }) => ({ members: [...members], events: events.filter((event) => accepts(filter, event)) }))
          .filter((recipient) => recipient.events.length > 0 && recipient.members.length > 0);
        const wanted = events.filter((event) => recipients.some((recipient) => recipient.events.includes(event)));
        const payloads = new Map<CarrelEvent, string>();
        const batches = Array.from({ length: Math.ceil(wanted.length / group.batchSize) }, (_, index) => wanted.slice(index * group.batchSize, (index + 1) * group.batchSize));
        await Promise.all(
          batches.map(async (batch) => {
            const representative = recipients.find((recipient) => recipient.events.includes(batch[0]!))!.members[0]!;
            const results = await this.hydrateBatch(group.hydration, batch, representative);
            batch.forEach((event, index) => payloads.set(event, serialized(results[index]!)));
          }),
        );
        return recipients.map(({ members, events: taken }) => ({ members, payloads: taken.map((event) => payloads.get(event)!) }));
      }),
    );
    return hydrated.flat();
  }

  private async hydrateBatch(hydration: BatchedHydration, events: CarrelEvent[], as: Subscriber): Promise<FormattedExecutionResult[]> {
    subscriptionHydrations.inc();
    const eventIds = events.map((event) => event.id);
    try {
      return hydration.split(await this.hydrate(hydration.query, hydration.variables(as.variables, eventIds), as), events.length);
    } catch (error) {
      logger.error({ err: error, eventIds }, 'hydrating events failed');
      return events.map(() => ({ errors: [SOMETHING_WENT_WRONG] }));
    }
  }

  async stop(): Promise<void> {
    const streams = [...this.byTenant.values()];
    this.byTenant.clear();
    await Promise.all(streams.map(async (tenant) => (await tenant.unsubscribe)()));
  }
}

/**
 * Every subscriber gets all its payloads of the batch, in order, before the next subscriber: a
 * socket's writes of one run leave together (see subscription-writer.ts). The event loop gets a
 * turn between slices of subscribers.
 */
async function deliver(deliveries: Delivery[]): Promise<void> {
  let served = 0;
  for (const { members, payloads } of deliveries) {
    for (const member of members) {
      for (const payload of payloads) member.deliver(payload);
      if (++served % SUBSCRIBERS_PER_TURN === 0) await nextTurn();
    }
  }
}

/** As graphql-ws would write the result: its own fields, then its errors if it has any. */
function serialized({ errors, ...rest }: FormattedExecutionResult): string {
  return JSON.stringify(errors ? { ...rest, errors } : rest);
}

/** The map's entry for `key`, made by `create` the first time. */
function entryOf<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let entry = map.get(key);
  if (entry === undefined) map.set(key, (entry = create()));
  return entry;
}

/** Event ids delivered lately: the outbox relay publishes at least once, subscribers get each event once. */
class RecentIds {
  private readonly ids = new Set<string>();
  constructor(private readonly capacity: number) {}

  seenBefore(id: string): boolean {
    if (this.ids.has(id)) return true;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return false;
  }
}
