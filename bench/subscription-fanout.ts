import { SUBGRAPHS } from '../subgraphs/index.js';
import { CreateBookingDocument } from '../test/__generated__/operations.js';
import { must } from '../test/support/client.js';
import { addMinutes, createLibraryWithSeats, nextSlot } from '../test/support/library-kit.js';
import { createMember, createTenant, login, loginAdmin, registerStudent, type Member } from '../test/support/seed-kit.js';
import { startTestStack } from '../test/support/stack.js';
import { cpuPer, cpuSeconds, subgraphsTogether, type Service } from './cpu-per-request.js';
import { startClientThreads } from './fanout-client-threads.js';
import { percentile, spread } from './figures.js';
import { counterValues, difference } from './metrics.js';
import { startProcessStack } from './process-stack.js';

const SUBSCRIPTION = `subscription Dashboard {
  bookingEvents { eventId type occurredAt booking { startsAt seat { label } user { displayName } library { name } } }
}`;

/** What one burst cost and how fast it arrived. */
interface BurstResult {
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  duplicates: number;
  hydrationsPerEvent: number;
  /** CPU per event in ms, the router's and the subgraphs' together; only when every service is its own process. */
  cpuPerEvent: { router: number; subgraphs: number } | null;
  sqlPerEvent: number;
}

interface FanoutTarget {
  graphqlUrl: string;
  /** The router's metrics; in one process, every service's. */
  routerMetricsUrl: string;
  /** Where each service's SQL statements are counted. */
  sqlMetricsUrls: string[];
  admin(): Promise<Member>;
  /** Each process's CPU seconds so far, when every service is its own process. */
  cpu: (() => Promise<Record<Service, number>>) | null;
  topology: string;
}

export interface FanoutOptions {
  subscribers?: number;
  bursts?: number[];
  /** Rounds of every burst size, interleaved; each row shows their median and spread. */
  rounds?: number;
  /** The router's port for the process stack (its subgraphs take the next ones). */
  basePort?: number;
  /** Flags for every service's `node` on the process stack (`--cpu-prof`, say). */
  nodeFlags?: string[];
  /**
   * Worker threads the subscribers are spread over. In one, a burst's messages queue behind each
   * other's parsing, and that wait counts as latency (docs/performance.md).
   */
  clientThreads?: number;
}

/**
 * 1,000 dashboard subscribers of one tenant (half its owner, half a staff member: two viewer
 * scopes), then bursts of bookings of growing size; prints delivery latency (commit to receipt)
 * and what each event cost. With Redis every service runs as its own process, as deployed, so the
 * subgraphs' half of hydration does not share the router's event loop; without Redis every service
 * runs in this one process, as separate processes share events only through Redis.
 */
export async function benchSubscriptionFanout({
  subscribers = 1_000,
  bursts = [1, 5, 10],
  rounds = 3,
  basePort = 4800,
  nodeFlags = [],
  clientThreads = Number(process.env.FANOUT_CLIENT_THREADS ?? 1),
}: FanoutOptions = {}): Promise<void> {
  if (process.env.REDIS_URL) {
    const stack = await startProcessStack(basePort, {}, nodeFlags);
    try {
      await measure(
        {
          graphqlUrl: stack.graphqlUrl,
          routerMetricsUrl: stack.metricsUrl('router'),
          sqlMetricsUrls: SUBGRAPHS.map(({ name }) => stack.metricsUrl(name)),
          admin: () => login(stack.graphqlUrl, stack.admin.email, stack.admin.password),
          cpu: () => cpuSeconds(stack),
          topology: 'every service its own process, PostgreSQL + Redis',
        },
        { subscribers, bursts, rounds, clientThreads },
      );
    } finally {
      await stack.stop();
    }
  } else {
    const stack = await startTestStack();
    try {
      await measure(
        {
          graphqlUrl: stack.graphqlUrl,
          routerMetricsUrl: stack.metricsUrl!,
          sqlMetricsUrls: [stack.metricsUrl!],
          admin: () => loginAdmin(stack.graphqlUrl),
          cpu: null,
          topology: 'every service in one process, PGlite + in-process bus',
        },
        { subscribers, bursts, rounds, clientThreads },
      );
    } finally {
      await stack.stop();
    }
  }
}

function cpuPerEvent(before: Record<Service, number>, after: Record<Service, number>, events: number) {
  const cpu = cpuPer(before, after, events);
  return { router: cpu.router, subgraphs: subgraphsTogether(cpu) };
}

