import { createEventBus } from '../../common/events/create-bus.js';
import { runUntilSignalled } from '../../common/server/lifecycle.js';
import { startTracing } from '../../common/telemetry/tracing.js';
import { loadRouterConfig } from './config.js';
import { startRouter } from './server.js';

process.env.CARREL_SERVICE ??= 'router';
const tracing = startTracing(process.env.CARREL_SERVICE);
const config = loadRouterConfig();
const bus = createEventBus(config.redisUrl, config.redisKeyPrefix);
await runUntilSignalled(await startRouter({ ...config, bus }), async () => {
  await bus.close();
  await tracing.stop();
});
