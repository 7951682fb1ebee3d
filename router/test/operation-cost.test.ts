import { randomUUID } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryEventBus } from '../../common/events/memory-bus.js';
import { MAX_OPERATION_COST } from '../../common/operations/cost.js';
import { MAX_PAGE_SIZE } from '../../common/pagination.js';
import { errorCodes, request } from '../../test/support/client.js';
import { createLibraryWithSeats, type LibraryFixture } from '../../test/support/library-kit.js';
import { createTenant, loginAdmin, type TenantFixture } from '../../test/support/seed-kit.js';
import { routerConfigBeside } from '../../test/support/replica.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';
import { subgraphStandIn } from '../../test/support/subgraph-stand-in.js';
import { subscriptionClient } from '../../test/support/subscription-client.js';
import { startRouter, type RunningRouter } from '../src/server.js';

let stack: TestStack;
let tenant: TenantFixture;
let fixture: LibraryFixture;
/** The bookings subgraph as a second router reaches it: through a stand-in that counts connections. */
let bookings: Awaited<ReturnType<typeof subgraphStandIn>>;
let router: RunningRouter;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  fixture = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 2 });
  bookings = await subgraphStandIn(stack.subgraphs.bookings.url);
  const beside = routerConfigBeside(stack);
  router = await startRouter({
    ...beside,
    subgraphUrls: { ...beside.subgraphUrls, bookings: bookings.url },
    bus: new MemoryEventBus(),
    subgraphTimeoutMs: 5_000,
  });
});

afterAll(async () => {
  await router?.stop();
  await bookings?.close();
});

/** Seats of the library, each with its library's seats, each with its library's seats: n³ rows from one page size. */
const AMPLIFIED_BY_VARIABLE = `query Amplified($id: ID!, $n: Int) {
  library(id: $id) { seats(first: $n) { nodes { library { seats(first: $n) { nodes { library { seats(first: $n) { nodes { id } } } } } } } } }
}`;
const amplifiedByLiteral = (n: number) => AMPLIFIED_BY_VARIABLE.replace('$n: Int', '').replaceAll('$n', String(n));
/** The same with the page left to the schema's default (50). */
const AMPLIFIED_BY_DEFAULT = AMPLIFIED_BY_VARIABLE.replace(', $n: Int', '').replaceAll('(first: $n)', '');

const costOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.cost;

