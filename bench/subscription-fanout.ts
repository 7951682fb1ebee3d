import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { CreateBookingDocument } from '../test/__generated__/operations.js';
import { must } from '../test/support/client.js';
import { addMinutes, createLibraryWithSeats, nextSlot } from '../test/support/library-kit.js';
import { createMember, createTenant, loginAdmin, registerStudent } from '../test/support/seed-kit.js';
import { startTestStack } from '../test/support/stack.js';
import { counterValues, difference } from './metrics.js';

const SUBSCRIPTION = `subscription Dashboard {
  bookingEvents { eventId type occurredAt booking { startsAt seat { label } user { displayName } library { name } } }
}`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * 1,000 dashboard subscribers of one tenant (half its owner, half a staff member: two viewer
 * scopes), then bursts of bookings of growing size; prints delivery latency (commit to receipt)
 * and how many hydrations and SQL statements each event cost.
 */
export async function benchSubscriptionFanout(subscribers = 1_000, bursts = [1, 5, 10]): Promise<void> {
  const stack = await startTestStack();
  let stopClients = async () => {};
  try {
    const admin = await loginAdmin(stack.graphqlUrl);
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const staff = await createMember(stack.graphqlUrl, tenant.owner, tenant.id, tenant.slug, 'STAFF');
    const largest = Math.max(...bursts);
    const { seats } = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: largest });
    const students = await Promise.all(Array.from({ length: largest }, () => registerStudent(stack.graphqlUrl, tenant.slug)));

    // A TypeScript worker entry needs tsx registered inside the worker first.
    const entry = new URL('./fanout-clients.ts', import.meta.url).href;
    const worker = new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`, {
      eval: true,
      workerData: { url: stack.graphqlUrl.replace(/^http/, 'ws'), query: SUBSCRIPTION, tokens: Array.from({ length: subscribers }, (_, index) => (index % 2 ? staff.token : tenant.owner.token)) },
    });
    const ask = async <T>(kind: string): Promise<T> => {
      worker.postMessage({ kind });
      const [message] = (await once(worker, 'message')) as [T];
      return message;
    };
    stopClients = async () => {
      await ask('stop');
      await worker.terminate();
    };
    const [first] = (await once(worker, 'message')) as [{ kind: string; error?: string }];
    if (first.kind !== 'connected') throw new Error(`clients failed: ${first.error}`);
    // graphql-ws acknowledges a subscription only with its first result, and each is live only
    // once the owning subgraph has answered its filter: wait until the router counts them all.
    const live = Date.now() + 60_000;
    while ((await counterValues(stack, 'carrel_subscriptions_active'))[''] !== subscribers) {
      if (Date.now() > live) throw new Error('the subscribers never all became live');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const rows: Record<string, Record<string, number | string>> = {};
    for (const [round, burst] of bursts.entries()) {
      await ask('reset');
      const hydrationsBefore = await counterValues(stack, 'carrel_subscription_hydrations_total');
      const sqlBefore = await counterValues(stack, 'carrel_sql_statements_total');
      const slot = nextSlot(120 + round * 60);
      await Promise.all(
        students.slice(0, burst).map((student, index) =>
          must(stack.graphqlUrl, CreateBookingDocument, { input: { seatId: seats[index]!.id, startsAt: slot.toISOString(), endsAt: addMinutes(slot, 30).toISOString() } }, student.token),
        ),
      );
      const expected = subscribers * burst;
      const deadline = Date.now() + 30_000;
      let received = await ask<{ latencies: number[]; perEvent: number[] }>('report');
      while (received.latencies.length < expected && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        received = await ask('report');
      }
      const hydrations = difference(hydrationsBefore, await counterValues(stack, 'carrel_subscription_hydrations_total'))['']!;
      const statements = difference(sqlBefore, await counterValues(stack, 'carrel_sql_statements_total'));
      const sorted = [...received.latencies].sort((a, b) => a - b);
      rows[`${burst} event${burst > 1 ? 's' : ''} at once`] = {
        delivered: `${received.latencies.length}/${expected}`,
        'p50 ms': percentile(sorted, 50),
        'p99 ms': percentile(sorted, 99),
        'max ms': sorted.at(-1) ?? NaN,
        'hydrations/event': hydrations / burst,
        ...Object.fromEntries(Object.entries(statements).map(([service, count]) => [`${service} SQL/event`, Number((count / burst).toFixed(1))])),
        duplicates: received.perEvent.filter((count) => count > subscribers).length,
      };
    }
    const mode = process.env.DATABASE_URL ? 'PostgreSQL + Redis' : 'PGlite + in-process bus';
    console.log(`\nSubscription fan-out: ${subscribers} subscribers of one tenant (owner and staff: 2 viewer scopes), clients in a worker thread (${mode})`);
    console.log('Latency is from the event\'s commit to its receipt. SQL per event includes making the booking.');
    console.table(rows);
    console.log('Target: p99 under 200 ms for one event; one hydration per (selection, viewer scope) per event, here 2.');
  } finally {
    await stopClients();
    await stack.stop();
  }
}
