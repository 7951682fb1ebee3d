import { logger } from '../logger.js';

interface Stoppable {
  stop(): Promise<void>;
}

/** Stops cleanly on SIGINT/SIGTERM (what `docker stop` and Ctrl-C send), then exits. */
export async function runUntilSignalled(service: Stoppable, afterStop?: () => Promise<void>): Promise<void> {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const forceExit = setTimeout(() => process.exit(1), 10_000);
    forceExit.unref();
    await service.stop();
    await afterStop?.();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
