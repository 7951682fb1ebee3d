import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, request } from '../../test/support/client.js';
import { loginAdmin } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

let stack: TestStack;
let router: ChildProcess | undefined;

beforeAll(async () => {
  stack = await sharedTestStack();
});
afterAll(async () => {
  router?.kill('SIGTERM');
});

/** Starts `router/src/index.ts` as its own process, as docker-compose does, and waits for its URL. */
function startRouterProcess(args: string[], env: Record<string, string>): Promise<string> {
  router = spawn(process.execPath, ['--import', 'tsx', 'router/src/index.ts', ...args], {
    env: { ...process.env, ...env, PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    router!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:[^"]+\/graphql)","msg":"router ready"/.exec(output);
      if (match) resolve(match[1]!);
    });
    router!.once('exit', (code) => reject(new Error(`router exited with ${code}: ${output}`)));
  });
}

describe('the router given another supergraph by path', () => {
  it('serves exactly that supergraph', async () => {
    const sdl = await readFile(new URL('../../subgraphs/users/schema.graphql', import.meta.url), 'utf8');
    const composed = composeServices([{ name: 'users', url: 'http://unused.invalid/graphql', typeDefs: parse(sdl) }]);
    expect(composed.errors).toBeUndefined();
    const path = join(await mkdtemp(join(tmpdir(), 'carrel-')), 'users-only.graphql');
    await writeFile(path, composed.supergraphSdl!);

    const graphqlUrl = await startRouterProcess(['--supergraph', path], {
      USERS_URL: `${stack.subgraphs.users.url}/graphql`,
      TENANTS_URL: `${stack.subgraphs.tenants.url}/graphql`,
      TENANTS_STATUS_URL: `${stack.subgraphs.tenants.url}/internal/suspended-tenants`,
    });
    const admin = await loginAdmin(graphqlUrl);
    const me = await request(graphqlUrl, '{ me { email role } }', {}, admin.token);
    expect(me.data).toEqual({ me: { email: admin.email, role: 'PLATFORM_ADMIN' } });
    // Tenants are not in this supergraph, so the router does not know the field.
    expect(errorCodes(await request(graphqlUrl, '{ tenants { nodes { id } } }', {}, admin.token))).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});
