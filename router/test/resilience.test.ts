import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../common/events/memory-bus.js';
import { MeDocument } from '../../test/__generated__/operations.js';
import { errorCodes, request } from '../../test/support/client.js';
import { createTenant, loginAdmin, registerStudent, type Member } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';
import { startRouter } from '../src/server.js';

let stack: TestStack;
let student: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  const tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Dev');
});

const supergraphSdl = readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8');

/** A server that accepts connections and never answers: a hung subgraph. */
async function blackHole(): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(() => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a slow or dead subgraph', () => {
  it('costs only its fields: partial data and a masked SERVICE_UNAVAILABLE within the timeout', async () => {
    const hung = await blackHole();
    const router = await startRouter({
      supergraphSdl,
      subgraphUrls: { users: `${stack.subgraphs.users.url}/graphql`, tenants: hung.url },
      jwksUrl: `${stack.subgraphs.users.url}/.well-known/jwks.json`,
      suspendedTenantsUrl: `${stack.subgraphs.tenants.url}/internal/suspended-tenants`,
      bus: new MemoryEventBus(),
      port: 0,
      subgraphTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      const response = await request(`${router.url}/graphql`, MeDocument, {}, student.token);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(response.data?.me).toMatchObject({ email: student.email, tenant: null });
      expect(errorCodes(response)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(JSON.stringify(response.errors)).not.toMatch(/127\.0\.0\.1|http:|stack/i);
    } finally {
      await router.stop();
      await hung.close();
    }
  });
});

describe('hostile requests', () => {
  it('rejects alias floods and huge documents with OPERATION_TOO_COMPLEX', async () => {
    const aliases = `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(errorCodes(await request(stack.graphqlUrl, aliases))).toContain('OPERATION_TOO_COMPLEX');

    const huge = `{ ${Array.from({ length: 4_000 }, () => '__typename').join(' ')} }`;
    expect(errorCodes(await request(stack.graphqlUrl, huge))).toContain('OPERATION_TOO_COMPLEX');
  });

  it('answers malformed documents and bodies with clear JSON errors, and stays healthy', async () => {
    expect(errorCodes(await request(stack.graphqlUrl, '{ me { id '))).toEqual(['GRAPHQL_PARSE_FAILED']);

    const tooLarge = await fetch(stack.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1_000_000) } }),
    });
    expect(tooLarge.status).toBe(413);
    const body = await tooLarge.json();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).not.toMatch(/at .*\.js|node_modules/);

    const notJson = await fetch(stack.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(notJson.status).toBe(400);
    expect((await notJson.json()).errors[0].extensions.code).toBe('BAD_USER_INPUT');

    expect((await fetch(`${stack.routerUrl}/health`)).status).toBe(200);
    expect(errorCodes(await request(stack.graphqlUrl, MeDocument, {}, student.token))).toEqual([]);
  });
});

describe('health and readiness', () => {
  it('is ready while subgraphs, databases and the bus answer', async () => {
    const ready = await fetch(`${stack.routerUrl}/ready`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).checks).toMatchObject({ users: true, tenants: true, events: true });
  });
});
