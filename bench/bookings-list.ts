import { call } from '../stack/graphql-call.js';
import { createTenant, loginAdmin, registerStudent, type Member } from '../test/support/seed-kit.js';
import { startTestStack, type TestStack } from '../test/support/stack.js';
import { counterValues, difference } from './metrics.js';
import { load, type LoadResult } from './router-overhead.js';
import { seedLibrary } from './seed-library.js';

export const BOOKING_LIST_QUERY = `query BenchBookings($first: Int!) {
  bookings(first: $first) { nodes { id startsAt price { amountMinor } user { displayName email } seat { label library { name } } library { name timezone } } }
}`;

/** A tenant with one library of `count` seats, each booked by a different student for the next slot. */
export async function seedBookings(graphqlUrl: string, admin: Member, count: number): Promise<Member> {
  const tenant = await createTenant(graphqlUrl, admin);
  const { seatIds } = await seedLibrary(graphqlUrl, tenant.owner.token, count);
  const startsAt = new Date(Math.ceil((Date.now() + 2 * 3600_000) / 3600_000) * 3600_000);
  const endsAt = new Date(startsAt.getTime() + 3600_000);
  for (const seatId of seatIds) {
    const student = await registerStudent(graphqlUrl, tenant.slug, `Student of ${seatId.slice(0, 4)}`);
    await call(graphqlUrl, `mutation($input: CreateBookingInput!) { createBooking(input: $input) { id } }`, { input: { seatId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } }, student.token);
  }
  return tenant.owner;
}

/** SQL statements per subgraph for one router request of the bookings list, by page size. */
export async function statementsPerRequest(stack: TestStack, owner: Member, pageSizes: number[]) {
  const rows: Record<string, Record<string, number>> = {};
  for (const first of pageSizes) {
    await call(stack.graphqlUrl, BOOKING_LIST_QUERY, { first }, owner.token);
    // Background work (the router re-reading suspended tenants, outbox relays) may land in one
    // request's window and only ever adds statements: the fewest of a few requests is the request's.
    let fewest: Record<string, number> | undefined;
    let bookings = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const before = await counterValues([stack.metricsUrl!], 'carrel_sql_statements_total');
      const data = await call<{ bookings: { nodes: unknown[] } }>(stack.graphqlUrl, BOOKING_LIST_QUERY, { first }, owner.token);
      const statements = difference(before, await counterValues([stack.metricsUrl!], 'carrel_sql_statements_total'));
      bookings = data.bookings.nodes.length;
      const total = (counts: Record<string, number>) => Object.values(counts).reduce((sum, count) => sum + count, 0);
      if (!fewest || total(statements) < total(fewest)) fewest = statements;
    }
    rows[`page of ${first}`] = { bookings, ...Object.fromEntries(Object.entries(fewest!).map(([service, count]) => [`${service} SQL`, count])) };
  }
  return rows;
}

export async function benchBookingsList(seconds: number): Promise<void> {
  const stack = await startTestStack();
  try {
    const owner = await seedBookings(stack.graphqlUrl, await loginAdmin(stack.graphqlUrl), 100);
    const mode = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
    console.log(`\nSQL statements per router request: bookings(first: N) with user, seat, seat.library and library (${mode}; transaction control included)`);
    console.table(await statementsPerRequest(stack, owner, [5, 100]));

    const results: Record<string, LoadResult> = {};
    for (const first of [20, 100]) {
      results[`bookings(first: ${first})`] = await load(stack.graphqlUrl, JSON.stringify({ query: BOOKING_LIST_QUERY, variables: { first } }), owner.token, seconds, 8);
    }
    console.log(`\nThe bookings list through the router (all services in one process, ${mode}, 8 connections, ${seconds} s)`);
    console.table(Object.fromEntries(Object.entries(results).map(([name, result]) => [name, { 'req/s': Math.round(result.requestsPerSecond), 'p50 ms': result.p50, 'p99 ms': result.p99, errors: result.errors }])));
  } finally {
    await stack.stop();
  }
}
