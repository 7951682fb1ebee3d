/** The subgraphs of the supergraph, in composition order, with their default ports. */
export const SUBGRAPHS = [
  { name: 'users', defaultPort: 4001 },
  { name: 'tenants', defaultPort: 4002 },
  { name: 'bookings', defaultPort: 4003 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const defaultSubgraphUrl = (name: SubgraphName) =>
  `http://localhost:${SUBGRAPHS.find((subgraph) => subgraph.name === name)!.defaultPort}/graphql`;
