import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net, { type AddressInfo } from 'node:net';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { generate } from 'selfsigned';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../common/events/memory-bus.js';
import { MeDocument } from '../../test/__generated__/operations.js';
import { errorCodes, request } from '../../test/support/client.js';
import { createTenant, loginAdmin, registerStudent, type Member } from '../../test/support/seed-kit.js';
import { routerConfigBeside } from '../../test/support/replica.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';
import { subgraphStandIn } from '../../test/support/subgraph-stand-in.js';
import { startRouter, type RouterOptions } from '../src/server.js';

let stack: TestStack;
let student: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  const tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug, 'Dev');
});


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
    const router = await routerWithTenantsAt(hung.url, { subgraphTimeoutMs: 300 });
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

/** Short for a test, long enough for a subgraph answering on a busy machine. */
const CALL_TIMEOUT_MS = 800;

/** A router in front of the stack's subgraphs but the tenants subgraph, which it finds at `tenantsUrl`; short limits unless told. */
function routerWithTenantsAt(tenantsUrl: string, limits: Pick<RouterOptions, 'subgraphTimeoutMs' | 'subgraphLimits'> = { subgraphTimeoutMs: CALL_TIMEOUT_MS, subgraphLimits: { breakerFailures: 5, breakerResetMs: 500 } }) {
  const beside = routerConfigBeside(stack);
  return startRouter({ ...beside, subgraphUrls: { ...beside.subgraphUrls, tenants: tenantsUrl }, bus: new MemoryEventBus(), ...limits });
}

const MY_TENANT: TypedDocumentNode<{ me: { email: string; tenant: { name: string } | null } | null }, Record<string, never>> = parse('{ me { email tenant { name } } }');
const breakersOf = async (routerUrl: string) => ((await (await fetch(`${routerUrl}/ready`)).json()) as { breakers: Record<string, string> }).breakers;

