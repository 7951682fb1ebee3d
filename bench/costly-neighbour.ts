import { spawn, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ErrorCode } from '../common/errors.js';
import { DEFAULT_RATE_LIMITS } from '../router/src/rate-limits.js';
import { MAX_PAGE_SIZE } from '../common/pagination.js';
import { createTenant, login, loginAdmin, type Member } from '../test/support/seed-kit.js';
import { startTestStack } from '../test/support/stack.js';
import { percentile, spread } from './figures.js';
import { startProcessStack } from './process-stack.js';
import { seedLibrary } from './seed-library.js';
import { steadyLoad, type SteadyLoadResult } from './steady-load.js';

/** A page of seats, each with its library's page of seats: the deepest fan-out the schema has. */
const COSTLY_QUERY = `query Costly($id: ID!, $inner: Int) {
  library(id: $id) { seats(first: ${MAX_PAGE_SIZE}) { nodes { id label library { name seats(first: $inner) { nodes { id label zone features active } } } } } }
}`;
const NEIGHBOUR_QUERY = `query Neighbour($id: ID!) { library(id: $id) { name seats(first: 20) { nodes { id label } } } }`;

/**
 * The largest inner page the cost limit lets through, found by asking the router (refusals cost
 * nothing), each time from another address so the probes spend no client's budget.
 */
async function largestAllowedInnerPage(graphqlUrl: string, owner: Member, libraryId: string): Promise<number> {
  let allowed = 0;
  let refused = MAX_PAGE_SIZE + 1;
  while (refused - allowed > 1) {
    const inner = Math.floor((allowed + refused) / 2);
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, ...someStudentAddress() },
      body: JSON.stringify({ query: COSTLY_QUERY, variables: { id: libraryId, inner } }),
    }).then((answer) => answer.json() as Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>);
    const codes = (response.errors ?? []).map((error) => error.extensions?.code);
    if (codes.includes(ErrorCode.OPERATION_TOO_COMPLEX)) refused = inner;
    else if (codes.length === 0 && response.data) allowed = inner;
    else throw new Error(`probing the cost limit was answered ${JSON.stringify(codes)}`);
  }
  return allowed;
}

/** What bench/costly-client.ts prints when it stops. */
interface ClientReport {
  answered: number;
  refused: number;
  cpuSeconds: number;
}

/**
 * In a deployment the client's CPU is its own machine's, not the stack's. Linux's SCHED_IDLE
 * stands in for that: the client runs only on a core nothing else wants. At nice 19 it still got
 * slices that a waking service had to wait out (B's p99 about 1.6× beside a flood of 429s, against
 * about 1.1× with SCHED_IDLE: docs/performance.md); nice 19 remains where there is no `chrt`
 * (macOS, a minimal image).
 */
const IDLE_PRIORITY = spawnSync('chrt', ['--version']).status === 0 ? ['chrt', '--idle', '0'] : ['nice', '-n', '19'];

