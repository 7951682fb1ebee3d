import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'undici';

export interface SteadyLoadResult {
  /** How fast requests were sent: the rate asked for, unless the sender fell behind. */
  requestsPerSecond: number;
  /** Each answered request's latency in milliseconds, from the moment it was due. */
  latencies: number[];
  errors: number;
}

/**
 * Requests sent at evenly spaced moments, each on its own whatever the others are doing, as many
 * independent users would: a slow answer delays no later request, and latency counts from when a
 * request was due, so time spent waiting to be sent is not hidden. autocannon's rate, by contrast,
 * sends each connection's share of a second back to back and then waits for the next second: a
 * burst every second, whose queueing would be measured as the server's latency.
 */
export async function steadyLoad(url: string, body: string, headers: () => Record<string, string>, seconds: number, rate: number): Promise<SteadyLoadResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: 64 });
  const latencies: number[] = [];
  let errors = 0;
  const requests: Promise<void>[] = [];
  const started = performance.now();
  const count = Math.round(seconds * rate);
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    requests.push(
      pool.request({ path: target.pathname, method: 'POST', headers: headers(), body }).then(
        async (response) => {
          await response.body.arrayBuffer();
          if (response.statusCode < 300) latencies.push(performance.now() - due);
          else errors++;
        },
        () => void errors++,
      ),
    );
  }
  const sendingSeconds = (performance.now() - started) / 1000 + 1 / rate;
  await Promise.all(requests);
  await pool.close();
  return { requestsPerSecond: count / sendingSeconds, latencies, errors };
}
