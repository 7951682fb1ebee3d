import type { Env } from '../../common/config.js';
import { RedisEventBus } from '../../common/events/redis-bus.js';
import type { RunningServer } from '../../common/server/http.js';
import { loadRouterConfig } from '../../router/src/config.js';
import { startRouter } from '../../router/src/server.js';
import type { TestStack } from './stack.js';

/** The settings of another router in front of the stack's subgraphs, on free ports: to start one with some of them changed. */
export const routerConfigBeside = (stack: TestStack, env: Env = {}) => loadRouterConfig({ ...stack.env, ...stack.addresses, PORT: '0', METRICS_PORT: '0', ...env }, []);

/**
 * Another router replica in front of the stack's subgraphs. With Redis it has its own bus on the
 * same streams, as a second router process would; without Redis the replicas share the in-process
 * bus. Stopping it closes its bus too.
 */
export async function startRouterReplica(stack: TestStack, env: Env = {}): Promise<RunningServer> {
  const bus = process.env.REDIS_URL ? new RedisEventBus(process.env.REDIS_URL, stack.redisKeyPrefix) : stack.bus;
  const replica = await startRouter({ ...routerConfigBeside(stack, env), bus });
  return {
    ...replica,
    async stop() {
      await replica.stop();
      if (bus !== stack.bus) await bus.close();
    },
  };
}
