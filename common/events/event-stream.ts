import type { Kysely } from 'kysely';
import { tenantScope } from '../auth/tenant-scope.js';
import type { Viewer } from '../auth/viewer.js';
import { byIdsLoader, type RowLoader } from '../db/loaders.js';
import { badUserInput, unauthenticated } from '../errors.js';
import { MAX_PAGE_SIZE } from '../pagination.js';
import type { EventKey, EventType } from './catalogue.js';
import type { CarrelEvent } from './event.js';
import { findOutboxEvents } from './outbox.js';

/** What a subscription's `filter` field answers (`EventFilter` in the SDL): the router applies it to every event. */
export interface EventFilter {
  tenantId: string;
  eventTypes: string[];
  keys: { key: string; values: string[] }[];
  audience: string;
}

export interface EventStreamDeclaration<Type extends EventType, Name extends string> {
  /** The event types that feed the subscription, and the name each has in its GraphQL enum. */
  types: Record<Type, Name>;
  /** A key that names a user: students receive only the events that name them there. */
  studentKey?: EventKey<Type>;
}

export interface FilterRequest<Type extends EventType, Name extends string> {
  /** The tenant a platform admin names; members always get their own (another is NOT_FOUND). */
  tenantId: string | null | undefined;
  /** Only these types, by their GraphQL names; all of them when absent. */
  types?: readonly Name[] | null;
  /** Keys an event must have these values of; absent or null values filter nothing. */
  keys?: Partial<Record<EventKey<Type>, string | null | undefined>>;
  /**
   * Who sees the same of every event, for an audience that is not an event key (the members of a
   * community, say); decided by the subgraph, which must have checked the viewer belongs to it.
   */
  audience?: string;
}

/** What a request's context offers for reading events back. */
export interface EventReader {
  db: Kysely<any>;
  viewer: Viewer | null;
}

const eventLoaders = new WeakMap<EventReader, RowLoader<CarrelEvent>>();

/**
 * A request's outbox events by id, as its viewer may see them: the router hydrates a burst of
 * events in one query, one event field per event, and they are read in one statement.
 */
export function outboxEvents(context: EventReader): RowLoader<CarrelEvent> {
  let loader = eventLoaders.get(context);
  if (!loader) eventLoaders.set(context, (loader = byIdsLoader(context.db, context.viewer, 'read events', findOutboxEvents, () => true)));
  return loader;
}

/**
 * An `events` field's answer (see `@eventSubscription`): each id read by `read`, in the order
 * asked, null where the viewer may not see the event. The router asks for a burst of events at a
 * time, far fewer than a page; a caller reaching the subgraph directly gets no more than a page.
 */
export function readEvents<T>(eventIds: readonly string[], read: (eventId: string) => Promise<T | null> | T | null): Promise<(T | null)[]> {
  if (eventIds.length > MAX_PAGE_SIZE) throw badUserInput(`At most ${MAX_PAGE_SIZE} events may be read at once.`, 'eventIds');
  return Promise.all(eventIds.map(read));
}

/**
 * The events behind one subscription field, declared by the subgraph that writes them. `filter`
 * answers the field's `filter` query (which events one subscriber receives), `read` one event read
 * back from the outbox under the viewer's row-level security, `readMany` its `events` query (the
 * events of a burst, for hydration), and `nameOf` the event's type as its GraphQL enum says it.
 */
export function eventStream<Type extends EventType, Name extends string>(declaration: EventStreamDeclaration<Type, Name>) {
  const typeByName = new Map(Object.entries<Name>(declaration.types).map(([type, name]) => [name, type]));
  const own = (viewer: Viewer) => (declaration.studentKey && viewer.role === 'STUDENT' ? { key: declaration.studentKey as string, values: [viewer.userId] } : null);

  const read = async (context: EventReader, eventId: string): Promise<CarrelEvent | null> => {
    const { viewer } = context;
    if (!viewer) throw unauthenticated();
    const event = await outboxEvents(context).load(eventId);
    if (!event || !Object.hasOwn(declaration.types, event.type)) return null;
    const ownKey = own(viewer);
    return ownKey && !ownKey.values.includes(event.keys[ownKey.key]!) ? null : event;
  };

  return {
    filter(viewer: Viewer | null, request: FilterRequest<Type, Name>): EventFilter {
      if (!viewer) throw unauthenticated();
      const tenantId = tenantScope(viewer, request.tenantId, { required: true })!;
      const ownKey = own(viewer);
      const keys = Object.entries<string | null | undefined>(request.keys ?? {}).flatMap(([key, value]) => (value == null ? [] : [{ key, values: [value] }]));
      return {
        tenantId,
        eventTypes: request.types ? request.types.map((name) => typeByName.get(name)!) : Object.keys(declaration.types),
        keys: ownKey ? [...keys, ownKey] : keys,
        // A student who receives only their own events sees them alone; everyone else of a role alike.
        audience: request.audience ?? (ownKey ? `user:${viewer.userId}` : 'tenant'),
      };
    },

    read,

    readMany: (context: EventReader, eventIds: readonly string[]): Promise<(CarrelEvent | null)[]> => readEvents(eventIds, (eventId) => read(context, eventId)),

    nameOf: (event: CarrelEvent): Name => declaration.types[event.type as Type],
  };
}
