import { DateTime } from '../../common/scalars.js';
import { defineSubgraph, type SubgraphPlatform } from '../../common/subgraph-kit/manifest.js';
import { migrations } from './migrations/index.js';
import type { Resolvers } from './src/__generated__/resolvers-types.js';
import { createContext, type __Name__Services } from './src/context.js';
import type { __Name__Database } from './src/db.js';
import { __Name__Item } from './src/resolvers/__Name__Item.js';
import { Mutation } from './src/resolvers/Mutation.js';
import { Query } from './src/resolvers/Query.js';

const resolvers: Resolvers = { DateTime, Query, Mutation, __Name__Item };

/** What the __name__ subgraph owns, in a sentence. */
export default defineSubgraph({
  schema: new URL('./schema.graphql', import.meta.url),
  resolvers,
  migrations,
  services: ({ db, relay }: SubgraphPlatform<__Name__Database, unknown>): __Name__Services => ({ db, relay }),
  context: createContext,
});
