import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_ENDPOINTS } from '../../common/subgraph-kit/platform-endpoints.js';
import { errorCodes, request } from '../../test/support/client.js';
import { loginAdmin } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

let stack: TestStack;
const routers: ChildProcess[] = [];

beforeAll(async () => {
  stack = await sharedTestStack();
});
afterAll(async () => {
  for (const router of routers) router.kill('SIGTERM');
});

/** Starts `router/src/index.ts` as its own process, as docker-compose does, and waits for its URL. */
function startRouterProcess(args: string[], env: Record<string, string>): Promise<string> {
  const router = spawn(process.execPath, ['--import', 'tsx', 'router/src/index.ts', ...args], {
    env: { ...process.env, SERVICE_SECRET: stack.env.SERVICE_SECRET!, ...env, PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  routers.push(router);
  return new Promise((resolve, reject) => {
    let output = '';
    router.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:[^"]+\/graphql)","msg":"router ready"/.exec(output);
      if (match) resolve(match[1]!);
    });
    router.once('exit', (code) => reject(new Error(`router exited with ${code}: ${output}`)));
  });
}

/** A supergraph of the users subgraph's schema alone, whose one subgraph is named `users` and lives at `url`. */
async function usersOnlySupergraph(url: string): Promise<string> {
  const sdl = await readFile(new URL('../../subgraphs/users/schema.graphql', import.meta.url), 'utf8');
  const composed = composeServices([{ name: 'users', url, typeDefs: parse(sdl) }]);
  expect(composed.errors).toBeUndefined();
  const path = join(await mkdtemp(join(tmpdir(), 'carrel-')), 'users-only.graphql');
  await writeFile(path, composed.supergraphSdl!);
  return path;
}

const platformEndpoints = () => ({
  [PLATFORM_ENDPOINTS.tokenKeys.variable]: `${stack.subgraphs.users.url}${PLATFORM_ENDPOINTS.tokenKeys.path}`,
  [PLATFORM_ENDPOINTS.suspendedTenants.variable]: `${stack.subgraphs.tenants.url}${PLATFORM_ENDPOINTS.suspendedTenants.path}`,
});

describe('the router given another supergraph by path', () => {
  it('serves exactly that supergraph', async () => {
    const path = await usersOnlySupergraph('http://unused.invalid/graphql');
    const graphqlUrl = await startRouterProcess(['--supergraph', path], {
      USERS_URL: `${stack.subgraphs.users.url}/graphql`,
      TENANT_STATUS_URL: platformEndpoints().TENANT_STATUS_URL,
    });
    const admin = await loginAdmin(graphqlUrl);
    const me = await request(graphqlUrl, '{ me { email role } }', {}, admin.token);
    expect(me.data).toEqual({ me: { email: admin.email, role: 'PLATFORM_ADMIN' } });
    // Tenants are not in this supergraph, so the router does not know the field.
    expect(errorCodes(await request(graphqlUrl, '{ tenants { nodes { id } } }', {}, admin.token))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('calls a subgraph at the URL the supergraph gives it, though it bears the name of one of ours, unless told otherwise', async () => {
    const path = await usersOnlySupergraph(`${stack.subgraphs.users.url}/graphql`);
    const graphqlUrl = await startRouterProcess(['--supergraph', path], platformEndpoints());
    const admin = await loginAdmin(graphqlUrl);
    const me = await request(graphqlUrl, '{ me { email role } }', {}, admin.token);
    expect(me).toMatchObject({ status: 200, data: { me: { email: admin.email, role: 'PLATFORM_ADMIN' } } });
    expect(me.errors).toBeUndefined();
  });
});
