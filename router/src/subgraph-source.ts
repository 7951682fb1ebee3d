import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { RouterContext } from './context.js';

/**
 * Calls one subgraph: forwards the caller's token (subgraphs verify it again) and gives up
 * after `timeoutMs`, so a hung subgraph costs its fields, not the whole request.
 */
type Fetcher = RemoteGraphQLDataSource['fetcher'];

export class SubgraphSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(url: string, timeoutMs: number) {
    const fetcher: Fetcher = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) } as RequestInit) as never;
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}
