import { readConfig } from '../common/config.js';
import { createEventBus } from '../common/events/create-bus.js';
import { runUntilSignalled } from '../common/server/lifecycle.js';
import { sharedEnv } from '../common/service-config.js';
import { entryOf } from '../common/subgraph-kit/addresses.js';
import { startSubgraph } from '../common/subgraph-kit/start-subgraph.js';
import { startTracing } from '../common/telemetry/tracing.js';

/**
 * One subgraph as its own process, as docker-compose runs each:
 * `npx tsx stack/subgraph-process.ts <name>` (or `npm run subgraph -- <name>`), configured by
 * the environment like every service (see the README).
 */
const name = process.argv[2];
if (!name) throw new Error('Name the subgraph to run: npx tsx stack/subgraph-process.ts <name>');
const entry = entryOf(name);
process.env.CARREL_SERVICE ??= entry.name;
const { REDIS_URL, REDIS_KEY_PREFIX } = readConfig(sharedEnv);
const tracing = startTracing(entry.name);
const bus = createEventBus(REDIS_URL, REDIS_KEY_PREFIX);
await runUntilSignalled(await startSubgraph(entry, { env: process.env, bus }), async () => {
  await bus.close();
  await tracing.stop();
});
