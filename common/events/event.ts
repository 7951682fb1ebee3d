/**
 * What crosses service boundaries: which entities changed and how, never their data, so a
 * consumer reads the current state through its own subgraph or the router.
 */
export interface CarrelEvent {
  id: string;
  tenantId: string;
  type: string;
  occurredAt: string;
  /** Keys of the entities involved, e.g. `{ tenantId, slug }` or `{ bookingId, seatId }`. */
  keys: Record<string, string>;
}

export type EventHandler = (event: CarrelEvent) => Promise<void> | void;

/**
 * A durable consumer that takes the events read together (a burst: one read of the stream, one
 * publish on the in-process bus) at once, in one unit of work rather than one per event. Like any
 * consumer it must take an event twice in its stride: a batch that fails is offered again, and
 * then its events one at a time, so one event that keeps failing holds back no other.
 */
export interface BatchConsumer {
  handleBatch(events: readonly CarrelEvent[]): Promise<void>;
}

export type Consumer = EventHandler | BatchConsumer;

/** Has `consumer` take `events`: a batch consumer all at once, a handler one after another. */
export async function consume(consumer: Consumer, events: readonly CarrelEvent[]): Promise<void> {
  if (typeof consumer !== 'function') return consumer.handleBatch(events);
  for (const event of events) await consumer(event);
}

export interface SubscribeOptions {
  /**
   * Durable consumers name a group: each event is handled once per group, survives the
   * consumer being down, and is retried until the handler succeeds. Without a group the
   * subscriber sees live events only, every replica its own copy.
   */
  group?: string;
}

export interface EventBus {
  /** Whether `publish` calls this process's handlers itself and waits for them (the in-process bus). */
  readonly callsHandlersWhilePublishing: boolean;
  publish(events: readonly CarrelEvent[]): Promise<void>;
  subscribe(consumer: Consumer, options?: SubscribeOptions): () => Promise<void>;
  /**
   * Live events of one tenant only, from the moment the returned promise resolves. Redis keeps a stream per
   * tenant, so a router replica reads only the streams its sockets need.
   */
  subscribeTenant(tenantId: string, handler: EventHandler): Promise<() => Promise<void>>;
  /** Whether publishing works right now; feeds /ready. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