async function measure(target: FanoutTarget, { subscribers, bursts, rounds, clientThreads }: Required<Omit<FanoutOptions, 'basePort' | 'nodeFlags'>>): Promise<void> {
  const { graphqlUrl } = target;
  const admin = await target.admin();
  const tenant = await createTenant(graphqlUrl, admin);
  const staff = await createMember(graphqlUrl, tenant.owner, tenant.id, tenant.slug, 'STAFF');
  const largest = Math.max(...bursts);
  const { seats } = await createLibraryWithSeats(graphqlUrl, tenant.owner, { seats: largest });
  const students = await Promise.all(Array.from({ length: largest }, () => registerStudent(graphqlUrl, tenant.slug)));

  const tokens = Array.from({ length: subscribers }, (_, index) => (index % 2 ? staff.token : tenant.owner.token));
  // Each thread takes a run of consecutive subscribers: half of each viewer scope's group when there are two.
  const clients = await startClientThreads({ url: graphqlUrl.replace(/^http/, 'ws'), query: SUBSCRIPTION, tokens, threads: clientThreads });
  try {
    // graphql-ws acknowledges a subscription only with its first result, and each is live only
    // once the owning subgraph has answered its filter: wait until the router counts them all.
    const live = Date.now() + 60_000;
    while ((await counterValues([target.routerMetricsUrl], 'carrel_subscriptions_active'))[''] !== subscribers) {
      if (Date.now() > live) throw new Error('the subscribers never all became live');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    let slotIndex = 0;
    /** `size` bookings made at once, each in a slot of its own seat; resolves once every subscriber has them all, or after 30 s. */
    const burstOf = async (size: number) => {
      const slot = nextSlot(120 + slotIndex++ * 60);
      await Promise.all(
        students.slice(0, size).map((student, index) =>
          must(graphqlUrl, CreateBookingDocument, { input: { seatId: seats[index]!.id, startsAt: slot.toISOString(), endsAt: addMinutes(slot, 30).toISOString() } }, student.token),
        ),
      );
      const deadline = Date.now() + 30_000;
      let received = await clients.report();
      while (received.latencies.length < subscribers * size && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        received = await clients.report();
      }
      return received;
    };
    // Unmeasured: the first burst plans the mutation and the hydration query and warms the code paths.
    await burstOf(largest);

    const results = new Map<number, BurstResult[]>(bursts.map((burst) => [burst, []]));
    for (let round = 0; round < rounds; round++) {
      for (const burst of bursts) {
        await clients.reset();
        const hydrationsBefore = await counterValues([target.routerMetricsUrl], 'carrel_subscription_hydrations_total');
        const sqlBefore = await counterValues(target.sqlMetricsUrls, 'carrel_sql_statements_total');
        const cpuBefore = await target.cpu?.();
        const received = await burstOf(burst);
        const cpuAfter = await target.cpu?.();
        const hydrations = difference(hydrationsBefore, await counterValues([target.routerMetricsUrl], 'carrel_subscription_hydrations_total'))['']!;
        const statements = difference(sqlBefore, await counterValues(target.sqlMetricsUrls, 'carrel_sql_statements_total'));
        results.get(burst)!.push({
          delivered: received.latencies.length,
          p50: percentile(received.latencies, 50),
          p99: percentile(received.latencies, 99),
          max: percentile(received.latencies, 100),
          duplicates: received.perEvent.filter((count) => count > subscribers).length,
          hydrationsPerEvent: hydrations / burst,
          cpuPerEvent: cpuBefore && cpuAfter ? cpuPerEvent(cpuBefore, cpuAfter, burst) : null,
          sqlPerEvent: Object.values(statements).reduce((sum, count) => sum + count, 0) / burst,
        });
      }
    }

    const rows: Record<string, Record<string, string>> = {};
    for (const [burst, runs] of results) {
      const of = (pick: (run: BurstResult) => number, digits?: number) => spread(runs.map(pick), digits);
      rows[`${burst} event${burst > 1 ? 's' : ''} at once`] = {
        delivered: `${Math.min(...runs.map((run) => run.delivered))}/${subscribers * burst}`,
        'p50 ms': of((run) => run.p50),
        'p99 ms': of((run) => run.p99),
        'max ms': of((run) => run.max),
        'hydrations/event': of((run) => run.hydrationsPerEvent, 1),
        ...(runs[0]!.cpuPerEvent
          ? { 'router CPU ms/event': of((run) => run.cpuPerEvent!.router, 1), 'subgraphs CPU ms/event': of((run) => run.cpuPerEvent!.subgraphs, 1) }
          : {}),
        'SQL/event': of((run) => run.sqlPerEvent, 1),
        duplicates: String(Math.max(...runs.map((run) => run.duplicates))),
      };
    }
    console.log(`\nSubscription fan-out: ${subscribers} subscribers of one tenant (owner and staff: 2 viewer scopes), clients in ${clientThreads === 1 ? 'a worker thread' : `${clientThreads} worker threads`} (${target.topology}); ${rounds} interleaved rounds, median (min–max)`);
    console.log('Latency is from the event\'s commit to its receipt. CPU and SQL per event include making the booking (and, for the router, reading its metrics).');
    console.table(rows);
    console.log('Target: p99 under 200 ms for bursts of 1, 5 and 10 events.');
  } finally {
    await clients.stop();
  }
}
