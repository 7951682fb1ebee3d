import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { logger } from '../common/logger.js';
import { owningSubgraph } from '../router/src/supergraph.js';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/index.js';
import { login } from '../test/support/seed-kit.js';
import { benchBookingsList, BOOKING_LIST_QUERY, seedBookings } from './bookings-list.js';
import { cpuPerRequest } from './cpu-per-request.js';
import { benchCostlyNeighbour } from './costly-neighbour.js';
import { startProcessStack } from './process-stack.js';
import { measureRouterBaselines } from './router-baselines.js';
import { ME_QUERY, measureRouterOverhead } from './router-overhead.js';
import { benchSubscriptionFanout } from './subscription-fanout.js';

/**
 * `npm run bench`: figures for the design targets, printed. On PGlite by default, on PostgreSQL
 * and Redis when DATABASE_URL / DATABASE_MIGRATION_URL / REDIS_URL are set. Run it on a quiet
 * machine: every figure shares the same two cores.
 */
// Only the figures belong on screen; LOG_LEVEL=info brings the services' logs back.
logger.level = process.env.LOG_LEVEL ?? 'silent';
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
await benchBookingsList(seconds);
await benchSubscriptionFanout();
await benchCostlyNeighbour(seconds);

// The one-hop query is `me`; it is compared with calling the subgraph that resolves it directly.
const supergraph = parse(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
const meOwner = owningSubgraph(supergraph, 'Query', 'me') as SubgraphName;
const stack = await startProcessStack();
try {
  const admin = await login(stack.graphqlUrl, stack.admin.email, stack.admin.password);
  const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  const connections = 16;
  const { direct, routed } = await measureRouterOverhead({
    routerUrl: stack.graphqlUrl,
    subgraphUrl: `${stack.subgraphUrls[meOwner]}/graphql`,
    token: admin.token,
    rounds: 2,
    seconds,
    connections,
  });
  console.log(`\nRouter overhead: ${ME_QUERY} (${meOwner} subgraph only), ${mode}, ${connections} connections, 2 rounds of ${seconds} s each`);
  console.table({
    [`${meOwner} subgraph directly`]: { 'req/s': Math.round(direct.requestsPerSecond), 'p50 ms': direct.p50, 'p99 ms': direct.p99, errors: direct.errors },
    'through the router': { 'req/s': Math.round(routed.requestsPerSecond), 'p50 ms': routed.p50, 'p99 ms': routed.p99, errors: routed.errors },
  });
  console.log(`Router throughput: ${((routed.requestsPerSecond / direct.requestsPerSecond) * 100).toFixed(0)}% of direct (target: at least 80%).`);

  const owner = await seedBookings(stack.graphqlUrl, admin, 100);
  const rounds = 3;
  const pages = [
    { label: 'portal page: bookings(first: 50)', body: JSON.stringify({ query: BOOKING_LIST_QUERY, variables: { first: 50 } }) },
    { label: 'bookings(first: 100)', body: JSON.stringify({ query: BOOKING_LIST_QUERY, variables: { first: 100 } }) },
  ];
  console.log(`\nCPU per request, each process's own: the bookings list with user, seat, seat.library and library, ${mode}, 8 connections, ${rounds} interleaved rounds of ${seconds} s, median (min–max)`);
  console.table(await cpuPerRequest(stack, owner.token, pages, { seconds, rounds, connections: 8 }));
  console.log(`\nCPU per request of { me { ... } } through the router, ${mode}, ${connections} connections, ${rounds} rounds of ${seconds} s (target: router at most 0.7× the ${meOwner} subgraph's)`);
  console.table(await cpuPerRequest(stack, admin.token, [{ label: 'me', body: JSON.stringify({ query: ME_QUERY }) }], { seconds, rounds, connections }));
  console.log(`\nThe same { me { ... } } through the router, a bare Apollo Gateway in Apollo Server and a minimal Node proxy, each its own process, ${connections} connections, ${rounds} interleaved rounds of ${seconds} s: each front's CPU per request against the ${meOwner} subgraph's in the same round`);
  console.table(await measureRouterBaselines({ stack, subgraph: meOwner, token: admin.token, query: ME_QUERY, rounds, seconds, connections }));
} finally {
  await stack.stop();
}

for (const entry of SUBGRAPHS) {
  if (!('bench' in entry)) continue;
  const { default: bench } = await entry.bench();
  await bench({ seconds });
}
