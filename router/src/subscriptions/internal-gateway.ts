import { randomUUID } from 'node:crypto';
import { ApolloGateway, type GatewayConfig } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, parse, print, visit, type FormattedExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Viewer } from '../../../common/auth/viewer.js';
import { SOMETHING_WENT_WRONG } from '../../../common/errors.js';
import type { EventFilter } from '../../../common/events/event-stream.js';
import { logger } from '../../../common/logger.js';
import type { RouterContext } from '../context.js';
import { formatRouterError } from '../errors.js';
import type { Subscriber } from './hub.js';

type BuildService = NonNullable<GatewayConfig['buildService']>;

/**
 * The gateway subscriptions run their queries through: the same supergraph and subgraphs, but
 * with the `@inaccessible` fields visible, since a subscription's filter and event fields are
 * internal and absent from the public API. Nothing reaches it from outside: it runs only the
 * queries the router writes from a subscription already validated against the public schema.
 */
export class InternalGateway {
  private readonly server: ApolloServer<RouterContext>;

  constructor(supergraphSdl: string, buildService: BuildService) {
    this.server = new ApolloServer<RouterContext>({
      gateway: new ApolloGateway({ supergraphSdl: withInaccessibleVisible(supergraphSdl), buildService }),
      formatError: formatRouterError,
      includeStacktraceInErrorResponses: false,
      introspection: false,
      // Stopped with the router, after the sockets it serves (see server.ts).
      stopOnTerminationSignals: false,
      plugins: [ApolloServerPluginLandingPageDisabled()],
    });
  }

  start = () => this.server.start();
  stop = () => this.server.stop();

  /** Asks the owning subgraph, as the subscriber, which events the subscription receives. */
  async filter(query: string, variables: Record<string, unknown>, viewer: Viewer, authorization: string): Promise<EventFilter | { errors: GraphQLError[] }> {
    const result: FormattedExecutionResult = await this.run(query, variables, viewer, authorization).catch((error: unknown) => {
      logger.error({ err: error }, 'asking for a subscription filter failed');
      return { errors: [SOMETHING_WENT_WRONG] };
    });
    if (result.errors?.length) return { errors: result.errors.map(asGraphQLError) };
    const filter = (result.data as { filter?: EventFilter } | null | undefined)?.filter;
    // A subscriber only ever receives its own tenant's events, whatever a subgraph answers.
    if (!filter || (viewer.role !== 'PLATFORM_ADMIN' && filter.tenantId !== viewer.tenantId)) {
      logger.error({ filter, viewer: viewer.userId }, 'a subscription filter named no tenant, or another than the subscriber’s');
      return { errors: [asGraphQLError(SOMETHING_WENT_WRONG)] };
    }
    return filter;
  }

  /** Runs a subscription's hydration query through the whole gateway pipeline as the subscriber. */
  hydrate = (query: string, variables: Record<string, unknown>, subscriber: Subscriber): Promise<FormattedExecutionResult> =>
    this.run(query, variables, subscriber.viewer, subscriber.authorization);

  private async run(query: string, variables: Record<string, unknown>, viewer: Viewer, authorization: string) {
    const response = await this.server.executeOperation({ query, variables }, { contextValue: { viewer, authorization, requestId: randomUUID() } });
    if (response.body.kind !== 'single') throw new Error('a subscription query returned an incremental result');
    return response.body.singleResult;
  }
}

const asGraphQLError = (error: GraphQLFormattedError) => new GraphQLError(error.message, { extensions: error.extensions ?? {} });

/** The supergraph with every `@inaccessible` application removed. */
function withInaccessibleVisible(supergraphSdl: string): string {
  return print(visit(parse(supergraphSdl), { Directive: (directive) => (directive.name.value === 'inaccessible' ? null : undefined) }));
}
