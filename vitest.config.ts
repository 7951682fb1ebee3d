import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Vite would load graphql's ES module build while the CommonJS gateway loads the CommonJS one:
    // two graphql instances, and schemas from one are "from another realm" in the other. Node
    // itself (npm start, tsx) loads one; tests must too.
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)) }],
  },
  test: {
    include: ['test/**/*.test.ts', 'subgraphs/*/test/**/*.test.ts', 'router/test/**/*.test.ts'],
    // Two workers suit a 2-core machine. Each keeps one supergraph for all the files it runs
    // (test/support/stack.ts), so files share a module cache instead of each booting their own.
    maxWorkers: 2,
    isolate: false,
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // An id no one has is looked for this long before it is refused (2 s when deployed): tests name
    // many, and their members' events arrive in milliseconds.
    env: { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PROJECTION_WAIT_MS: '500' },
  },
});
