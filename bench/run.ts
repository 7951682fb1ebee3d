import { createTenant, loginAdmin, registerStudent } from '../test/support/seed-kit.js';
import { startTestStack } from '../test/support/stack.js';
import { measureRouterOverhead } from './router-overhead.js';

process.env.LOG_LEVEL ??= 'silent';

/**
 * `npm run bench`: prints figures for the design targets. Runs on in-memory PGlite, or on
 * PostgreSQL and Redis when DATABASE_URL / DATABASE_MIGRATION_URL / REDIS_URL are set (the
 * figures that matter: PGlite serialises every query and hides the router's share).
 */
const stack = await startTestStack();
try {
  const admin = await loginAdmin(stack.graphqlUrl);
  const tenant = await createTenant(stack.graphqlUrl, admin);
  const student = await registerStudent(stack.graphqlUrl, tenant.slug);
  const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (in memory)';

  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const { direct, routed } = await measureRouterOverhead({
    routerUrl: stack.graphqlUrl,
    subgraphUrl: `${stack.subgraphs.users.url}/graphql`,
    token: student.token,
    rounds: 2,
    seconds,
    connections: 16,
  });
  console.log(`\nRouter overhead, { me { ... } } (users subgraph only), ${mode}, 16 connections, 2 x ${seconds} s each:`);
  console.table({
    'users subgraph directly': { 'req/s': Math.round(direct.requestsPerSecond), 'p50 ms': direct.p50, 'p99 ms': direct.p99, errors: direct.errors },
    'through the router': { 'req/s': Math.round(routed.requestsPerSecond), 'p50 ms': routed.p50, 'p99 ms': routed.p99, errors: routed.errors },
  });
  const ratio = routed.requestsPerSecond / direct.requestsPerSecond;
  console.log(`Router throughput is ${(ratio * 100).toFixed(0)}% of direct (target: at least 80%).`);
} finally {
  await stack.stop();
}
