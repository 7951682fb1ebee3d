import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../common/config.js';
import { portVariable, urlVariable } from '../common/subgraph-kit/addresses.js';
import { PLATFORM_ENDPOINTS } from '../common/subgraph-kit/platform-endpoints.js';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/index.js';
import { createTestDatabases } from '../test/support/databases.js';

export interface ProcessStack {
  graphqlUrl: string;
  routerUrl: string;
  /** Each subgraph's base URL, by name. */
  subgraphUrls: Record<SubgraphName, string>;
  admin: { email: string; password: string };
  /** Where a service (`router` or a subgraph's name) serves its Prometheus metrics. */
  metricsUrl(service: SubgraphName | 'router'): string;
  /** The running process of a service (`router` or a subgraph's name). */
  process(service: SubgraphName | 'router'): ChildProcess;
  /** Starts a stopped service again with the same settings; resolves once it is ready. */
  restart(service: SubgraphName | 'router'): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Every service as its own process, as docker-compose runs them, so the router and the
 * subgraphs do not share an event loop. PGlite in a temporary directory, or a fresh PostgreSQL
 * database when DATABASE_URL is set. The router listens on `basePort`, the subgraphs on the
 * ports after it in registry order, the router's metrics on `basePort + 99`. `nodeFlags` go to
 * every process's `node`.
 */
export async function startProcessStack(basePort = 4600, overrides: Env = {}, nodeFlags: string[] = []): Promise<ProcessStack> {
  const admin = { email: 'bench-admin@carrel.test', password: 'bench-admin-password' };
  const dataDir = await mkdtemp(join(tmpdir(), 'carrel-bench-'));
  const databases = await createTestDatabases();
  const host = '127.0.0.1';
  const routerMetricsPort = basePort + 99;
  const subgraphUrls = Object.fromEntries(SUBGRAPHS.map(({ name }, index) => [name, `http://${host}:${basePort + 1 + index}`])) as Record<SubgraphName, string>;
  const env: Env = {
    ...process.env,
    ...databases.env,
    LOG_LEVEL: 'warn',
    // As in the production image (the Dockerfile's): graphql-js and Express skip their development checks.
    NODE_ENV: 'production',
    // On disk, unlike the tests' in-memory PGlite: a restarted service finds its data again.
    CARREL_DATA_DIR: dataDir,
    PASSWORD_HASH_COST: 'test',
    CARREL_ADMIN_EMAIL: admin.email,
    CARREL_ADMIN_PASSWORD: admin.password,
    REDIS_KEY_PREFIX: `carrel-bench:${basePort}:`,
    SERVICE_SECRET: randomBytes(32).toString('base64url'),
    // Load from one address, far past what a client is allowed.
    RATE_LIMIT_PER_IP: '1000000000',
    RATE_LIMIT_PER_TENANT: '1000000000',
    RATE_LIMIT_CREDENTIALS_PER_IP: '1000000',
    RATE_LIMIT_COST_PER_IP: '1000000000000',
    HOST: host,
    PORT: String(basePort),
    METRICS_PORT: String(routerMetricsPort),
    ...Object.fromEntries(SUBGRAPHS.flatMap(({ name }, index) => [[portVariable(name), String(basePort + 1 + index)], [urlVariable(name), `${subgraphUrls[name]}/graphql`]])),
    ...Object.fromEntries(
      SUBGRAPHS.flatMap(({ name, serves }) => serves.map((endpoint) => [PLATFORM_ENDPOINTS[endpoint].variable, `${subgraphUrls[name]}${PLATFORM_ENDPOINTS[endpoint].path}`])),
    ),
    ...overrides,
  };
  const routerUrl = `http://${host}:${basePort}`;
  const readyUrl = (service: SubgraphName | 'router') => `${service === 'router' ? routerUrl : subgraphUrls[service]}/ready`;
  const children = new Map<SubgraphName | 'router', ChildProcess>();
  const start = async (service: SubgraphName | 'router') => {
    const entry = service === 'router' ? ['router/src/index.ts'] : ['stack/subgraph-process.ts', service];
    children.set(service, spawn(process.execPath, [...nodeFlags, '--import', 'tsx', ...entry], { env: { ...env, CARREL_SERVICE: service }, stdio: ['ignore', 'inherit', 'inherit'] }));
    await waitUntilReady(readyUrl(service));
  };
  const exited = (child: ChildProcess) => (child.exitCode === null && child.signalCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null);
  const stop = async () => {
    // The router first, so it does not outlive the subgraphs it calls (and warn that they are gone).
    const router = children.get('router');
    router?.kill('SIGTERM');
    if (router) await exited(router);
    const subgraphs = [...children].filter(([service]) => service !== 'router').map(([, child]) => child);
    for (const child of subgraphs) child.kill('SIGTERM');
    await Promise.all(subgraphs.map(exited));
    await databases.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // Every address is fixed beforehand, so no subgraph waits for another's; they boot together.
    await Promise.all(SUBGRAPHS.map(({ name }) => start(name)));
    await start('router');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    graphqlUrl: `${routerUrl}/graphql`,
    routerUrl,
    subgraphUrls,
    admin,
    metricsUrl: (service) => (service === 'router' ? `http://${host}:${routerMetricsPort}/metrics` : `${subgraphUrls[service]}/metrics`),
    process: (service) => children.get(service)!,
    restart: start,
    stop,
  };
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
