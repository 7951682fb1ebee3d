import { createEventBus } from '../../../common/events/create-bus.js';
import { runUntilSignalled } from '../../../common/server/lifecycle.js';
import { loadTenantsConfig } from './config.js';
import { startTenantsSubgraph } from './server.js';

process.env.CARREL_SERVICE ??= 'tenants';
const config = loadTenantsConfig();
const bus = createEventBus(config.redisUrl, config.redisKeyPrefix);
await runUntilSignalled(await startTenantsSubgraph({ ...config, bus }), () => bus.close());
