import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { serviceUnavailable } from '../../common/errors.js';
import type { RouterContext } from './context.js';
import { keepAliveFetcher, type FetcherInit } from './http-fetcher.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * Calls one subgraph: forwards the caller's token (subgraphs verify it again) and gives up
 * after `timeoutMs`, so a hung subgraph costs its fields, not the whole request.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<RouterContext> {
  constructor(name: string, url: string, timeoutMs: number) {
    const send = keepAliveFetcher(timeoutMs);
    const fetcher: Fetcher = async (input, init) => {
      try {
        return (await send(input, init as FetcherInit)) as never;
      } catch {
        // Network failures and timeouts name no URL and carry a code clients can act on.
        throw serviceUnavailable(name);
      }
    };
    super({ url, fetcher });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<RouterContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}
