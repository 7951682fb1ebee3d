import { createEventBus } from '../../../common/events/create-bus.js';
import { runUntilSignalled } from '../../../common/server/lifecycle.js';
import { loadBookingsConfig } from './config.js';
import { startBookingsSubgraph } from './server.js';

process.env.CARREL_SERVICE ??= 'bookings';
const config = loadBookingsConfig();
const bus = createEventBus(config.redisUrl, config.redisKeyPrefix);
await runUntilSignalled(await startBookingsSubgraph({ ...config, bus }), () => bus.close());
