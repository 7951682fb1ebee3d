import type { IncomingMessage } from 'node:http';
import tls from 'node:tls';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import express from 'express';
import { Agent } from 'undici';
import { parse, printSchema, type GraphQLSchema } from 'graphql';
import { accessTokenVerifier, remoteSigningKeys } from '../../common/auth/access-token.js';
import type { EventBus } from '../../common/events/event.js';
import { eventSubscriptionsOf } from '../../common/events/subscription-declarations.js';
import { logger } from '../../common/logger.js';
import { operationCostPlugin } from '../../common/operations/cost.js';
import { introspectionDepthRule } from '../../common/operations/introspection-depth.js';
import { answerGraphQLPosts } from '../../common/server/graphql-post.js';
import { createHttpServer, listen, type RunningServer } from '../../common/server/http.js';
import { traceRequests } from '../../common/telemetry/spans.js';
import { metricsHandler } from '../../common/server/metrics-route.js';
import { requestErrorHandler } from '../../common/server/request-errors.js';
import { routerContext, type RouterContext } from './context.js';
import { operationChecksPlugin, withPlatformScalars } from './operation-checks.js';
import { operationLogPlugin } from './operation-log.js';
import { perIpLimit } from './per-ip-limit.js';
import { formatRouterError } from './errors.js';
import { mountExplorer } from './explorer/explorer.js';
import { frontDoor, mountFrontDoor, originAllowed } from './front-door.js';
import { DEFAULT_SUBGRAPH_LIMITS, SubgraphClient, type SubgraphCallLimits } from './subgraph-client.js';
import { credentialLimitPlugin } from './credential-limit.js';
import { credentialLimitedFields, DEFAULT_RATE_LIMITS, RateLimits, type RateLimitSettings } from './rate-limits.js';
import { SubgraphSource } from './subgraph-source.js';
import { SubscriptionHub } from './subscriptions/hub.js';
import { InternalGateway } from './subscriptions/internal-gateway.js';
import { attachSubscriptions } from './subscriptions/websocket.js';
import { TenantStatusCache } from './tenant-status.js';
import { persistedDocumentCache } from './persisted-documents/document-cache.js';
import { TrustedDocuments } from './persisted-documents/trusted-documents.js';
import { portalHeldToTrusted, subscriptionDocument, trustedOnlyPlugin } from './persisted-documents/trusted-only.js';
import { connectRouterRedis } from './router-redis.js';

export interface RouterOptions {
  /** A composed Federation 2 supergraph SDL. */
  supergraphSdl: string;
  /** Overrides of where subgraphs listen, by name; a subgraph not listed keeps the URL in the supergraph. */
  subgraphUrls: Readonly<Record<string, string>>;
  jwksUrl: string;
  suspendedTenantsUrl: string;
  /** What the router shows on other services' `/internal/*` routes (SERVICE_SECRET). */
  serviceSecret: string;
  bus: EventBus;
  port: number;
  host?: string;
  subgraphTimeoutMs: number;
  /** Certificates (PEM) trusted for `https:` subgraphs besides the public ones: a deployment's own CA. */
  subgraphCa?: string;
  /** The rest of the subgraph call limits (response size, breaker); defaults where left out. */
  subgraphLimits?: Partial<Omit<SubgraphCallLimits, 'timeoutMs'>>;
  /** Request limits per client IP, per tenant and on credential operations; the defaults where left out. */
  rateLimits?: Partial<RateLimitSettings>;
  /** The deployment's Redis, where replicas share their request counts; counted in memory without it. */
  redis?: { url: string; keyPrefix: string };
  /** Browser origins allowed to call the router (CORS and WebSocket upgrades); none when empty. */
  corsOrigins?: readonly string[];
  /**
   * The portals' trusted-documents manifests (see router/src/persisted-documents/), and whether
   * browsers of the `corsOrigins` may run nothing else.
   */
  trustedDocuments?: { manifests: readonly string[]; onlyForPortals: boolean };
  tenantStatusRefreshMs?: number;
  /**
   * Where GET /metrics is served, apart from the public port so clients cannot read it. Unset,
   * no metrics port is opened (in-process stacks read the shared registry from a subgraph).
   */
  metricsPort?: number;
}

const MAX_TOKENS = 3_000;
/** A GraphQL request's body: a persisted-document hash or a document of MAX_TOKENS, with its variables. */
const BODY_LIMIT_BYTES = 256 * 1024;
const SUSPENSION_GRACE_MS = 500;
const SUBSCRIPTION_LIMITS = {
  maxMessageBytes: 64 * 1024,
  maxSubscriptionsPerSocket: 20,
  queueLimit: 200,
  connectionInitTimeoutMs: 3_000,
  keepAliveMs: 12_000,
};

