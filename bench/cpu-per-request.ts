import { SUBGRAPHS, type SubgraphName } from '../subgraphs/index.js';
import { median, spread } from './figures.js';
import { counterValues } from './metrics.js';
import type { ProcessStack } from './process-stack.js';
import { load, type LoadResult } from './router-overhead.js';

const SERVICES = ['router', ...SUBGRAPHS.map(({ name }) => name)] as const;
export type Service = 'router' | SubgraphName;

/** Each service's CPU time so far, in seconds, from its own process (`process_cpu_seconds_total`). */
export async function cpuSeconds(stack: ProcessStack): Promise<Record<Service, number>> {
  const read = async (service: Service) => {
    const text = await fetch(stack.metricsUrl(service)).then((response) => response.text());
    return [service, Number(/^process_cpu_seconds_total(?:\{[^}]*\})? (\S+)/m.exec(text)![1])] as const;
  };
  return Object.fromEntries(await Promise.all(SERVICES.map(read))) as Record<Service, number>;
}

/** Each service's CPU milliseconds per unit of work (a request, an event) between two readings. */
export function cpuPer(before: Record<Service, number>, after: Record<Service, number>, units: number): Record<Service, number> {
  return Object.fromEntries(SERVICES.map((service) => [service, ((after[service] - before[service]) * 1000) / units])) as Record<Service, number>;
}

/** The subgraphs' part of a `cpuPer` reading, together. */
export const subgraphsTogether = (cpu: Record<Service, number>) => SUBGRAPHS.reduce((sum, { name }) => sum + cpu[name], 0);

export interface Page {
  label: string;
  body: string;
}

/**
 * Requests a second, latency, each process's CPU and the subgraphs' SQL statements per request for each page through the router,
 * in interleaved rounds. CPU is read from every process's own counter, so the figures hold on a
 * noisy machine where latency does not; a subgraph the pages do not reach shows its idle work.
 */
export async function cpuPerRequest(stack: ProcessStack, token: string, pages: Page[], { seconds, rounds, connections }: { seconds: number; rounds: number; connections: number }) {
  const results = new Map<string, { load: LoadResult; cpu: Record<Service, number>; statements: number }[]>(pages.map(({ label }) => [label, []]));
  const subgraphMetrics = SUBGRAPHS.map(({ name }) => stack.metricsUrl(name));
  const statementsSoFar = async () => Object.values(await counterValues(subgraphMetrics, 'carrel_sql_statements_total')).reduce((sum, count) => sum + count, 0);
  for (const { body } of pages) await load(stack.graphqlUrl, body, token, 2, connections);
  for (let round = 0; round < rounds; round++) {
    for (const { label, body } of pages) {
      const before = await cpuSeconds(stack);
      const statementsBefore = await statementsSoFar();
      const result = await load(stack.graphqlUrl, body, token, seconds, connections);
      const after = await cpuSeconds(stack);
      const statements = (await statementsSoFar()) - statementsBefore;
      const requests = result.requestsPerSecond * seconds;
      results.get(label)!.push({ load: result, cpu: cpuPer(before, after, requests), statements: statements / requests });
    }
  }
  return Object.fromEntries(
    [...results].map(([label, runs]) => [
      label,
      {
        'req/s': spread(runs.map((run) => run.load.requestsPerSecond), 0),
        'p50 ms': spread(runs.map((run) => run.load.p50), 0),
        'p99 ms': spread(runs.map((run) => run.load.p99), 0),
        'router CPU ms': spread(runs.map((run) => run.cpu.router), 2),
        'subgraphs CPU ms': spread(runs.map((run) => subgraphsTogether(run.cpu)), 2),
        ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${name} ms`, median(runs.map((run) => run.cpu[name])).toFixed(2)])),
        // The outbox relays' polling lands in the window too: a few hundredths per request.
        'SQL/request': median(runs.map((run) => run.statements)).toFixed(1),
      },
    ]),
  );
}
