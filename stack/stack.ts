import { randomBytes } from 'node:crypto';
import { readConfig, type Env } from '../common/config.js';
import { createEventBus } from '../common/events/create-bus.js';
import type { EventBus } from '../common/events/event.js';
import type { RunningServer } from '../common/server/http.js';
import { sharedEnv } from '../common/service-config.js';
import { startOrder, urlVariable } from '../common/subgraph-kit/addresses.js';
import { PLATFORM_ENDPOINTS } from '../common/subgraph-kit/platform-endpoints.js';
import { startSubgraph } from '../common/subgraph-kit/start-subgraph.js';
import { startTracing } from '../common/telemetry/tracing.js';
import { loadRouterConfig } from '../router/src/config.js';
import { startRouter, type RunningRouter } from '../router/src/server.js';
import type { SubgraphName } from '../subgraphs/index.js';

export interface Stack {
  routerUrl: string;
  graphqlUrl: string;
  /** The router's Prometheus metrics; in one process they include every subgraph's. */
  metricsUrl: string | null;
  bus: EventBus;
  subgraphs: Record<SubgraphName, RunningServer>;
  /** Where the subgraphs and platform endpoints are, as the variables a router reads (`<NAME>_URL`, `JWKS_URL`, ...). */
  addresses: Env;
  stop(): Promise<void>;
}


/**
 * Every service of the registry and the router in one process: the embedded default behind
 * `npm start`, and what the tests start. Each reads its settings from `env` exactly as it would
 * from its own process's environment, and they talk to each other over HTTP as in production;
 * only the event bus is shared (in-process without REDIS_URL).
 */
export async function startStack(given: Env): Promise<Stack> {
  // One process, so one secret made up for its services to prove themselves to each other.
  const env: Env = { SERVICE_SECRET: randomBytes(32).toString('base64url'), ...given };
  const shared = readConfig(sharedEnv, env);
  const tracing = startTracing('carrel', env);
  const bus = createEventBus(shared.REDIS_URL, shared.REDIS_KEY_PREFIX);
  const started: { name: SubgraphName; server: RunningServer }[] = [];
  let router: RunningRouter | undefined;
  const stop = async () => {
    await router?.stop();
    for (const { server } of started.reverse()) await server.stop();
    await bus.close();
    await tracing.stop();
  };
  // Where the subgraphs came up, in the variables the router and later subgraphs read.
  const addresses: Env = {};
  try {
    for (const entry of startOrder()) {
      const server = await startSubgraph(entry, { env: { ...env, ...addresses }, bus });
      started.push({ name: entry.name, server });
      addresses[urlVariable(entry.name)] = `${server.url}/graphql`;
      for (const endpoint of entry.serves) addresses[PLATFORM_ENDPOINTS[endpoint].variable] = `${server.url}${PLATFORM_ENDPOINTS[endpoint].path}`;
    }
    router = await startRouter({ ...loadRouterConfig({ ...env, ...addresses }, []), bus });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    routerUrl: router.url,
    graphqlUrl: `${router.url}/graphql`,
    metricsUrl: router.metricsUrl,
    bus,
    subgraphs: Object.fromEntries(started.map(({ name, server }) => [name, server])) as Record<SubgraphName, RunningServer>,
    addresses,
    stop,
  };
}
