import { randomUUID } from 'node:crypto';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterEach, beforeAll } from 'vitest';
import WebSocket from 'ws';
import type { CarrelEvent, EventBus } from '../../common/events/event.js';
import { loginAdmin, type Member } from './seed-kit.js';
import { sharedTestStack, type TestStack } from './stack.js';

/** A `next` payload and when it arrived (`Date.now()`). */
export interface Received<T> {
  at: number;
  result: FormattedExecutionResult<T>;
}

export interface LiveSubscription<T> {
  /** Every `next` payload in arrival order, readiness probes included. */
  readonly results: Received<T>[];
  /** The `next` payloads that are not readiness probes (see `untilLive`). */
  readonly events: Received<T>[];
  /** What ended the subscription with an error: the server's GraphQL errors, or a close event. */
  readonly error: readonly GraphQLFormattedError[] | { code: number; reason: string } | null;
  readonly completed: boolean;
  stop(): void;
}

export interface SubscriptionClient {
  /** `extensions`: as in the subscribe message (a persisted document's hash, say). */
  subscribe<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): LiveSubscription<T>;
  /** Resolves on `connection_ack`; rejects with the close event if the socket closes first. */
  connected(): Promise<void>;
  /** The codes of the socket's close events, in order. */
  readonly closeCodes: number[];
  dispose(): Promise<void>;
}

/**
 * The official graphql-ws client over `ws`, as an integrator would use it against the router:
 * the token in `connection_init`, no retries, so every close the server decides is visible.
 * Non-lazy, so the socket stays open between subscriptions.
 */
export function subscriptionClient(graphqlUrl: string, token: string | null, connectionParams?: Record<string, unknown>, { origin }: { origin?: string } = {}): SubscriptionClient {
  const closeCodes: number[] = [];
  let acknowledged = false;
  const waiting = new Set<{ resolve: () => void; reject: (reason: unknown) => void }>();
  const client = createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    // A browser page's socket carries its origin; one from a server carries none.
    webSocketImpl: origin
      ? class extends WebSocket {
          constructor(address: string, protocols?: string | string[]) {
            super(address, protocols, { headers: { origin } });
          }
        }
      : WebSocket,
    connectionParams: connectionParams ?? (token ? { authorization: `Bearer ${token}` } : {}),
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: {
      connected: () => {
        acknowledged = true;
        for (const waiter of waiting) waiter.resolve();
        waiting.clear();
      },
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closeCodes.push(code);
        for (const waiter of waiting) waiter.reject({ code, reason });
        waiting.clear();
      },
    },
  });

  return {
    closeCodes,
    connected: () => {
      if (acknowledged) return Promise.resolve();
      if (closeCodes.length > 0) return Promise.reject({ code: closeCodes[0] });
      return new Promise((resolve, reject) => waiting.add({ resolve, reject }));
    },
    subscribe<T>(query: string, variables?: Record<string, unknown>, extensions?: Record<string, unknown>): LiveSubscription<T> {
      const results: Received<T>[] = [];
      let error: LiveSubscription<T>['error'] = null;
      let completed = false;
      const stop = client.subscribe<T>(
        { query, ...(variables ? { variables } : {}), ...(extensions ? { extensions } : {}) },
        {
          next: (result) => void results.push({ at: Date.now(), result: result as FormattedExecutionResult<T> }),
          error: (reason) => {
            error = Array.isArray(reason) ? (reason as GraphQLFormattedError[]) : { code: (reason as { code: number }).code, reason: String((reason as { reason?: unknown }).reason ?? '') };
          },
          complete: () => {
            completed = true;
          },
        },
      );
      return {
        results,
        get events() {
          return results.filter((received) => !isProbe(received.result));
        },
        get error() {
          return error;
        },
        get completed() {
          return completed;
        },
        stop,
      };
    },
    dispose: async () => {
      await client.dispose();
    },
  };
}

/** A probe's payload: its event id is unknown to the subgraph, so the root field hydrates to null. */
function isProbe(result: FormattedExecutionResult<unknown>): boolean {
  const data = result.data as Record<string, unknown> | null | undefined;
  return !result.errors && data != null && Object.values(data).every((value) => value === null);
}

/**
 * graphql-ws sends nothing when the server has set a subscription up, so a test cannot tell when
 * events start to reach it. This publishes made-up events the subscription accepts (the tenant,
 * type and keys its filters want) until one comes back, hydrated to null; `events` leaves those out.
 */
export async function untilLive(subscriptions: LiveSubscription<unknown> | LiveSubscription<unknown>[], bus: EventBus, probe: Pick<CarrelEvent, 'tenantId' | 'type' | 'keys'>, timeoutMs = 5_000): Promise<void> {
  const all = Array.isArray(subscriptions) ? subscriptions : [subscriptions];
  const deadline = Date.now() + timeoutMs;
  while (!all.every((subscription) => subscription.results.length > subscription.events.length)) {
    const failed = all.find((subscription) => subscription.error);
    if (failed) throw new Error(`the subscription failed before it was live: ${JSON.stringify(failed.error)}`);
    if (Date.now() > deadline) throw new Error('the subscription never received its readiness probe');
    await bus.publish([{ ...probe, id: randomUUID(), occurredAt: new Date().toISOString() }]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What a file of subscription tests starts with: the shared stack and a platform admin, handed to
 * `ready` before its tests, and the clients it opens, closed after each test.
 */
export function subscriptionTestBed(ready: (bed: { stack: TestStack; admin: Member }) => void) {
  let graphqlUrl = '';
  const clients = subscriptionClients(() => graphqlUrl);
  beforeAll(async () => {
    const stack = await sharedTestStack();
    graphqlUrl = stack.graphqlUrl;
    ready({ stack, admin: await loginAdmin(stack.graphqlUrl) });
  });
  afterEach(() => clients.closeAll());
  return clients;
}

/** The clients a test file opens, to close after each test: `afterEach(() => clients.closeAll())`. */
export function subscriptionClients(graphqlUrl: () => string) {
  const open: SubscriptionClient[] = [];
  return {
    /** A client signed in as `member` (anonymous with null). */
    connect(member: { token: string } | null): SubscriptionClient {
      const client = subscriptionClient(graphqlUrl(), member?.token ?? null);
      open.push(client);
      return client;
    },
    closeAll: () => Promise.all(open.splice(0).map((client) => client.dispose())),
  };
}
