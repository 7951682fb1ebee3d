import { readFileSync } from 'node:fs';
import { RedisEventBus } from '../../common/events/redis-bus.js';
import type { RunningServer } from '../../common/server/http.js';
import { startRouter } from '../../router/src/server.js';
import { SUSPENDED_TENANTS_PATH } from '../../subgraphs/tenants/src/server.js';
import { JWKS_PATH } from '../../subgraphs/users/src/server.js';
import type { TestStack } from './stack.js';

/**
 * Another router replica in front of the stack's subgraphs. With Redis it has its own bus on the
 * same streams, as a second router process would; without Redis the replicas share the in-process
 * bus. Stopping it closes its bus too.
 */
export async function startRouterReplica(stack: TestStack): Promise<RunningServer> {
  const bus = process.env.REDIS_URL ? new RedisEventBus(process.env.REDIS_URL, stack.redisKeyPrefix) : stack.bus;
  const replica = await startRouter({
    supergraphSdl: readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'),
    subgraphUrls: Object.fromEntries(Object.entries(stack.subgraphs).map(([name, server]) => [name, `${server.url}/graphql`])),
    jwksUrl: `${stack.subgraphs.users.url}${JWKS_PATH}`,
    suspendedTenantsUrl: `${stack.subgraphs.tenants.url}${SUSPENDED_TENANTS_PATH}`,
    bus,
    port: 0,
    subgraphTimeoutMs: 5_000,
  });
  return {
    ...replica,
    async stop() {
      await replica.stop();
      if (bus !== stack.bus) await bus.close();
    },
  };
}
