import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabases } from '../test/support/databases.js';

export interface ProcessStack {
  graphqlUrl: string;
  usersGraphqlUrl: string;
  admin: { email: string; password: string };
  stop(): Promise<void>;
}

const ENTRY_POINTS = {
  users: 'subgraphs/users/src/index.ts',
  tenants: 'subgraphs/tenants/src/index.ts',
  bookings: 'subgraphs/bookings/src/index.ts',
  router: 'router/src/index.ts',
} as const;

/**
 * Every service as its own process, as docker-compose runs them, so the router and the
 * subgraphs do not share an event loop. PGlite in a temporary directory, or a fresh PostgreSQL
 * database when DATABASE_URL is set.
 */
export async function startProcessStack(basePort = 4600): Promise<ProcessStack> {
  const admin = { email: 'bench-admin@carrel.test', password: 'bench-admin-password' };
  const dataDir = await mkdtemp(join(tmpdir(), 'carrel-bench-'));
  const databases = await createTestDatabases();
  const database = (service: string) => {
    const config = databases.config(service);
    const prefix = service.toUpperCase();
    return config.kind === 'postgres' ? { [`${prefix}_DATABASE_URL`]: config.url, [`${prefix}_DATABASE_MIGRATION_URL`]: config.migrationUrl } : {};
  };
  const ports = { router: basePort, users: basePort + 1, tenants: basePort + 2, bookings: basePort + 3 };
  const env = {
    ...process.env,
    LOG_LEVEL: 'warn',
    CARREL_DATA_DIR: dataDir,
    PASSWORD_HASH_COST: 'test',
    CARREL_ADMIN_EMAIL: admin.email,
    CARREL_ADMIN_PASSWORD: admin.password,
    REDIS_KEY_PREFIX: `carrel-bench:${basePort}:`,
    PORT: String(ports.router),
    METRICS_PORT: String(basePort + 9),
    USERS_PORT: String(ports.users),
    TENANTS_PORT: String(ports.tenants),
    BOOKINGS_PORT: String(ports.bookings),
    USERS_URL: `http://127.0.0.1:${ports.users}/graphql`,
    TENANTS_URL: `http://127.0.0.1:${ports.tenants}/graphql`,
    BOOKINGS_URL: `http://127.0.0.1:${ports.bookings}/graphql`,
    USERS_JWKS_URL: `http://127.0.0.1:${ports.users}/.well-known/jwks.json`,
  };
  const children: ChildProcess[] = [];
  const start = (service: keyof typeof ENTRY_POINTS) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY_POINTS[service]], { env: { ...env, ...database(service), CARREL_SERVICE: service }, stdio: ['ignore', 'inherit', 'inherit'] });
    children.push(child);
  };
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    await databases.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    start('users');
    await waitUntilReady(`http://127.0.0.1:${ports.users}/ready`);
    start('tenants');
    await waitUntilReady(`http://127.0.0.1:${ports.tenants}/ready`);
    start('bookings');
    await waitUntilReady(`http://127.0.0.1:${ports.bookings}/ready`);
    start('router');
    await waitUntilReady(`http://127.0.0.1:${ports.router}/ready`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { graphqlUrl: `http://127.0.0.1:${ports.router}/graphql`, usersGraphqlUrl: env.USERS_URL, admin, stop };
}

async function waitUntilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(url).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}
