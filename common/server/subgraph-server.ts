import type { IncomingMessage } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { GraphQLError, type DocumentNode } from 'graphql';
import { sql, type Kysely } from 'kysely';
import { bearerToken, type AccessTokenVerifier } from '../auth/access-token.js';
import { requireServiceProof } from '../auth/service-proof.js';
import type { Viewer } from '../auth/viewer.js';
import { constraintError, type ConstraintErrors } from '../db/constraint-errors.js';
import { withHttpStatus } from '../errors.js';
import type { EventBus } from '../events/event.js';
import { controlCharacterPlugin } from '../operations/control-characters.js';
import { operationCostPlugin } from '../operations/cost.js';
import { introspectionDepthRule } from '../operations/introspection-depth.js';
import { traceRequests } from '../telemetry/spans.js';
import { maskError } from './format-error.js';
import { answerGraphQLPosts } from './graphql-post.js';
import { KnownQueries } from './known-queries.js';
import { createHttpServer, listen, type RunningServer } from './http.js';
import { metricsHandler } from './metrics-route.js';
import { requestErrorHandler } from './request-errors.js';

/** What a subgraph knows of a request besides its caller. */
export interface RequestFacts {
  /** The client's address as the router forwards it (X-Forwarded-For), else the caller's own. */
  clientIp: string;
}

// Subgraphs are reached through the router, inside the deployment's network: the address it
// forwards is taken as it comes. A caller reaching a subgraph directly could name any address,
// which is why sign-in also counts failures per account whatever the address.
const clientIpOf = (req: IncomingMessage) =>
  String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim() || req.socket.remoteAddress || 'unknown';

/**
 * A subgraph reached directly is held to the router's limits: the same cost, and a depth with room
 * for the `_entities` level the router's query plans add. Aliases, directives and tokens stay the
 * router's business, as its plans add their own.
 */
const armor = new ApolloArmor({
  maxDepth: { n: 14 },
  maxAliases: { enabled: false },
  maxDirectives: { enabled: false },
  maxTokens: { enabled: false },
  costLimit: { enabled: false },
  blockFieldSuggestion: { enabled: true },
});

const BODY_LIMIT_BYTES = 1024 * 1024;

export interface SubgraphServerOptions<Context> {
  /** The subgraph's name, for its metrics. */
  service: string;
  typeDefs: DocumentNode;
  resolvers: unknown;
  verifyAccessToken: AccessTokenVerifier;
  /** Database constraints whose violations are the client's mistake, and the error each means. */
  constraintErrors: ConstraintErrors;
  /** Builds the per-request context once the token (if any) is verified. */
  context: (viewer: Viewer | null, request: RequestFacts) => Context | Promise<Context>;
  /** Behind GET /ready: the subgraph is ready when its database and the event bus answer. */
  db: Kysely<any>;
  bus: EventBus;
  /** Extra HTTP routes of this subgraph (JWKS, internal endpoints). */
  routes?: (app: Express) => void;
  /** What callers of `/internal/*` must show (see common/auth/service-proof.ts). */
  serviceSecret: string;
  port: number;
  host?: string;
  onStop?: () => Promise<void>;
}

/**
 * One subgraph behind HTTP: the federated schema on /graphql, liveness on /health and readiness
 * on /ready. Subgraphs verify the caller's token themselves, so one reached directly is no weaker
 * than through the router.
 */
export async function startSubgraphServer<Context extends object>(options: SubgraphServerOptions<Context>): Promise<RunningServer> {
  const app = express();
  // Assigned below: the HTTP server exists before Apollo Server, whose drain plugin closes it.
  let server: ApolloServer<Context>;
  const known = new KnownQueries<Context>(options.service);
  const httpServer = createHttpServer(
    answerGraphQLPosts({ server: () => server, context: (req) => contextOf(req), bodyLimit: BODY_LIMIT_BYTES, service: options.service, before: [traceRequests(options.service)], known }, app),
  );
  const protections = armor.protect();
  server = new ApolloServer<Context>({
    schema: buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<Context> }]),
    formatError: (formatted, error) => {
      const refusal = constraintError(unwrapResolverError(error), options.constraintErrors);
      return maskError(refusal ? { ...refusal.toJSON(), ...(formatted.path ? { path: formatted.path } : {}) } : formatted, error, options.service);
    },
    includeStacktraceInErrorResponses: false,
    // runUntilSignalled stops the service in order; Apollo's own handler would re-raise the signal
    // and end the process mid-drain wherever NODE_ENV is not `test`.
    stopOnTerminationSignals: false,
    introspection: true,
    csrfPrevention: true,
    validationRules: [...protections.validationRules, introspectionDepthRule()],
    // graphql-armor is typed against Apollo Server's CommonJS build; the plugin objects are the same.
    plugins: [
      known.plugin(),
      ...(protections.plugins as ApolloServerPlugin<Context>[]),
      operationCostPlugin<Context>(),
      controlCharacterPlugin<Context>(),
      // Traces are for Apollo's hosted studio, which this deployment does not use.
      ApolloServerPluginInlineTraceDisabled(),
      // Cache hints are for CDN caching of GET responses, which nothing here uses; the plugin
      // wraps every field's resolver to compute them (about 5% of a large page's CPU).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
    ],
  });
  await server.start();

  app.disable('x-powered-by');
  // Nothing a subgraph answers is cached: hashing each response for an ETag is work for no one.
  app.set('etag', false);
  app.get('/health', (_req, res) => void res.json({ status: 'ok' }));
  app.get('/ready', async (_req, res) => {
    const checks = {
      database: await sql`select 1`.execute(options.db).then(() => true, () => false),
      events: await options.bus.ping(),
    };
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'unavailable', checks });
  });
  app.get('/metrics', metricsHandler);
  app.use('/internal', requireServiceProof(options.serviceSecret));
  options.routes?.(app);

  const contextOf = async (req: IncomingMessage) => {
    let viewer: Viewer | null;
    try {
      const token = bearerToken(req.headers.authorization);
      viewer = token ? await options.verifyAccessToken(token) : null;
    } catch (error) {
      throw error instanceof GraphQLError ? withHttpStatus(error) : error;
    }
    return options.context(viewer, { clientIp: clientIpOf(req) });
  };
  // What `answerGraphQLPosts` leaves to Express: other content types, compressed bodies, GET.
  app.use('/graphql', traceRequests(options.service), express.json({ limit: BODY_LIMIT_BYTES }), expressMiddleware(server, { context: ({ req }) => contextOf(req) }));
  app.use(requestErrorHandler(options.service));

  return listen(httpServer, options.port, options.host, async () => {
    await server.stop();
    await options.onStop?.();
  });
}
