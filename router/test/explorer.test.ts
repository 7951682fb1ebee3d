import { readFileSync } from 'node:fs';
import { buildSchema, parse } from 'graphql';
import { request as undiciRequest } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventSubscriptionsOf } from '../../common/events/subscription-declarations.js';
import { errorCodes, request } from '../../test/support/client.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await sharedTestStack();
});

describe('the schema explorer', () => {
  it('is served by the router from its own assets, with nothing loaded from elsewhere', async () => {
    const page = await fetch(`${stack.routerUrl}/explorer`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await page.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      expect(source).toMatch(/^\/explorer\/assets\//);
      const asset = await fetch(`${stack.routerUrl}${source}`);
      expect(asset.status, source).toBe(200);
      expect(asset.headers.get('content-type'), source).toMatch(source.endsWith('.css') ? /text\/css/ : /javascript/);
      expect((await asset.arrayBuffer()).byteLength, source).toBeGreaterThan(100);
    }
    expect((await fetch(`${stack.routerUrl}/explorer/assets/../../package.json`)).status).toBe(404);
  });

  it('lets a browser revalidate its assets (ETag, 304), while nothing uncached is hashed for one', async () => {
    const asset = await fetch(`${stack.routerUrl}/explorer/assets/graphiql.js`);
    const etag = asset.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    // As a browser revalidates; fetch() would add `cache-control: no-cache` to a conditional request.
    const again = await undiciRequest(`${stack.routerUrl}/explorer/assets/graphiql.js`, { headers: { 'if-none-match': etag! } });
    await again.body.dump();
    expect(again.statusCode).toBe(304);
    for (const path of ['/health', '/schema.graphql']) expect((await fetch(`${stack.routerUrl}${path}`)).headers.get('etag'), path).toBeNull();
    expect((await fetch(`${stack.subgraphs.users.url}/health`)).headers.get('etag')).toBeNull();
  });

  it('offers the public SDL for download, with descriptions and subscriptions, without federation internals', async () => {
    const response = await fetch(`${stack.routerUrl}/schema.graphql`);
    expect(response.status).toBe(200);
    const sdl = await response.text();
    expect(sdl).toMatch(/type Query \{/);
    expect(sdl).toMatch(/bookingEvents\(/);
    expect(sdl).toMatch(/"""\s*\n\s*Booking events of the viewer's tenant/);
    expect(sdl).not.toMatch(/join__|link__|_entities|_service/);
  });
});

describe('the fields that serve subscriptions', () => {
  const supergraph = parse(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8'));
  const internal = [...eventSubscriptionsOf(supergraph).values()].flatMap(({ filter, events }) => [filter, events]);

  it('are declared for every subscription of the supergraph', () => {
    expect([...eventSubscriptionsOf(supergraph).keys()].sort()).toEqual(Object.keys(buildSchema(readFileSync(new URL('../../schema/api.graphql', import.meta.url), 'utf8')).getSubscriptionType()!.getFields()).sort());
    expect(internal.length).toBeGreaterThan(0);
  });

  it('are neither in the public SDL, nor in introspection, nor answered by the router', async () => {
    const sdl = await fetch(`${stack.routerUrl}/schema.graphql`).then((response) => response.text());
    const introspected = await request<{ __schema: { queryType: { fields: { name: string }[] } } }, never>(stack.graphqlUrl, '{ __schema { queryType { fields { name } } } }');
    const queryFields = introspected.data!.__schema.queryType.fields.map((field) => field.name);
    for (const field of internal) {
      expect(sdl).not.toMatch(new RegExp(`\\b${field}\\(`));
      expect(queryFields).not.toContain(field);
      expect(errorCodes(await request(stack.graphqlUrl, `{ ${field} { __typename } }`)), field).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    expect(sdl).not.toMatch(/EventFilter|@eventSubscription/);
  });
});

describe('what the public port does not serve', () => {
  it('keeps metrics off the router’s public port', async () => {
    expect((await fetch(`${stack.routerUrl}/metrics`)).status).toBe(404);
  });
});