describe('the cost of an operation', () => {
  it('counts a page size passed as a variable: the amplification is refused before any subgraph is called', async () => {
    const before = bookings.connections();
    const response = await request(`${router.url}/graphql`, AMPLIFIED_BY_VARIABLE, { id: fixture.library.id, n: MAX_PAGE_SIZE }, tenant.owner.token);
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(errorCodes(response)).toEqual(['OPERATION_TOO_COMPLEX']);
    expect(response.errors![0]!.extensions).toMatchObject({ maxCost: MAX_OPERATION_COST });
    expect(costOf(response)).toBeGreaterThan(MAX_PAGE_SIZE ** 3);
    expect(bookings.connections()).toBe(before);

    // The same operation with small pages is answered, through the same stand-in.
    const small = await request(`${router.url}/graphql`, AMPLIFIED_BY_VARIABLE, { id: fixture.library.id, n: 2 }, tenant.owner.token);
    expect(small.errors).toBeUndefined();
    expect(small.data).toMatchObject({ library: { seats: { nodes: [{ library: { seats: { nodes: expect.any(Array) } } }, expect.anything()] } } });
    expect(bookings.connections()).toBeGreaterThan(before);
  });

  it('is the same whether the page size is a literal, a variable or the schema default', async () => {
    const literal = await request(stack.graphqlUrl, amplifiedByLiteral(MAX_PAGE_SIZE), { id: fixture.library.id }, tenant.owner.token);
    const variable = await request(stack.graphqlUrl, AMPLIFIED_BY_VARIABLE, { id: fixture.library.id, n: MAX_PAGE_SIZE }, tenant.owner.token);
    expect(errorCodes(literal)).toEqual(['OPERATION_TOO_COMPLEX']);
    expect(costOf(literal)).toBe(costOf(variable));

    const byDefault = await request(stack.graphqlUrl, AMPLIFIED_BY_DEFAULT, { id: fixture.library.id }, tenant.owner.token);
    const fifty = await request(stack.graphqlUrl, amplifiedByLiteral(50), { id: fixture.library.id }, tenant.owner.token);
    expect(errorCodes(byDefault)).toEqual(['OPERATION_TOO_COMPLEX']);
    expect(costOf(byDefault)).toBe(costOf(fifty));
  });

  it('counts each request’s own page size, whatever the same document was sent with before', async () => {
    // A fresh document (the alias makes its text new to every cache), first with small pages.
    const document = AMPLIFIED_BY_VARIABLE.replace('library(id: $id)', 'fresh: library(id: $id)');
    for (const url of [`${router.url}/graphql`, `${stack.subgraphs.bookings.url}/graphql`]) {
      const small = await request(url, document, { id: fixture.library.id, n: 2 }, tenant.owner.token);
      expect(small.errors).toBeUndefined();
      const mistaken = await request(url, document, { id: fixture.library.id, n: 'many' }, tenant.owner.token);
      expect(errorCodes(mistaken)).toEqual(['BAD_USER_INPUT']);
      const large = await request(url, document, { id: fixture.library.id, n: MAX_PAGE_SIZE }, tenant.owner.token);
      expect(errorCodes(large)).toEqual(['OPERATION_TOO_COMPLEX']);
      expect(costOf(large)).toBeGreaterThan(MAX_PAGE_SIZE ** 3);
      const again = await request(url, document, { id: fixture.library.id, n: 2 }, tenant.owner.token);
      expect(again.errors).toBeUndefined();
    }
  });

  it('is refused by the subgraph itself when reached without the router', async () => {
    const response = await request(`${stack.subgraphs.bookings.url}/graphql`, AMPLIFIED_BY_VARIABLE, { id: fixture.library.id, n: MAX_PAGE_SIZE }, tenant.owner.token);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['OPERATION_TOO_COMPLEX']);
    expect(response.data).toBeUndefined();
  });

  it('counts the events a subgraph is asked to read at once, and reads at most a page of them', async () => {
    const url = `${stack.subgraphs.bookings.url}/graphql`;
    const events = `query Events($ids: [ID!]!) { bookingEventsByIds(eventIds: $ids) { booking { library { seats(first: 100) { nodes { id } } } } } }`;
    const ids = (count: number) => Array.from({ length: count }, () => randomUUID());
    // 203 per event, the events field 1: 24 events fit the limit, 25 do not.
    expect(errorCodes(await request(url, events, { ids: ids(24) }, tenant.owner.token))).toEqual([]);
    const costly = await request(url, events, { ids: ids(25) }, tenant.owner.token);
    expect(errorCodes(costly)).toEqual(['OPERATION_TOO_COMPLEX']);
    expect(costOf(costly)).toBe(1 + 25 * 203);
    const many = await request(url, `query Events($ids: [ID!]!) { bookingEventsByIds(eventIds: $ids) { eventId } }`, { ids: ids(MAX_PAGE_SIZE + 1) }, tenant.owner.token);
    expect(errorCodes(many)).toEqual(['BAD_USER_INPUT']);
  });

  it('applies to subscriptions: a selection that would cost too much per event is refused', async () => {
    const client = subscriptionClient(stack.graphqlUrl, tenant.owner.token);
    try {
      await client.connected();
      const costly = client.subscribe(
        `subscription Costly($n: Int) { bookingEvents { booking { library { seats(first: $n) { nodes { library { seats(first: $n) { nodes { id label zone } } } } } } } } }`,
        { n: MAX_PAGE_SIZE },
      );
      await expect.poll(() => costly.error).not.toBeNull();
      expect(costly.error).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_TOO_COMPLEX', maxCost: MAX_OPERATION_COST }) })]);
    } finally {
      await client.dispose();
    }
  });
});

/** `__schema { types { fields { type { ofType { ofType … } } } } }`, `levels` of `ofType`. */
const ofTypeChain = (levels: number) => `{ __schema { types { fields { type { ${'ofType { '.repeat(levels)}name${' }'.repeat(levels)} } } } } }`;

describe('introspection', () => {
  it('answers the standard introspection query (GraphiQL, codegen), from the router and a subgraph', async () => {
    for (const url of [stack.graphqlUrl, `${stack.subgraphs.bookings.url}/graphql`]) {
      const response = await request<{ __schema: { types: unknown[] } }, never>(url, getIntrospectionQuery());
      expect(response.errors).toBeUndefined();
      expect(response.data!.__schema.types.length).toBeGreaterThan(10);
    }
  });

  it('refuses an ofType chain built to make the server walk, with OPERATION_TOO_COMPLEX', async () => {
    const deep = await request(stack.graphqlUrl, ofTypeChain(20));
    expect(deep.status).toBe(400);
    expect(deep.errors).toEqual([{ message: expect.stringMatching(/^Introspection depth limit of 15 exceeded/), extensions: { code: 'OPERATION_TOO_COMPLEX' } }]);

    const direct = await request(`${stack.subgraphs.bookings.url}/graphql`, ofTypeChain(20));
    expect(direct.status).toBe(400);
    expect(direct.errors?.[0]?.message).toMatch(/^Introspection depth limit/);
  });
});
