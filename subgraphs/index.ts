import type { SubgraphEntry } from '../common/subgraph-kit/manifest.js';

/**
 * The subgraphs of the supergraph, in composition order: the one place platform code (router,
 * stack, bench, scripts, codegen) learns which subgraphs exist. Each line is data: the name (also
 * the folder, the metrics label and the `<NAME>_…` variables), the default port, the platform
 * endpoints it serves, how to load its manifest, which only the services that run it do, and its
 * own benchmarks, if any.
 */
export const SUBGRAPHS = [
  { name: 'users', port: 4001, serves: ['tokenKeys', 'memberRoles', 'memberContacts'], manifest: () => import('./users/subgraph.js') },
  { name: 'tenants', port: 4002, serves: ['suspendedTenants'], manifest: () => import('./tenants/subgraph.js') },
  { name: 'bookings', port: 4003, serves: ['bookingCharges'], manifest: () => import('./bookings/subgraph.js') },
  { name: 'payments', port: 4004, serves: ['creditReservations', 'creditCaptures', 'creditReleases'], manifest: () => import('./payments/subgraph.js'), bench: () => import('./payments/bench/revenue-summary.js') },
  { name: 'communities', port: 4005, serves: [], manifest: () => import('./communities/subgraph.js') },
] as const satisfies readonly SubgraphEntry[];

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
