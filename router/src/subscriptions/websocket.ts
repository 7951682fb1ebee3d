import type http from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import { WebSocketServer, type WebSocket } from 'ws';
import { bearerToken, type AccessTokenVerifier } from '../../../common/auth/access-token.js';
import type { Viewer } from '../../../common/auth/viewer.js';
import { ErrorCode } from '../../../common/errors.js';
import type { EventFilter } from '../../../common/events/event-stream.js';
import type { EventSubscriptionDeclaration } from '../../../common/events/subscription-declarations.js';
import { logger } from '../../../common/logger.js';
import { MAX_OPERATION_COST, operationCost, tooComplex } from '../../../common/operations/cost.js';
import { formatRouterError } from '../errors.js';
import { inputRefusal } from '../operation-checks.js';
import type { SubscribePayload } from '../persisted-documents/trusted-only.js';
import { subscriptionsActive } from '../metrics.js';
import type { RateLimits } from '../rate-limits.js';
import type { TenantStatusCache } from '../tenant-status.js';
import { CloseCodes } from './close-codes.js';
import { subscriptionQueries, subscriptionShape } from './hydration-query.js';
import type { Subscriber, SubscriptionHub } from './hub.js';
import { subscriptionWriter } from './subscription-writer.js';

export interface SubscriptionLimits {
  /** Largest WebSocket message accepted, in bytes. */
  maxMessageBytes: number;
  maxSubscriptionsPerSocket: number;
  /** Payloads one subscription may have waiting for its socket before the socket is closed as too slow. */
  queueLimit: number;
  maxTokens: number;
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
}

export interface WebSocketOptions {
  httpServer: http.Server;
  path: string;
  apiSchema: () => GraphQLSchema;
  /** The API schema with the platform scalars implemented, for checking what a subscriber sends. */
  checkedSchema: () => GraphQLSchema;
  /** The supergraph's `@eventSubscription` fields: how each subscription is served. */
  declarations: () => ReadonlyMap<string, EventSubscriptionDeclaration>;
  /** Runs a subscription's filter query as the subscriber; the filter, or errors for the client. */
  askFilter: (query: string, variables: Record<string, unknown>, viewer: Viewer, authorization: string) => Promise<EventFilter | { errors: GraphQLError[] }>;
  validationRules: readonly ValidationRule[];
  /** The document a subscribe message asks for, given the origin of the page that opened the socket (see persisted-documents/). */
  documentOf: (payload: SubscribePayload, origin: string | undefined) => string | GraphQLError;
  verify: AccessTokenVerifier;
  tenantStatus: TenantStatusCache;
  /** Whether a browser page of this origin may open a socket (the router's own, or a portal's). */
  originAllowed: (origin: string | undefined, host: string | undefined) => boolean;
  /** Connection attempts count against the client IP's request limit. */
  requestLimits: RateLimits;
  hub: SubscriptionHub;
  limits: SubscriptionLimits;
}

interface SocketState {
  viewer: Viewer;
  authorization: string;
  subscriptions: number;
  expiry: NodeJS.Timeout;
}

interface PreparedSubscription {
  socket: WebSocket;
  request: http.IncomingMessage;
  /** The id the client gave the subscription: its `next` messages carry it. */
  id: string;
  state: SocketState;
  subscriber: Omit<Subscriber, 'deliver'>;
}

const requestError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/**
 * graphql-ws on the router's HTTP server, same path as queries. The token arrives in
 * connection_init and is verified there; each subscription is validated like an HTTP operation,
 * turned into a hydration query and handed to the hub, which feeds it events of the viewer's
 * tenant only.
 */
