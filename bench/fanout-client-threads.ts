import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** What every subscriber has received since the last reset. */
export interface Receipts {
  /** Each message's latency in ms, from its event's commit. */
  latencies: number[];
  /** How many messages each event reached, summed over the threads. */
  perEvent: number[];
}

export interface ClientThreads {
  reset(): Promise<void>;
  report(): Promise<Receipts>;
  stop(): Promise<void>;
}

/**
 * The fan-out's subscribers (bench/fanout-clients.ts) spread over `threads` worker threads, each a
 * run of consecutive tokens; resolves once every client of every thread is connected.
 */
export async function startClientThreads({ url, query, tokens, threads }: { url: string; query: string; tokens: string[]; threads: number }): Promise<ClientThreads> {
  // A TypeScript worker entry needs tsx registered inside the worker first.
  const entry = new URL('./fanout-clients.ts', import.meta.url).href;
  const perThread = Math.ceil(tokens.length / threads);
  const workers = Array.from({ length: threads }, (_, thread) =>
    new Worker(`import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`, {
      eval: true,
      workerData: { url, query, tokens: tokens.slice(thread * perThread, (thread + 1) * perThread) },
    }),
  );
  const askAll = <T>(kind: string): Promise<T[]> =>
    Promise.all(
      workers.map(async (worker) => {
        worker.postMessage({ kind });
        const [message] = (await once(worker, 'message')) as [T];
        return message;
      }),
    );
  const stop = async () => {
    await askAll('stop');
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  const firsts = (await Promise.all(workers.map((worker) => once(worker, 'message')))) as [{ kind: string; error?: string }][];
  const failed = firsts.find(([first]) => first.kind !== 'connected');
  if (failed) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw new Error(`clients failed: ${failed[0].error}`);
  }
  return {
    reset: async () => void (await askAll('reset')),
    async report() {
      const reports = await askAll<{ latencies: number[]; perEvent: [string, number][] }>('report');
      const perEvent = new Map<string, number>();
      for (const [eventId, count] of reports.flatMap((one) => one.perEvent)) perEvent.set(eventId, (perEvent.get(eventId) ?? 0) + count);
      return { latencies: reports.flatMap((one) => one.latencies), perEvent: [...perEvent.values()] };
    },
    stop,
  };
}
