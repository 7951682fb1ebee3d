import { z } from 'zod';
import { milliseconds, readConfig } from './config.js';

/**
 * How long a fact that arrives by event is waited for (`PROJECTION_WAIT_MS`, 2 s): far longer than
 * an event takes between services, and all that an id made up by a client costs before it is
 * refused. The same for every service of a process, so read once when it starts.
 */
export const PROJECTION_WAIT_MS = readConfig(z.object({ PROJECTION_WAIT_MS: milliseconds(2_000) })).PROJECTION_WAIT_MS;

/**
 * Reads until `done` says yes or `timeoutMs` passes, and returns the last read. For facts that
 * arrive by event a moment after the request that needs them (a tenant or member just created).
 * The waits double from `firstWaitMs`: a fact on its way arrives within the first few, while a
 * fact that will never come (an id made up by a client) costs a handful of reads, not one every
 * few milliseconds for the whole timeout.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = PROJECTION_WAIT_MS, firstWaitMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = firstWaitMs; ; wait *= 2) {
    const value = await read();
    const left = deadline - Date.now();
    if (done(value) || left <= 0) return value;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, left)));
  }
}
