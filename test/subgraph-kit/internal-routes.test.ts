import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_PROOF_HEADER } from '../../common/auth/service-proof.js';
import { ConfigError, readConfig } from '../../common/config.js';
import { sharedEnv } from '../../common/service-config.js';
import { methodOf, paramsOf, PLATFORM_ENDPOINTS } from '../../common/subgraph-kit/platform-endpoints.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { sharedTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await sharedTestStack();
});

/** Every `/internal/*` platform endpoint, on the subgraph the registry says serves it, and a path no one serves. */
const internalRoutes = () =>
  SUBGRAPHS.flatMap(({ name, serves }) => [
    ...serves
      .filter((endpoint) => PLATFORM_ENDPOINTS[endpoint].path.startsWith('/internal/'))
      .map((endpoint) => ({ name, path: PLATFORM_ENDPOINTS[endpoint].path, params: paramsOf(endpoint), method: methodOf(endpoint) })),
    { name, path: '/internal/nothing-here', params: [] as readonly string[], method: 'get' as const },
  ]);

describe('a subgraph\u2019s /internal/* routes', () => {
  it('answer 401 UNAUTHENTICATED, and nothing else, to a caller without the deployment\u2019s secret or with another', async () => {
    for (const { name, path, method } of internalRoutes()) {
      for (const headers of [{} as Record<string, string>, { [SERVICE_PROOF_HEADER]: 'a-guess-that-is-long-enough-to-pass-the-length-check' }, { [SERVICE_PROOF_HEADER]: '' }]) {
        const response = await fetch(`${stack.subgraphs[name].url}${path}`, { method, headers, ...(method === 'post' ? { body: '{}' } : {}) });
        expect(response.status, `${name} ${path}`).toBe(401);
        expect(await response.json()).toEqual({ errors: [{ message: 'This route answers Carrel services only.', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    }
  });

  it('answer a caller with the secret', async () => {
    const served = internalRoutes().filter(({ path }) => path !== '/internal/nothing-here');
    expect(served.length).toBeGreaterThan(0);
    for (const { name, path, params, method } of served) {
      const headers = { [SERVICE_PROOF_HEADER]: stack.env.SERVICE_SECRET! };
      if (method === 'post') {
        // A body that says nothing is the caller's mistake, answered as such.
        const response = await fetch(`${stack.subgraphs[name].url}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: '{}' });
        expect(response.status, `${name} ${path}`).toBe(400);
        continue;
      }
      // An endpoint about one object is asked about one that does not exist: it answers so.
      const query = new URLSearchParams(params.map((param) => [param, randomUUID()]));
      const response = await fetch(`${stack.subgraphs[name].url}${path}?${query}`, { headers });
      expect(response.status, `${name} ${path}`).toBe(params.length ? 404 : 200);
    }
  });

  it('need SERVICE_SECRET set: a service started without it stops at boot saying so', () => {
    expect(() => readConfig(sharedEnv, {})).toThrow(ConfigError);
    expect(() => readConfig(sharedEnv, {})).toThrow(/SERVICE_SECRET: required/);
    expect(() => readConfig(sharedEnv, { SERVICE_SECRET: 'short' })).toThrow(/SERVICE_SECRET: must be at least 32 characters/);
  });
});