/** Starts bench/costly-client.ts as its own process; `stop()` ends it and says what it was answered. */
async function backToBack(url: string, body: string, token: string, ip: string, honoursRetryAfter: boolean) {
  const [command, ...args] = [...IDLE_PRIORITY, process.execPath, '--import', 'tsx', fileURLToPath(new URL('./costly-client.ts', import.meta.url))];
  const child = spawn(command!, args, {
    env: { ...process.env, COSTLY_CLIENT: JSON.stringify({ url, body, token, ip, honoursRetryAfter }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return {
    async stop(): Promise<ClientReport> {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      return JSON.parse(output.slice(output.indexOf('\n') + 1)) as ClientReport;
    },
  };
}

/** B keeps running, unmeasured, this long after each of A's clients stops. */
const SETTLE_SECONDS = 3;

/** Each of tenant A's clients has one address, whose budgets carry over from round to round. */
const CLIENT_ADDRESSES = { polite: '203.0.113.1', flooding: '203.0.113.2' } as const;

/** A tenant's students come from many addresses, none near its own limit. */
const someStudentAddress = () => ({ 'x-forwarded-for': `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}` });


/**
 * Another tenant's latency while one client sends the most expensive operation the cost limit
 * allows, back to back: quiet and loaded rounds interleaved, so both see the same machine, and
 * percentiles taken over all rounds' requests of a kind (at 100 requests a second, a 10-second
 * round's p99 is its tenth-worst request).
 * That client is held by the request limits as deployed (100 requests and a budget of 60,000 a
 * minute, a third of it per 20 seconds, from one address), and its operations by the cost limit.
 * It keeps its address from one round to the next, as a client that kept sending would, so it
 * meets its minute's budget as well as its twenty seconds'; rounds are twice `seconds`.
 * With Redis every service runs as its own process, as deployed; separate processes share events
 * (a new tenant reaching the users subgraph, say) only through Redis, so without it every service
 * runs in this one process, where a largest operation stalls the one event loop every request
 * shares (see docs/architecture.md, Known gaps).
 */
export async function benchCostlyNeighbour(seconds: number, rounds = 6): Promise<void> {
  const roundSeconds = 2 * seconds;
  // The request limits as deployed; tenant B's is lifted, as its steady rate sits at its limit and
  // the warm-up would tip it over. The router believes X-Forwarded-For from this machine, as from
  // a load balancer.
  const limits = {
    RATE_LIMIT_PER_IP: String(DEFAULT_RATE_LIMITS.perIpPerMinute),
    RATE_LIMIT_COST_PER_IP: String(DEFAULT_RATE_LIMITS.costPerIpPerMinute),
    RATE_LIMIT_PER_TENANT: '1000000000',
    TRUSTED_PROXIES: '127.0.0.1,::1',
  };
  if (process.env.REDIS_URL) {
    const stack = await startProcessStack(4700, limits);
    try {
      await measure(stack.graphqlUrl, await login(stack.graphqlUrl, stack.admin.email, stack.admin.password), roundSeconds, rounds, 'every service its own process');
    } finally {
      await stack.stop();
    }
  } else {
    const stack = await startTestStack({ env: limits });
    try {
      await measure(stack.graphqlUrl, await loginAdmin(stack.graphqlUrl), roundSeconds, rounds, 'every service in one process, as without Redis');
    } finally {
      await stack.stop();
    }
  }
}

async function measure(graphqlUrl: string, admin: Member, seconds: number, rounds: number, topology: string) {
  const heavyTenant = await createTenant(graphqlUrl, admin);
  const neighbour = await createTenant(graphqlUrl, admin);
  const { libraryId: heavyLibrary } = await seedLibrary(graphqlUrl, heavyTenant.owner.token, MAX_PAGE_SIZE);
  const { libraryId: neighbourLibrary } = await seedLibrary(graphqlUrl, neighbour.owner.token, 20);
  const inner = await largestAllowedInnerPage(graphqlUrl, heavyTenant.owner, heavyLibrary);
  const costlyBody = JSON.stringify({ query: COSTLY_QUERY, variables: { id: heavyLibrary, inner } });
  const neighbourBody = JSON.stringify({ query: NEIGHBOUR_QUERY, variables: { id: neighbourLibrary } });
  // B as busy as its tenant's request limit lets it be, at a steady rate: latency is what B feels
  // of A. As fast as answered instead, B would fill both cores itself, and its latency would
  // measure its share of the CPU, which any work of A's, however well bounded, takes from.
  const rate = DEFAULT_RATE_LIMITS.perTenantPerMinute / 60;
  const neighbourHeaders = () => ({ 'content-type': 'application/json', authorization: `Bearer ${neighbour.owner.token}`, ...someStudentAddress() });
  const neighbourLoad = (forSeconds = seconds) => steadyLoad(graphqlUrl, neighbourBody, neighbourHeaders, forSeconds, rate);
  const runs = () => [] as SteadyLoadResult[];
  await neighbourLoad(1);
  /** B alone just before each of A's clients: two quiet runs a round, whose difference is the machine's noise. */
  const quiet = { polite: runs(), flooding: runs() };
  /** Beside a client that waits as long as each 429 says, and beside one that does not wait. */
  const beside = { polite: runs(), flooding: runs() };
  /** What A's client was answered each round, and its own CPU in % of a core. */
  const tally = () => ({ answered: [] as number[], refused: [] as number[], cpu: [] as number[] });
  const heavy = { polite: tally(), flooding: tally() };
  for (let round = 0; round < rounds; round++) {
    for (const kind of ['polite', 'flooding'] as const) {
      quiet[kind].push(await neighbourLoad());
      const client = await backToBack(graphqlUrl, costlyBody, heavyTenant.owner.token, CLIENT_ADDRESSES[kind], kind === 'polite');
      beside[kind].push(await neighbourLoad());
      const { answered, refused, cpuSeconds } = await client.stop();
      // What a client leaves behind (a flood's garbage, collected a moment later) is not B alone's to measure.
      await neighbourLoad(SETTLE_SECONDS);
      heavy[kind].answered.push(answered);
      heavy[kind].refused.push(refused);
      heavy[kind].cpu.push(Math.round((cpuSeconds / seconds) * 100));
    }
  }
  const all = (loads: SteadyLoadResult[]) => loads.flatMap((load) => load.latencies);
  const p99 = (latencies: number[]) => percentile(latencies, 99);
  const row = (loads: SteadyLoadResult[]) => ({
    'req/s': spread(loads.map((load) => Math.round(load.requestsPerSecond))),
    'p50 ms': Math.round(percentile(all(loads), 50)),
    'p99 ms': Math.round(p99(all(loads))),
    "rounds' p99 ms": spread(loads.map((load) => Math.round(p99(load.latencies)))),
    errors: spread(loads.map((load) => load.errors)),
  });
  /** Of all rounds' requests together, then round by round: the spread says how far one round's ratio is to be trusted. */
  const p99Ratio = (loads: SteadyLoadResult[], baseline: SteadyLoadResult[]) =>
    `${(p99(all(loads)) / p99(all(baseline))).toFixed(2)} (round by round ${spread(loads.map((load, round) => p99(load.latencies) / p99(baseline[round]!.latencies)), 2)})`;
  console.log(
    `\nA costly neighbour: tenant B's ${NEIGHBOUR_QUERY.match(/query (\w+)/)![1]} at ${rate} evenly spaced requests a second (its tenant's limit) alone and while one client of tenant A sends ` +
      `${MAX_PAGE_SIZE} seats × ${inner} seats each (the most the cost limit allows) back to back, honouring Retry-After or not (${topology}); ${rounds} interleaved rounds of ${seconds} s, percentiles of all rounds' requests together`,
  );
  console.table({
    'B alone, before the first': row(quiet.polite),
    'B beside A (waits on 429)': row(beside.polite),
    'B alone, before the second': row(quiet.flooding),
    'B beside A (ignores 429)': row(beside.flooding),
  });
  console.log(`Noise: B's p99 alone, before the second client / before the first: ${p99Ratio(quiet.flooding, quiet.polite)}.`);
  for (const kind of ['polite', 'flooding'] as const) {
    console.log(
      `${kind === 'polite' ? 'Waiting on 429' : 'Ignoring 429'}: B's p99 beside A / alone just before ${p99Ratio(beside[kind], quiet[kind])}; A's costly operations per round: ` +
        `${spread(heavy[kind].answered)} answered, ${spread(heavy[kind].refused)} refused (429); the client's own CPU, on the same two cores, ${spread(heavy[kind].cpu)}% of one.`,
    );
  }
}
