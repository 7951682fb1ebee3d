import { beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_PROOF_HEADER } from '../../common/auth/service-proof.js';
import { ConfigError, readConfig } from '../../common/config.js';
import { sharedEnv } from '../../common/service-config.js';
import { PLATFORM_ENDPOINTS } from '../../common/subgraph-kit/platform-endpoints.js';
import { SUBGRAPHS } from '../../subgraphs/index.js';
import { sharedTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await sharedTestStack();
});

/** Every `/internal/*` platform endpoint, on the subgraph the registry says serves it, and a path no one serves. */
const internalRoutes = () =>
  SUBGRAPHS.flatMap(({ name, serves }) => [
    ...serves.map((endpoint) => PLATFORM_ENDPOINTS[endpoint].path).filter((path) => path.startsWith('/internal/')).map((path) => ({ name, path })),
    { name, path: '/internal/nothing-here' },
  ]);

describe('a subgraph\u2019s /internal/* routes', () => {
  it('answer 401 UNAUTHENTICATED, and nothing else, to a caller without the deployment\u2019s secret or with another', async () => {
    for (const { name, path } of internalRoutes()) {
      for (const headers of [{} as Record<string, string>, { [SERVICE_PROOF_HEADER]: 'a-guess-that-is-long-enough-to-pass-the-length-check' }, { [SERVICE_PROOF_HEADER]: '' }]) {
        const response = await fetch(`${stack.subgraphs[name].url}${path}`, { headers });
        expect(response.status, `${name} ${path}`).toBe(401);
        expect(await response.json()).toEqual({ errors: [{ message: 'This route answers Carrel services only.', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
    }
  });

  it('answer a caller with the secret', async () => {
    const served = internalRoutes().filter(({ path }) => path !== '/internal/nothing-here');
    expect(served.length).toBeGreaterThan(0);
    for (const { name, path } of served) {
      const response = await fetch(`${stack.subgraphs[name].url}${path}`, { headers: { [SERVICE_PROOF_HEADER]: stack.env.SERVICE_SECRET! } });
      expect(response.status, `${name} ${path}`).toBe(200);
    }
  });

  it('need SERVICE_SECRET set: a service started without it stops at boot saying so', () => {
    expect(() => readConfig(sharedEnv, {})).toThrow(ConfigError);
    expect(() => readConfig(sharedEnv, {})).toThrow(/SERVICE_SECRET: required/);
    expect(() => readConfig(sharedEnv, { SERVICE_SECRET: 'short' })).toThrow(/SERVICE_SECRET: must be at least 32 characters/);
  });
});
