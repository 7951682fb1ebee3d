/**
 * `node` flags for the services a test starts as processes of their own for a few seconds. Such a
 * process spends half its CPU having V8's optimising compiler recompile PGlite's WebAssembly
 * (3.3 s of CPU to ready, 1.8 s without), for queries it will run a few dozen times.
 */
export const SHORT_LIVED_PROCESS_FLAGS = ['--liftoff-only'];
