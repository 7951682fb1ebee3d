import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunningServer } from '../../common/server/http.js';
import { ProfileDocument } from '../../portals/__generated__/graphql.js';
import { persistedRequestBody } from '../../portals/persisted-request.js';
import { chromiumInstalled, launchChromium } from '../../test/support/browser.js';
import { startRouterReplica } from '../../test/support/replica.js';
import { createTenant, loginAdmin, registerStudent, type Member } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

/** A portal's page, served from an origin of its own, that calls the router from the browser. */
async function portalPage(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Portal</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let stack: TestStack;
let router: RunningServer;
let allowed: Awaited<ReturnType<typeof portalPage>>;
let other: Awaited<ReturnType<typeof portalPage>>;
let student: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  [allowed, other] = [await portalPage(), await portalPage()];
  router = await startRouterReplica(stack, { CORS_ORIGINS: `https://student.example,${allowed.origin}` });
  student = await registerStudent(stack.graphqlUrl, (await createTenant(stack.graphqlUrl, await loginAdmin(stack.graphqlUrl))).slug);
});
afterAll(async () => {
  await router?.stop();
  await allowed?.close();
  await other?.close();
});

const preflight = (origin: string) =>
  fetch(`${router.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,apollo-require-preflight' },
  });
const me = (origin?: string) =>
  fetch(`${router.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${student.token}`, ...(origin ? { origin } : {}) },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });

describe('CORS', () => {
  it('lets a listed portal origin ask, with the headers a portal sends, cached, and without credentials', async () => {
    const response = await preflight('https://student.example');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://student.example');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,POST');
    expect(response.headers.get('access-control-allow-headers')?.split(',')).toEqual(expect.arrayContaining(['authorization', 'content-type', 'apollo-require-preflight']));
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThanOrEqual(600);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();

    const answer = await me('https://student.example');
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://student.example');
    expect(await answer.json()).toEqual({ data: { me: { email: student.email } } });
  });

  it('gives an origin not listed no CORS headers at all, so a browser keeps the answer from its page', async () => {
    for (const response of [await preflight('https://evil.example'), await me('https://evil.example')]) {
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('allows no other origin on the shared stack’s router, where CORS_ORIGINS is empty', async () => {
    const response = await fetch(`${stack.routerUrl}/graphql`, { method: 'OPTIONS', headers: { origin: 'https://student.example', 'access-control-request-method': 'POST' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a WebSocket from an origin not listed, and takes one from a listed origin or from no browser', async () => {
    const opens = (origin?: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${router.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', origin ? { origin } : {});
        socket.once('open', () => {
          socket.close();
          resolve('open');
        });
        socket.once('unexpected-response', (_request, response) => resolve(`refused ${response.statusCode}`));
        socket.once('error', () => resolve('error'));
      });
    expect(await opens('https://evil.example')).toBe('refused 401');
    expect(await opens('https://student.example')).toBe('open');
    expect(await opens()).toBe('open');
  });
});

describe('every response', () => {
  it('carries security headers, and the explorer keeps its strict content policy', async () => {
    for (const path of ['/graphql', '/health', '/explorer']) {
      const response = await fetch(`${router.url}${path}`, path === '/graphql' ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' } : {});
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('strict-transport-security'), path).toMatch(/max-age=/);
      expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      expect(response.headers.get('x-powered-by'), path).toBeNull();
    }
    expect((await fetch(`${router.url}/explorer`)).headers.get('content-security-policy')).toMatch(/^default-src 'self'; connect-src 'self' ws: wss:/);
  });

  it('sends a browser that opens the router’s address to the explorer', async () => {
    const response = await fetch(`${router.url}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/explorer');
  });
});

describe.skipIf(!chromiumInstalled())('a portal page in a browser, on an origin of its own', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** What `fetch` from the page at `origin` makes of a signed-in request to a router (`{ me { email } }` unless told). */
  async function callFrom(origin: string, { routerUrl = router.url, body = { query: '{ me { email } }' } as unknown } = {}): Promise<string> {
    const page = await browser.newPage();
    try {
      await page.goto(origin);
      return await page.evaluate(
        async ({ url, token, sent }) => {
          try {
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify(sent),
            });
            return JSON.stringify(await response.json());
          } catch (error) {
            return `blocked: ${(error as Error).name}`;
          }
        },
        { url: `${routerUrl}/graphql`, token: student.token, sent: body },
      );
    } finally {
      await page.close();
    }
  }

  it('reads the answer when its origin is listed, and is blocked by the browser when not', async () => {
    expect(await callFrom(allowed.origin)).toBe(JSON.stringify({ data: { me: { email: student.email } } }));
    expect(await callFrom(other.origin)).toBe('blocked: TypeError');
  });

  it('runs only its trusted documents when the router holds portals to them: the browser\u2019s Origin decides, not the page', async () => {
    const strict = await startRouterReplica(stack, { CORS_ORIGINS: allowed.origin, TRUSTED_DOCUMENTS_ONLY_FOR_PORTALS: 'true' });
    try {
      const adHoc = JSON.parse(await callFrom(allowed.origin, { routerUrl: strict.url })) as { errors?: { extensions?: { code?: string } }[] };
      expect(adHoc.errors?.map((error) => error.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
      const trusted = JSON.parse(await callFrom(allowed.origin, { routerUrl: strict.url, body: persistedRequestBody(ProfileDocument) })) as { data?: unknown };
      expect(trusted.data).toMatchObject({ me: { email: student.email } });
    } finally {
      await strict.stop();
    }
  });
});
