import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { SubgraphName } from '../subgraphs/index.js';
import { cpuSeconds, type Service } from './cpu-per-request.js';
import { median, spread } from './figures.js';
import type { ProcessStack } from './process-stack.js';
import { load } from './router-overhead.js';

/** A front the same requests can go through: the router, or a baseline forked beside it. */
interface Front {
  label: string;
  graphqlUrl: string;
  /** Its CPU seconds so far, given the stack's own reading (the router's is in it). */
  cpuSeconds(stackCpu: Record<Service, number>): Promise<number>;
}

/**
 * A baseline front (bench/baselines/) as its own process, as the router is: its URL once it
 * listens, its CPU seconds on request, and a way to stop it.
 */
async function forkBaseline(label: string, entry: string, args: string[]): Promise<Front & { stop(): Promise<void> }> {
  const child = fork(new URL(entry, import.meta.url), args, { execArgv: ['--import', 'tsx'], env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [listening] = (await Promise.race([once(child, 'message'), once(child, 'exit').then(() => [null])])) as [{ port: number } | null];
  if (!listening) throw new Error(`the ${label} baseline ended before it listened`);
  return {
    label,
    graphqlUrl: `http://127.0.0.1:${listening.port}/graphql`,
    cpuSeconds: () => askCpu(child),
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    },
  };
}

async function askCpu(child: ChildProcess): Promise<number> {
  child.send({ kind: 'cpu' });
  const [{ seconds }] = (await once(child, 'message')) as [{ seconds: number }];
  return seconds;
}

/**
 * One query through the router and through two baselines on the same subgraphs, in interleaved
 * rounds: a bare Apollo Gateway in Apollo Server (the product's shape with nothing of ours) and a
 * minimal proxy (the floor of any Node router). Each front's CPU per request is read from its
 * own process and set against what the subgraph answering the query spent meanwhile, so the
 * ratios hold on a noisy machine where the absolute figures drift.
 */
export async function measureRouterBaselines(options: { stack: ProcessStack; subgraph: SubgraphName; token: string; query: string; rounds: number; seconds: number; connections: number }) {
  const { stack, subgraph, token, rounds, seconds, connections } = options;
  const body = JSON.stringify({ query: options.query });
  const baselines: Awaited<ReturnType<typeof forkBaseline>>[] = [];
  try {
    baselines.push(await forkBaseline('a bare Apollo Gateway in Apollo Server', './baselines/bare-gateway.ts', [JSON.stringify(stack.subgraphUrls)]));
    baselines.push(await forkBaseline('a minimal Node proxy', './baselines/minimal-proxy.ts', [`${stack.subgraphUrls[subgraph]}/graphql`]));
    const fronts: Front[] = [{ label: 'the router', graphqlUrl: stack.graphqlUrl, cpuSeconds: async (stackCpu) => stackCpu.router }, ...baselines];
    /** The front's CPU seconds and the subgraph's, read together. */
    const readCpu = async (front: Front) => {
      const stackCpu = await cpuSeconds(stack);
      return { front: await front.cpuSeconds(stackCpu), subgraph: stackCpu[subgraph] };
    };
    const runs = new Map(fronts.map((front) => [front, [] as { requestsPerSecond: number; front: number; subgraph: number; errors: number }[]]));
    for (const front of fronts) await load(front.graphqlUrl, body, token, 2, connections);
    for (let round = 0; round < rounds; round++) {
      for (const front of fronts) {
        const before = await readCpu(front);
        const result = await load(front.graphqlUrl, body, token, seconds, connections);
        const after = await readCpu(front);
        const requests = result.requestsPerSecond * seconds;
        runs.get(front)!.push({
          requestsPerSecond: result.requestsPerSecond,
          front: ((after.front - before.front) * 1000) / requests,
          subgraph: ((after.subgraph - before.subgraph) * 1000) / requests,
          errors: result.errors,
        });
      }
    }
    return Object.fromEntries(
      [...runs].map(([front, measured]) => [
        front.label,
        {
          'req/s': spread(measured.map((run) => run.requestsPerSecond), 0),
          'front CPU ms': spread(measured.map((run) => run.front), 2),
          [`${subgraph} CPU ms`]: median(measured.map((run) => run.subgraph)).toFixed(2),
          [`front ÷ ${subgraph}`]: spread(measured.map((run) => run.front / run.subgraph), 2),
          errors: String(Math.max(...measured.map((run) => run.errors))),
        },
      ]),
    );
  } finally {
    for (const baseline of baselines) await baseline.stop();
  }
}
