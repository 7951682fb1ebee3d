import type { ExecutionResult } from 'graphql';
import type { Viewer } from '../../../common/auth/viewer.js';
import { SOMETHING_WENT_WRONG } from '../../../common/errors.js';
import type { CarrelEvent, EventBus } from '../../../common/events/event.js';
import type { EventFilter } from '../../../common/events/event-stream.js';
import { logger } from '../../../common/logger.js';
import { subscriptionHydrations } from '../metrics.js';
import { SUSPENDED } from '../tenant-status.js';
import { EVENT_ID_VARIABLE } from './hydration-query.js';

export interface Subscriber {
  viewer: Viewer;
  /** The subscriber's own `Bearer` token: hydration runs with exactly its rights. */
  authorization: string;
  /** Which events it receives, as the owning subgraph answered at subscribe time. */
  filter: EventFilter;
  /** The hydration query and its variables (the subscription's, minus the event id). */
  query: string;
  variables: Record<string, unknown>;
  /** Sends one result; the socket layer queues it and closes subscribers that fall behind. */
  deliver(result: ExecutionResult): void;
}

export type Hydrate = (query: string, variables: Record<string, unknown>, as: Subscriber) => Promise<ExecutionResult>;

function accepts({ filter }: Subscriber, event: CarrelEvent): boolean {
  return filter.eventTypes.includes(event.type) && filter.keys.every(({ key, values }) => values.includes(event.keys[key]!));
}

/**
 * Who sees the same payload for the same selection: subscribers of one role in one audience, as
 * the owning subgraph declared it (each student alone for events about themselves, say, or all the
 * members of a community together).
 */
const sharedView = ({ viewer, filter }: Subscriber) => `${viewer.role}\u0000${filter.audience}`;

/**
 * Fans events out to this replica's subscribers: one tenant stream per tenant in use, the event's
 * tenant checked before anything else, and one hydration per distinct (selection, variables,
 * shared view) per event, shared by every subscriber in that group.
 */
export class SubscriptionHub {
  private readonly byTenant = new Map<string, { subscribers: Set<Subscriber>; unsubscribe: Promise<() => Promise<void>> }>();
  private readonly recent = new RecentIds(10_000);
  /** Per tenant, the delivery of the latest event; the next one is delivered after it. */
  private readonly deliveries = new Map<string, Promise<void>>();

  constructor(
    private readonly bus: EventBus,
    private readonly hydrate: Hydrate,
    private readonly onTenantSuspended: (tenantId: string) => void,
  ) {}

  /** Resolves once events of the subscriber's tenant flow to it. */
  async add(subscriber: Subscriber): Promise<() => void> {
    const { tenantId } = subscriber.filter;
    let tenant = this.byTenant.get(tenantId);
    if (!tenant) {
      const subscribers = new Set<Subscriber>();
      tenant = { subscribers, unsubscribe: this.bus.subscribeTenant(tenantId, (event) => this.dispatch(tenantId, subscribers, event)) };
      this.byTenant.set(tenantId, tenant);
    }
    tenant.subscribers.add(subscriber);
    await tenant.unsubscribe;
    const current = tenant;
    return () => {
      current.subscribers.delete(subscriber);
      if (current.subscribers.size === 0 && this.byTenant.get(tenantId) === current) {
        this.byTenant.delete(tenantId);
        void current.unsubscribe.then((unsubscribe) => unsubscribe());
      }
    };
  }

  /**
   * Hydration starts as soon as an event arrives, concurrently with earlier events' hydration;
   * delivery waits its turn, so each subscriber still sees its tenant's events in order.
   */
  private dispatch(tenantId: string, subscribers: Set<Subscriber>, event: CarrelEvent): void {
    // The stream is the tenant's, but the event says whose it is: never trust one without the other.
    if (event.tenantId !== tenantId || this.recent.seenBefore(event.id)) return;
    const hydrated = this.hydrateGroups(subscribers, event);
    const previous = this.deliveries.get(tenantId) ?? Promise.resolve();
    const delivered = previous.then(async () => {
      for (const { result, group } of await hydrated) for (const subscriber of group) subscriber.deliver(result);
      if (event.type === SUSPENDED) this.onTenantSuspended(tenantId);
    });
    this.deliveries.set(tenantId, delivered);
    void delivered.finally(() => {
      if (this.deliveries.get(tenantId) === delivered) this.deliveries.delete(tenantId);
    });
  }

  private hydrateGroups(subscribers: Set<Subscriber>, event: CarrelEvent): Promise<{ result: ExecutionResult; group: Subscriber[] }[]> {
    const groups = new Map<string, Subscriber[]>();
    for (const subscriber of subscribers) {
      if (!accepts(subscriber, event)) continue;
      const key = `${subscriber.query}\u0000${JSON.stringify(subscriber.variables)}\u0000${sharedView(subscriber)}`;
      const group = groups.get(key);
      if (group) group.push(subscriber);
      else groups.set(key, [subscriber]);
    }
    return Promise.all(
      [...groups.values()].map(async (group) => {
        const representative = group[0]!;
        subscriptionHydrations.inc();
        const variables = { ...representative.variables, [EVENT_ID_VARIABLE]: event.id };
        const result = await this.hydrate(representative.query, variables, representative).catch((error: unknown) => {
          logger.error({ err: error, eventId: event.id }, 'hydrating an event failed');
          return { errors: [SOMETHING_WENT_WRONG] } as unknown as ExecutionResult;
        });
        return { result, group };
      }),
    );
  }

  async stop(): Promise<void> {
    const streams = [...this.byTenant.values()];
    this.byTenant.clear();
    await Promise.all(streams.map(async (tenant) => (await tenant.unsubscribe)()));
  }
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
