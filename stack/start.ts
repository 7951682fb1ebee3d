import { z } from 'zod';
import { databaseEnv, optionalUrl, port, readConfig } from '../common/config.js';
import { logger } from '../common/logger.js';
import { runUntilSignalled } from '../common/server/lifecycle.js';
import { DEMO_PASSWORD, DEMO_TENANTS, demoEmail, seedDemoData } from './demo-seed.js';
import { startStack } from './stack.js';

process.env.CARREL_SERVICE ??= 'carrel';
// The banner below is what a newcomer needs; per-request logs are opt-in with LOG_LEVEL=info.
logger.level = process.env.LOG_LEVEL ?? 'warn';

const EMBEDDED_ADMIN = { email: 'admin@carrel.demo', password: 'carrel-admin-2026' };

const env = readConfig(
  z.object({
    PORT: port(4000),
    USERS_PORT: port(4001),
    TENANTS_PORT: port(4002),
    BOOKINGS_PORT: port(4003),
    HOST: z.string().default('127.0.0.1'),
    REDIS_URL: optionalUrl,
    REDIS_KEY_PREFIX: z.string().default('carrel:'),
    PASSWORD_HASH_COST: z.enum(['owasp', 'test']).default('owasp'),
    CARREL_ADMIN_EMAIL: z.string().email().optional(),
    CARREL_ADMIN_PASSWORD: z.string().min(10).optional(),
    CARREL_SEED_DEMO: z.enum(['auto', 'yes', 'no']).default('auto'),
  }),
);
const embedded = !process.env.DATABASE_URL;
const admin = env.CARREL_ADMIN_EMAIL && env.CARREL_ADMIN_PASSWORD ? { email: env.CARREL_ADMIN_EMAIL, password: env.CARREL_ADMIN_PASSWORD } : embedded ? EMBEDDED_ADMIN : undefined;

const started = Date.now();
const stack = await startStack({
  database: (service) => readConfig(databaseEnv(service)),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  redisKeyPrefix: env.REDIS_KEY_PREFIX,
  ports: { router: env.PORT, users: env.USERS_PORT, tenants: env.TENANTS_PORT, bookings: env.BOOKINGS_PORT },
  host: env.HOST,
  passwordHashCost: env.PASSWORD_HASH_COST,
  ...(admin ? { platformAdmin: admin } : {}),
});

const seed = env.CARREL_SEED_DEMO === 'yes' || (env.CARREL_SEED_DEMO === 'auto' && embedded);
const seeded = seed && admin ? await seedDemoData(stack.graphqlUrl, admin) : false;

const lines = [
  '',
  `Carrel is up in ${((Date.now() - started) / 1000).toFixed(1)} s (${embedded ? 'embedded PGlite in ' + (process.env.CARREL_DATA_DIR ?? '.data') : 'PostgreSQL'}, ${env.REDIS_URL ? 'Redis' : 'in-process'} events).`,
  `  GraphQL:  ${stack.graphqlUrl}   (WebSocket subscriptions on the same URL)`,
  `  Explorer: ${stack.routerUrl}/explorer   Schema: ${stack.routerUrl}/schema.graphql`,
  `  Health:   ${stack.routerUrl}/health   Ready: ${stack.routerUrl}/ready`,
  '',
  ...(admin ? [`  Platform admin: ${admin.email} / ${embedded && !env.CARREL_ADMIN_PASSWORD ? admin.password : '(CARREL_ADMIN_PASSWORD)'}  (log in without a tenantSlug)`] : []),
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
