import { createEventBus } from '../../../common/events/create-bus.js';
import { runUntilSignalled } from '../../../common/server/lifecycle.js';
import { loadUsersConfig } from './config.js';
import { startUsersSubgraph } from './server.js';

process.env.CARREL_SERVICE ??= 'users';
const config = loadUsersConfig();
const bus = createEventBus(config.redisUrl, config.redisKeyPrefix);
await runUntilSignalled(await startUsersSubgraph({ ...config, bus }), () => bus.close());
