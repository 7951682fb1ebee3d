import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { reportToBench } from './baseline-process.js';

/**
 * The product's shape with nothing of Carrel's: Apollo Gateway inside Apollo Server as their
 * documentation sets them up, forwarding the caller's token. What the router costs beyond this
 * is ours; what this costs beyond a minimal proxy is the shape's.
 * argv: the subgraphs' base URLs by name (JSON).
 */
const urls = JSON.parse(process.argv[2]!) as Record<string, string>;
process.env.APOLLO_TELEMETRY_DISABLED = 'true';

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
  buildService: ({ name }) =>
    new RemoteGraphQLDataSource<{ authorization?: string }>({
      url: `${urls[name]}/graphql`,
      willSendRequest({ request, context }) {
        if (context.authorization) request.http!.headers.set('authorization', context.authorization);
      },
    }),
});
const server = new ApolloServer<{ authorization?: string }>({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' }, context: async ({ req }) => ({ authorization: req.headers.authorization }) });
reportToBench(Number(new URL(url).port));