/** Limits every operation must pass before planning; see docs/architecture.md. */
const armor = new ApolloArmor({
  maxDepth: { n: 12 },
  maxAliases: { n: 20 },
  maxDirectives: { n: 30 },
  // Token counting is graphql-js's own parse option below: armor's re-parses every request,
  // while Apollo Server parses a document once and caches it.
  maxTokens: { enabled: false },
  // Armor's cost rule reads literals only; operationCostPlugin counts variables and defaults too.
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: true },
});

export interface RunningRouter extends RunningServer {
  /** `GET /metrics` (Prometheus), on its own port; null when no metrics port was asked for. */
  metricsUrl: string | null;
}

export async function startRouter(options: RouterOptions): Promise<RunningRouter> {
  /** Where each subgraph of the supergraph is called: its override, or the supergraph's URL. */
  const subgraphUrls = new Map<string, string>();
  // One pool of keep-alive connections, and one client (and so one breaker) per subgraph, shared
  // by the public and the internal gateway.
  const dispatcher = new Agent({ keepAliveTimeout: 60_000, connections: 256, ...(options.subgraphCa ? { connect: { ca: [...tls.rootCertificates, options.subgraphCa] } } : {}) });
  const callLimits: SubgraphCallLimits = { ...DEFAULT_SUBGRAPH_LIMITS, ...options.subgraphLimits, timeoutMs: options.subgraphTimeoutMs };
  const clients = new Map<string, SubgraphClient>();
  const buildService = ({ name, url }: { name: string; url?: string }) => {
    const target = options.subgraphUrls[name] ?? url;
    if (!target) throw new Error(`The supergraph gives subgraph ${name} no URL; set one for it.`);
    subgraphUrls.set(name, target);
    if (!clients.has(name)) clients.set(name, new SubgraphClient(dispatcher, callLimits));
    return new SubgraphSource(name, target, clients.get(name)!);
  };
  // Unless told otherwise, @apollo/gateway reports usage to Apollo every hour and probes cloud
  // metadata services at boot: a self-hosted router sends nothing anywhere it was not told to.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const gateway = new ApolloGateway({ supergraphSdl: options.supergraphSdl, buildService });
  const internal = new InternalGateway(options.supergraphSdl, buildService);
  const supergraph = parse(options.supergraphSdl);
  const declarations = eventSubscriptionsOf(supergraph);
  let apiSchema: GraphQLSchema | null = null;
  let checkedSchema: GraphQLSchema | null = null;
  gateway.onSchemaLoadOrUpdate((loaded) => {
    apiSchema = loaded.apiSchema;
    checkedSchema = withPlatformScalars(loaded.apiSchema);
  });
  const tenantStatus = new TenantStatusCache(options.bus, options.suspendedTenantsUrl, options.tenantStatusRefreshMs ?? 5_000, options.serviceSecret);
  // What has started, to stop in reverse if a later step fails (a port taken, say).
  const started: (() => Promise<void>)[] = [() => dispatcher.close()];
  const stopStarted = async () => {
    for (const stop of started.splice(0).reverse()) await stop();
  };
  await tenantStatus.start();
  started.push(() => tenantStatus.stop());
  const verify = accessTokenVerifier(remoteSigningKeys(options.jwksUrl));
  const redis = options.redis ? { client: await connectRouterRedis(options.redis.url), keyPrefix: options.redis.keyPrefix } : undefined;
  if (redis) started.push(async () => redis.client.disconnect());
  const requestLimits = new RateLimits({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, redis);
  const trusted = TrustedDocuments.load(options.trustedDocuments?.manifests ?? []);
  const heldToTrusted = portalHeldToTrusted(options.trustedDocuments?.onlyForPortals ?? false, options.corsOrigins ?? []);

  const app = express();
  app.disable('x-powered-by');
  // GraphQL answers, health and metrics are never cached: no ETag hashed for them. The explorer's
  // assets carry their own, computed once (explorer/explorer.ts).
  app.set('etag', false);
  const contextOf = (req: IncomingMessage) => routerContext(req, { verify, tenantStatus, limits: requestLimits });
  // Assigned below: the HTTP server exists before Apollo Server, whose drain plugin closes it.
  let server: ApolloServer<RouterContext>;
  // The same steps as the Express route below, in the same order, without Express's cost.
  const graphqlPosts = { server: () => server, context: contextOf, bodyLimit: BODY_LIMIT_BYTES, service: 'router', before: [...frontDoor(options.corsOrigins ?? []), traceRequests('router'), perIpLimit(requestLimits)] };
  const httpServer = createHttpServer(answerGraphQLPosts(graphqlPosts, app));
  const protections = armor.protect();
  const validationRules = [...protections.validationRules, introspectionDepthRule()];
  server = new ApolloServer<RouterContext>({
    gateway,
    // runUntilSignalled stops everything in order; Apollo's own handler would re-raise the signal
    // and end the process mid-drain wherever NODE_ENV is not `test` (in production, say).
    stopOnTerminationSignals: false,
    formatError: formatRouterError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    csrfPrevention: true,
    persistedQueries: { cache: persistedDocumentCache(trusted, redis) },
    validationRules,
    parseOptions: { maxTokens: MAX_TOKENS },
    // graphql-armor is typed against Apollo Server's CommonJS build; the plugin objects are the same.
    plugins: [
      ...(protections.plugins as ApolloServerPlugin<RouterContext>[]),
      operationChecksPlugin<RouterContext>(() => checkedSchema!),
      operationCostPlugin<RouterContext>({
        charge: async (cost, { clientIp }) => {
          if (clientIp) await requestLimits.chargeCost(clientIp, cost);
        },
      }),
      credentialLimitPlugin(credentialLimitedFields(supergraph), requestLimits),
      trustedOnlyPlugin<RouterContext>(trusted, heldToTrusted),
      operationLogPlugin({ trustedOperation: ({ queryHash }) => trusted.operationName(queryHash) }),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
  });
  try {
    await server.start();
    started.push(() => server.stop());
    await internal.start();
    started.push(() => internal.stop());
  } catch (error) {
    await stopStarted();
    throw error;
  }

  mountFrontDoor(app, options.corsOrigins ?? []);
  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  mountExplorer(app, printSchema(apiSchema!));
  app.get('/ready', async (_req, res) => {
    const checks = await readiness(subgraphUrls, options.bus);
    const ready = Object.values(checks).every(Boolean);
    const breakers = Object.fromEntries([...clients].map(([name, client]) => [name, client.state]));
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks, breakers });
  });
  // What `answerGraphQLPosts` leaves to Express: GET, other content types, compressed bodies.
  app.use('/graphql', traceRequests('router'), perIpLimit(requestLimits), express.json({ limit: BODY_LIMIT_BYTES }), expressMiddleware(server, { context: ({ req }) => contextOf(req) }));
  app.use(requestErrorHandler('router'));

  const hub = new SubscriptionHub(options.bus, internal.hydrate, (tenantId) => subscriptions.closeTenant(tenantId));
  let subscriptions: ReturnType<typeof attachSubscriptions>;
  const metricsApp = express();
  metricsApp.get('/metrics', metricsHandler);
  let metricsServer: RunningServer | null = null;
  let running: RunningServer;
  try {
    metricsServer = options.metricsPort === undefined ? null : await listen(createHttpServer(metricsApp), options.metricsPort, options.host);
    running = await listen(httpServer, options.port, options.host, async () => {
      await metricsServer?.stop();
      await subscriptions.close();
      await hub.stop();
      await stopStarted();
    });
  } catch (error) {
    await metricsServer?.stop();
    await stopStarted();
    throw error;
  }
  subscriptions = attachSubscriptions({
    httpServer: running.httpServer,
    path: '/graphql',
    apiSchema: () => apiSchema!,
    declarations: () => declarations,
    askFilter: (query, variables, viewer, authorization) => internal.filter(query, variables, viewer, authorization),
    checkedSchema: () => checkedSchema!,
    validationRules,
    documentOf: subscriptionDocument(trusted, heldToTrusted),
    verify,
    tenantStatus,
    originAllowed: (origin, host) => originAllowed(origin, host, options.corsOrigins ?? []),
    requestLimits,
    hub,
    limits: { ...SUBSCRIPTION_LIMITS, maxTokens: MAX_TOKENS },
  });
  // A suspension seen by the periodic re-read (or before the tenant's own stream delivered it)
  // still ends the tenant's sockets, a moment later so the status event goes out first.
  tenantStatus.onSuspended((tenantId) => setTimeout(() => subscriptions.closeTenant(tenantId), SUSPENSION_GRACE_MS).unref());
  logger.info({ url: `${running.url}/graphql` }, 'router ready');
  return { ...running, metricsUrl: metricsServer ? `${metricsServer.url}/metrics` : null };
}

/** Ready when every subgraph says it is (their databases included) and the event bus answers. */
async function readiness(subgraphUrls: ReadonlyMap<string, string>, bus: EventBus): Promise<Record<string, boolean>> {
  const subgraphs = await Promise.all(
    [...subgraphUrls].map(async ([name, url]) => {
      const ready = await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(2_000) }).then((response) => response.ok, () => false);
      return [name, ready] as const;
    }),
  );
  return { ...Object.fromEntries(subgraphs), events: await bus.ping() };
}
