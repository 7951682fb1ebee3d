import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { z } from 'zod';
import { readConfig } from '../common/config.js';
import { logger } from '../common/logger.js';
import { runUntilSignalled } from '../common/server/lifecycle.js';
import { owningSubgraph } from '../router/src/supergraph.js';
import type { SubgraphName } from '../subgraphs/index.js';
import { DEMO_PASSWORD, DEMO_TENANTS, demoEmail, seedDemoData } from './demo-seed.js';
import { startStack } from './stack.js';

process.env.CARREL_SERVICE ??= 'carrel';
// The banner below is what a newcomer needs; per-request logs are opt-in with LOG_LEVEL=info.
logger.level = process.env.LOG_LEVEL ?? 'warn';

const EMBEDDED_ADMIN = { email: 'admin@carrel.demo', password: 'carrel-admin-2026' };
/** Where a portal under development usually runs (Vite, Next.js); production lists its own in CORS_ORIGINS. */
const LOCAL_PORTAL_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:3000', 'http://127.0.0.1:3000'];

const settings = readConfig(
  z.object({
    CARREL_ADMIN_EMAIL: z.string().email().optional(),
    CARREL_ADMIN_PASSWORD: z.string().min(10).optional(),
    CARREL_SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
    CARREL_DATA_DIR: z.string().default('.data'),
  }),
);
const embedded = !process.env.DATABASE_URL;
const configuredAdmin = settings.CARREL_ADMIN_EMAIL && settings.CARREL_ADMIN_PASSWORD ? { email: settings.CARREL_ADMIN_EMAIL, password: settings.CARREL_ADMIN_PASSWORD } : undefined;
const admin = configuredAdmin ?? (embedded ? EMBEDDED_ADMIN : undefined);

const started = Date.now();
// Every variable the README lists reaches the service that reads it; the embedded demo only
// fills in its admin, and local portal origins unless CORS_ORIGINS says otherwise.
const stack = await startStack({
  // The demo seed below signs in and books through the router from this machine: more than a client may.
  ...(embedded ? { CORS_ORIGINS: LOCAL_PORTAL_ORIGINS.join(','), RATE_LIMIT_PER_IP: '1000', RATE_LIMIT_CREDENTIALS_PER_IP: '100' } : {}),
  ...process.env,
  ...(admin ? { CARREL_ADMIN_EMAIL: admin.email, CARREL_ADMIN_PASSWORD: admin.password } : {}),
});

const seed = settings.CARREL_SEED_DEMO === 'yes' || (settings.CARREL_SEED_DEMO === 'auto' && embedded);
// The demo pays one booking online: its card goes to the checkout of the service that takes payments.
const supergraph = parse(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
const checkoutBase = stack.subgraphs[owningSubgraph(supergraph, 'Mutation', 'payForBooking') as SubgraphName].url;
const seeded = seed && admin ? await seedDemoData(stack.graphqlUrl, admin, checkoutBase) : false;

const lines = [
  '',
  `Carrel is up in ${((Date.now() - started) / 1000).toFixed(1)} s (${embedded ? `embedded PGlite in ${settings.CARREL_DATA_DIR}` : 'PostgreSQL'}, ${process.env.REDIS_URL ? 'Redis' : 'in-process'} events).`,
  `  GraphQL:  ${stack.graphqlUrl}   (WebSocket subscriptions on the same URL)`,
  `  Explorer: ${stack.routerUrl}/explorer   Schema: ${stack.routerUrl}/schema.graphql`,
  `  Health:   ${stack.routerUrl}/health   Ready: ${stack.routerUrl}/ready${stack.metricsUrl ? `   Metrics: ${stack.metricsUrl}` : ''}`,
  '',
  ...(admin ? [`  Platform admin: ${admin.email} / ${configuredAdmin ? '(CARREL_ADMIN_PASSWORD)' : admin.password}  (log in without a tenantSlug)`] : []),
  ...(seed
    ? [
        `  Demo users (password ${DEMO_PASSWORD}${seeded ? '' : ', seeded on an earlier start'}), log in with their tenantSlug:`,
        ...DEMO_TENANTS.map((tenant) => `    ${tenant.slug}: ${['owner', 'staff', 'asha', 'ben', 'chen'].map((who) => demoEmail(tenant.slug, who)).join(', ')}`),
      ]
    : []),
  '',
  'Press Ctrl-C to stop.',
];
console.log(lines.join('\n'));
await runUntilSignalled(stack);