export function attachSubscriptions(options: WebSocketOptions) {
  const { limits } = options;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: limits.maxMessageBytes,
    verifyClient: ({ origin, req }: { origin: string; req: http.IncomingMessage }, done: (allowed: boolean, status?: number, message?: string, headers?: http.OutgoingHttpHeaders) => void) => {
      // Tokens travel in connection_init, not cookies, but a page of a foreign origin still has no business here.
      if (!options.originAllowed(origin || undefined, req.headers.host)) return done(false, 401, 'Unauthorized');
      options.requestLimits.consume('ip', options.requestLimits.clientIp(req)).then(
        () => done(true),
        (error: GraphQLError) => done(false, 429, 'Too Many Requests', { 'retry-after': String(error.extensions?.retryAfterSeconds ?? 60) }),
      );
    },
  });
  const states = new WeakMap<WebSocket, SocketState>();
  const socketsByTenant = new Map<string, Set<WebSocket>>();

  const forget = (socket: WebSocket) => {
    const state = states.get(socket);
    if (!state) return;
    clearTimeout(state.expiry);
    if (state.viewer.tenantId) socketsByTenant.get(state.viewer.tenantId)?.delete(socket);
    states.delete(socket);
  };

  const server = useServer<Record<string, unknown>, { socket: WebSocket; request: http.IncomingMessage }>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,

      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const raw = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        let viewer: Viewer;
        let token: string | null;
        try {
          token = bearerToken(typeof raw === 'string' ? raw : undefined);
          if (!token) return false;
          viewer = await options.verify(token);
        } catch {
          return false;
        }
        if (viewer.tenantId && options.tenantStatus.isSuspended(viewer.tenantId)) {
          socket.close(CloseCodes.TenantSuspended, 'Tenant suspended');
          return false;
        }
        const expiresAt = (decodeJwt(token).exp ?? 0) * 1000;
        const expiry = setTimeout(() => socket.close(CloseCodes.Forbidden, 'Token expired'), Math.max(0, expiresAt - Date.now()));
        expiry.unref();
        states.set(socket, { viewer, authorization: `Bearer ${token}`, subscriptions: 0, expiry });
        if (viewer.tenantId) {
          const sockets = socketsByTenant.get(viewer.tenantId) ?? new Set();
          sockets.add(socket);
          socketsByTenant.set(viewer.tenantId, sockets);
        }
        socket.once('close', () => forget(socket));
        return true;
      },

      onSubscribe: async (ctx, id, payload) => {
        const socket = ctx.extra.socket;
        const state = states.get(socket);
        if (!state) return [requestError('Sign in first.', ErrorCode.UNAUTHENTICATED)];
        if (state.subscriptions >= limits.maxSubscriptionsPerSocket) {
          return [requestError(`At most ${limits.maxSubscriptionsPerSocket} subscriptions per connection.`, ErrorCode.RATE_LIMITED)];
        }
        const schema = options.apiSchema();
        const source = options.documentOf(payload, ctx.extra.request.headers.origin);
        if (source instanceof GraphQLError) return [source];
        let document: DocumentNode;
        try {
          document = parse(source, { maxTokens: limits.maxTokens });
        } catch (error) {
          return [asPublicError(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const validationErrors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
        if (validationErrors.length > 0) return validationErrors.map((error) => asPublicError(error, 'GRAPHQL_VALIDATION_FAILED'));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [requestError('Name the operation to run.', ErrorCode.BAD_USER_INPUT)];
        if (operation.operation !== 'subscription') return [requestError('Send queries and mutations over HTTP; this socket carries subscriptions.', ErrorCode.BAD_USER_INPUT)];
        const shape = subscriptionShape(operation);
        if (!shape) return [requestError('Select one subscription field directly.', ErrorCode.BAD_USER_INPUT)];
        const declaration = options.declarations().get(shape.fieldName);
        if (!declaration) {
          logger.error({ field: shape.fieldName }, 'a subscription field of the supergraph declares no @eventSubscription');
          return [requestError('This subscription is not served.', ErrorCode.INTERNAL_SERVER_ERROR)];
        }
        const refusal = inputRefusal(options.checkedSchema(), document, operation, payload.variables ?? {});
        if (refusal) return [asPublicError(refusal, refusal.extensions.code as string)];
        const variables = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
        if (variables.errors) return variables.errors.map((error) => asPublicError(error, ErrorCode.BAD_USER_INPUT));
        // Every event runs the subscription's selection once per subscriber group: as costly a
        // selection as a query's is refused the same way.
        const cost = operationCost(schema, document, payload.operationName, payload.variables ?? {});
        if (cost !== undefined && cost > MAX_OPERATION_COST) return [tooComplex(cost)];

        // Counted before the subgraph is asked: a burst of subscribe messages must not all pass
        // the check above while their filters are on the way.
        state.subscriptions++;
        const queries = subscriptionQueries(document, operation, declaration);
        const subscriberVariables = (payload.variables ?? {}) as Record<string, unknown>;
        const filter = await options.askFilter(queries.filter, subscriberVariables, state.viewer, state.authorization);
        // Only what the hydration uses, so subscribers who filter differently still share it.
        const hydrationVariables = Object.fromEntries(queries.hydrationVariables.filter((name) => name in subscriberVariables).map((name) => [name, subscriberVariables[name]]));
        if ('errors' in filter) {
          state.subscriptions--;
          return filter.errors;
        }
        const prepared: PreparedSubscription = {
          socket,
          request: ctx.extra.request,
          id,
          state,
          // A cost the limits could not work out (variables that do not fit) batches nothing.
          subscriber: { viewer: state.viewer, authorization: state.authorization, filter, query: queries.hydration, variables: hydrationVariables, cost: cost ?? MAX_OPERATION_COST },
        };
        return { schema, document, operationName: payload.operationName ?? null, variableValues: variables.coerced, contextValue: prepared } satisfies ExecutionArgs;
      },

      execute: () => ({ errors: [requestError('Send queries and mutations over HTTP.', ErrorCode.BAD_USER_INPUT)] }),

      subscribe: async (args) => {
        const { socket, request, id, state, subscriber } = args.contextValue as PreparedSubscription;
        subscriptionsActive.inc();
        let remove: () => void = () => {};
        const writer = subscriptionWriter({
          socket,
          connection: request.socket,
          id,
          limit: limits.queueLimit,
          onOverflow: () => socket.close(CloseCodes.TooSlow, 'Subscriber too slow'),
          onEnd: () => {
            state.subscriptions--;
            subscriptionsActive.dec();
            remove();
          },
        });
        remove = await options.hub.add({ ...subscriber, deliver: (payload) => writer.send(payload) });
        return writer.completion;
      },
    },
    wss,
    limits.keepAliveMs,
  );

  return {
    /**
     * Closes a suspended tenant's sockets with the code clients must not retry. The close frame
     * follows the payloads already given to the socket (the status event), so they arrive first.
     */
    closeTenant(tenantId: string) {
      for (const socket of socketsByTenant.get(tenantId) ?? []) socket.close(CloseCodes.TenantSuspended, 'Tenant suspended');
      socketsByTenant.delete(tenantId);
    },
    /** Graceful shutdown: every socket gets 1001 "Going away". */
    async close() {
      await server.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** The same codes and masking as HTTP errors. */
function asPublicError(error: GraphQLError, code: string): GraphQLError {
  const formatted = formatRouterError({ message: error.message, extensions: { code, ...error.extensions } }, error);
  return new GraphQLError(formatted.message, { extensions: formatted.extensions ?? {} });
}

