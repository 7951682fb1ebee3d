import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { isPublicErrorCode, serviceUnavailable } from '../../common/errors.js';
import { injectTraceContext } from '../../common/telemetry/spans.js';
import type { RouterContext } from './context.js';
import { subgraphCallDuration } from './metrics.js';
import { SubgraphCallFailure, type SubgraphClient } from './subgraph-client.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * Calls one subgraph for the gateway: forwards the caller's token (subgraphs verify it again)
 * and the request id, and turns a call that got no answer into SERVICE_UNAVAILABLE naming no
 * URL, so a dead or slow subgraph costs its fields, not the whole request.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(
    private readonly name: string,
    url: string,
    private readonly client: SubgraphClient,
  ) {
    super({ url, fetcher: client.fetch as unknown as Fetcher });
  }

  override async process(options: GraphQLDataSourceProcessOptions<RouterContext>) {
    const mutation = /^\s*mutation\b/.test(options.request.query ?? '');
    const timer = subgraphCallDuration.startTimer({ subgraph: this.name });
    try {
      const response = await this.client.run(!mutation, () => super.process(options));
      timer({ outcome: 'ok' });
      return response;
    } catch (error) {
      timer({ outcome: error instanceof SubgraphCallFailure ? error.reason : 'error' });
      throw error instanceof SubgraphCallFailure ? serviceUnavailable(this.name, error.reason) : error;
    }
  }

  /**
   * A subgraph's 400 is a refusal of what the client sent (a value its scalars reject, say): its
   * first error, with its code, stands for the fields asked of it, instead of a bare status.
   */
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]) {
    if (response.status === 400) {
      const body = (await this.parseBody(response).catch(() => null)) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null;
      const [first] = body?.errors ?? [];
      if (typeof first?.message === 'string' && isPublicErrorCode(first.extensions?.code)) return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
    }
    return super.errorFromResponse(response);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    // Subgraphs count some things per client address (sign-in failures).
    if (context.clientIp) request.http?.headers.set('x-forwarded-for', context.clientIp);
    if (request.http) injectTraceContext(request.http.headers);
  }
}
