/**
 * One client at one address sending one body back to back on one connection, as its own process
 * (so its loop does not share the event loop of the load generator measuring its neighbour):
 * waiting as long as each 429's Retry-After says, or not. On SIGTERM it prints
 * `{ answered, refused, cpuSeconds }` (its own CPU time since it started sending, which a stack
 * on its own machine would not share) and exits. Started by costly-neighbour.ts with its settings
 * in COSTLY_CLIENT (JSON: url, body, token, ip, honoursRetryAfter).
 */
const { url, body, token, ip, honoursRetryAfter } = JSON.parse(process.env.COSTLY_CLIENT ?? '{}') as { url: string; body: string; token: string; ip: string; honoursRetryAfter: boolean };
// fetch loads and compiles its HTTP client on first use: done before the neighbour is measured.
await fetch(new URL('/health', url)).then((response) => response.arrayBuffer());
let answered = 0;
let refused = 0;
const startedAt = process.cpuUsage();
process.once('SIGTERM', () => {
  const { user, system } = process.cpuUsage(startedAt);
  process.stdout.write(JSON.stringify({ answered, refused, cpuSeconds: (user + system) / 1e6 }), () => process.exit(0));
});
process.stdout.write('started\n');
for (;;) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-forwarded-for': ip }, body });
  await response.arrayBuffer();
  if (response.status !== 429) {
    answered++;
    continue;
  }
  refused++;
  if (honoursRetryAfter) await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
}