describe('a subgraph that keeps failing', () => {
  it('is not called for a while after 5 failures in a row: its fields fail at once, the others answer, and it is used again once it is back', async () => {
    const tenants = await subgraphStandIn(stack.subgraphs.tenants.url);
    const router = await routerWithTenantsAt(tenants.url);
    try {
      tenants.set('hang');
      for (let failure = 1; failure <= 5; failure++) {
        const response = await request(`${router.url}/graphql`, MY_TENANT, {}, student.token);
        expect(response.data, `failure ${failure}`).toEqual({ me: { email: student.email, tenant: null } });
        expect(response.errors?.map((error) => error.message)).toEqual(['The tenants service did not answer in time.']);
      }

      const partial = await request(`${router.url}/graphql`, MY_TENANT, {}, student.token);
      expect(partial.data).toEqual({ me: { email: student.email, tenant: null } });
      expect(errorCodes(partial)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(partial.errors?.[0]?.message).toMatch(/is failing/);
      // Its calls alone, timed: a query that needs nothing but the failing subgraph.
      const timings: number[] = [];
      for (let call = 0; call < 5; call++) {
        const started = performance.now();
        const response = await request(`${router.url}/graphql`, '{ tenantBySlug(slug: "anything") { name } }');
        timings.push(performance.now() - started);
        expect(response.errors?.[0]?.message).toMatch(/is failing/);
      }
      const fastest = Math.min(...timings);
      expect(fastest).toBeLessThan(50);
      expect((await breakersOf(router.url)).tenants).toBe('open');

      tenants.set('forward');
      await new Promise((resolve) => setTimeout(resolve, 600));
      const back = await request(`${router.url}/graphql`, MY_TENANT, {}, student.token);
      expect(back.errors).toBeUndefined();
      expect(back.data?.me).toMatchObject({ email: student.email, tenant: { name: expect.any(String) } });
      expect((await breakersOf(router.url)).tenants).toBe('closed');
    } finally {
      await router.stop();
      await tenants.close();
    }
  });

  it('is asked a query once more when the connection is reset, and a mutation never', async () => {
    const admin = await loginAdmin(stack.graphqlUrl);
    const tenants = await subgraphStandIn(stack.subgraphs.tenants.url);
    const router = await routerWithTenantsAt(tenants.url);
    try {
      tenants.set('reset-next');
      const query = await request(`${router.url}/graphql`, MY_TENANT, {}, student.token);
      expect(query.errors).toBeUndefined();
      expect(query.data?.me).toMatchObject({ tenant: { name: expect.any(String) } });
      expect(tenants.connections()).toBe(2);

      // A fresh router, so no connection is left open for the mutation to reuse.
      const fresh = await routerWithTenantsAt(tenants.url);
      try {
        tenants.set('reset-next');
        const slug = `t-${Date.now().toString(36)}`;
        const mutation = await request(
          `${fresh.url}/graphql`,
          'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }',
          { input: { slug, name: 'Once only', settings: { timezone: 'UTC', currency: 'GBP' } } },
          admin.token,
        );
        expect(errorCodes(mutation)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(mutation.errors?.[0]?.message).toBe('The tenants service cannot be reached right now.');
        expect(tenants.connections()).toBe(3);
        expect((await request(stack.graphqlUrl, '{ tenantBySlug(slug: $slug) { name } }'.replace('$slug', JSON.stringify(slug)))).data).toEqual({ tenantBySlug: null });
      } finally {
        await fresh.stop();
      }
    } finally {
      await router.stop();
      await tenants.close();
    }
  });

  it('cannot fill the router’s memory: an answer over the size limit is refused as unavailable', async () => {
    const runaway = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      // Streamed without a length, as a runaway would: the cap must hold while reading.
      res.write('{"data":{"_entities":[');
      const chunk = `${'{"name":"x"},'.repeat(1_000)}`;
      const send = () => {
        if (!res.destroyed && res.write(chunk)) setImmediate(send);
      };
      send();
    });
    await new Promise<void>((resolve) => runaway.listen(0, '127.0.0.1', resolve));
    const router = await routerWithTenantsAt(`http://127.0.0.1:${(runaway.address() as AddressInfo).port}/graphql`, { subgraphTimeoutMs: 2_000, subgraphLimits: { maxResponseBytes: 100_000 } });
    try {
      const response = await request(`${router.url}/graphql`, MY_TENANT, {}, student.token);
      expect(response.data).toEqual({ me: { email: student.email, tenant: null } });
      expect(response.errors?.map((error) => error.message)).toEqual(['The tenants service answered more than the router accepts.']);
    } finally {
      await router.stop();
      runaway.closeAllConnections();
      await new Promise((resolve) => runaway.close(resolve));
    }
  });

  it('is reported as unreachable, at once, when nothing listens where it should be', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const router = await routerWithTenantsAt(`http://127.0.0.1:${port}/graphql`);
    try {
      const started = performance.now();
      const response = await request(`${router.url}/graphql`, MY_TENANT, {}, student.token);
      expect(performance.now() - started).toBeLessThan(CALL_TIMEOUT_MS);
      expect(response.data).toEqual({ me: { email: student.email, tenant: null } });
      expect(response.errors?.map(({ message, extensions }) => ({ message, extensions }))).toEqual([
        { message: 'The tenants service cannot be reached right now.', extensions: { code: 'SERVICE_UNAVAILABLE' } },
      ]);
    } finally {
      await router.stop();
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

/**
 * The tenants subgraph behind TLS, as a deployment may put it: an HTTPS server with a certificate
 * of its own CA for 127.0.0.1, forwarding to the real subgraph.
 */
async function tenantsOverTls(): Promise<{ url: string; caFile: string; close(): Promise<void> }> {
  const pems = await generate([{ name: 'commonName', value: 'carrel-test-ca' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  const target = `${stack.subgraphs.tenants.url}/graphql`;
  const server = https.createServer({ key: pems.private, cert: pems.cert }, async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await fetch(target, { method: req.method, headers, body: Buffer.concat(chunks) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const caFile = join(mkdtempSync(join(tmpdir(), 'carrel-ca-')), 'ca.pem');
  writeFileSync(caFile, pems.cert);
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    caFile,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('a subgraph at an https: URL', () => {
  it('is called over TLS when the router trusts its CA (SUBGRAPH_CA_FILE), and is unreachable, not slow, when it does not', async () => {
    const tenants = await tenantsOverTls();
    const routerTrusting = async (env: Record<string, string>) => {
      const beside = routerConfigBeside(stack, env);
      return startRouter({ ...beside, subgraphUrls: { ...beside.subgraphUrls, tenants: tenants.url }, bus: new MemoryEventBus() });
    };
    const trusting = await routerTrusting({ SUBGRAPH_CA_FILE: tenants.caFile });
    const doubting = await routerTrusting({});
    try {
      const answered = await request(`${trusting.url}/graphql`, MY_TENANT, {}, student.token);
      expect(answered.errors).toBeUndefined();
      expect(answered.data?.me?.tenant?.name).toEqual(expect.any(String));

      const refused = await request(`${doubting.url}/graphql`, MY_TENANT, {}, student.token);
      expect(refused.data).toEqual({ me: { email: student.email, tenant: null } });
      expect(refused.errors?.map((error) => error.message)).toEqual(['The tenants service cannot be reached right now.']);
    } finally {
      await trusting.stop();
      await doubting.stop();
      await tenants.close();
    }
  });
});
