import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { isPublicErrorCode, serviceUnavailable } from '../../common/errors.js';
import { injectTraceContext } from '../../common/telemetry/spans.js';
import type { RouterContext } from './context.js';
import { subgraphCallDuration } from './metrics.js';
import { SubgraphCallFailure, type SubgraphClient, type SubgraphResponse } from './subgraph-client.js';

/**
 * Calls one subgraph for the gateway: forwards the caller's token (subgraphs verify it again), the
 * request id and client address, and turns a call that got no answer into SERVICE_UNAVAILABLE
 * naming no URL, so a dead or slow subgraph costs its fields, not the whole request.
 *
 * It does what `RemoteGraphQLDataSource` does for a call (the same body, headers, cache policy and
 * errors from a status) on plain objects: that class builds node-fetch `Headers` and `Request`
 * objects for every call, which cost the router more than the call itself on a one-hop query.
 * Automatic persisted queries to subgraphs, which it also offers, are not used here.
 */
export class SubgraphSource implements GraphQLDataSource<RouterContext> {
  constructor(
    private readonly name: string,
    private readonly url: string,
    private readonly client: SubgraphClient,
  ) {}

  async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const mutation = /^\s*mutation\b/.test(options.request.query ?? '');
    const timer = subgraphCallDuration.startTimer({ subgraph: this.name });
    try {
      const response = await this.client.run(!mutation, () => this.send(options));
      timer({ outcome: 'ok' });
      return response;
    } catch (error) {
      timer({ outcome: error instanceof SubgraphCallFailure ? error.reason : 'error' });
      throw error instanceof SubgraphCallFailure ? serviceUnavailable(this.name, error.reason) : error;
    }
  }

  private async send(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<GatewayGraphQLResponse> {
    const { http: _http, query, ...rest } = options.request;
    if (!query) throw new Error('Missing query');
    const response = await this.client.fetch(this.url, { method: 'POST', headers: this.headers(options), body: JSON.stringify({ query, ...rest }) });
    if (!response.ok) throw await errorFromResponse(response);
    const body = await parseBody(response);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    if ('incomingRequestContext' in options) restrictCachePolicy(options.incomingRequestContext.overallCachePolicy, response.headers.get('cache-control'));
    return body as GatewayGraphQLResponse;
  }

  /** A client's operation carries who asked; the gateway's own calls (health checks) carry nothing. */
  private headers(options: GraphQLDataSourceProcessOptions<RouterContext>): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!('incomingRequestContext' in options)) return headers;
    const { context } = options;
    if (context.authorization) headers.authorization = context.authorization;
    if (context.requestId) headers['x-request-id'] = context.requestId;
    // Subgraphs count some things per client address (sign-in failures).
    if (context.clientIp) headers['x-forwarded-for'] = context.clientIp;
    injectTraceContext({ set: (name, value) => (headers[name] = value) });
    return headers;
  }
}

function parseBody(response: SubgraphResponse): Promise<unknown> {
  const type = response.headers.get('content-type');
  return type && (type.startsWith('application/json') || type.startsWith('application/graphql-response+json')) ? response.json() : response.text();
}

/**
 * A subgraph's 400 is a refusal of what the client sent (a value its scalars reject, say): its
 * first error, with its code, stands for the fields asked of it. Any other status is an error
 * named by it (masked for clients as any server fault), 401 and 403 with their codes.
 */
async function errorFromResponse(response: SubgraphResponse): Promise<GraphQLError> {
  const body = await parseBody(response).catch(() => null);
  if (response.status === 400) {
    const [first] = (body as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null)?.errors ?? [];
    if (typeof first?.message === 'string' && isPublicErrorCode(first.extensions?.code)) return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
  }
  const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${response.status}: ${response.statusText}`, {
    extensions: { response: { url: response.url, status: response.status, statusText: response.statusText, body }, ...(code ? { code } : {}) },
  });
}

type CachePolicy = { restrict(hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }): void };

/** The caller's response is cached no longer, nor more widely, than the subgraph's `cache-control` allows. */
function restrictCachePolicy(policy: unknown, header: string | null): void {
  if (!policy || typeof policy !== 'object' || !('restrict' in policy)) return;
  const directives = new Map((header ?? '').split(',').map((part) => part.trim().toLowerCase().split('=') as [string, string | undefined]));
  const maxAge = directives.get('max-age');
  (policy as CachePolicy).restrict({
    maxAge: maxAge && /^[0-9]+$/.test(maxAge) ? Number(maxAge) : 0,
    ...(directives.has('private') ? { scope: 'PRIVATE' as const } : directives.has('public') ? { scope: 'PUBLIC' as const } : {}),
  });
}
