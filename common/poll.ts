/**
 * Reads until `done` says yes or `timeoutMs` passes, and returns the last read. For facts that
 * arrive by event a moment after the request that needs them (a tenant or member just created).
 * The waits double from `firstWaitMs`: a fact on its way arrives within the first few, while a
 * fact that will never come (an id made up by a client) costs a handful of reads, not one every
 * few milliseconds for the whole timeout.
 */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 2_000, firstWaitMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (let wait = firstWaitMs; ; wait *= 2) {
    const value = await read();
    const left = deadline - Date.now();
    if (done(value) || left <= 0) return value;
    await new Promise((resolve) => setTimeout(resolve, Math.min(wait, left)));
  }
}
