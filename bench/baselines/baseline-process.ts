/**
 * What a baseline front, forked by bench/router-baselines.ts, tells the benchmark: the port it
 * listens on, and, when asked, its own CPU seconds so far (as a service's
 * `process_cpu_seconds_total` would).
 */
export function reportToBench(port: number): void {
  if (!process.send) throw new Error('A baseline front runs only when forked by the benchmark (bench/router-baselines.ts).');
  process.on('message', (message: { kind: string }) => {
    if (message.kind !== 'cpu') return;
    const { user, system } = process.cpuUsage();
    process.send!({ kind: 'cpu', seconds: (user + system) / 1e6 });
  });
  process.send({ kind: 'listening', port });
}
