import { randomUUID } from 'node:crypto';
import { print } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { CreateBookingDocument, CreateLibraryDocument, LoginDocument, RegisterDocument } from '../../test/__generated__/operations.js';
import { createLibraryWithSeats, libraryInput, nextSlot, period, type LibraryFixture } from '../../test/support/library-kit.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../test/support/seed-kit.js';
import { metricSum } from '../../test/support/metrics.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';
import { subscriptionClient } from '../../test/support/subscription-client.js';

let stack: TestStack;
let tenant: TenantFixture;
let student: Member;
let fixture: LibraryFixture;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
  fixture = await createLibraryWithSeats(stack.graphqlUrl, tenant.owner, { seats: 1 });
});

interface Sent {
  status: number;
  body: string;
}

/** POSTs `body` (JSON-encoded unless a string) to the router, as a portal or a script would. */
async function post(body: unknown, { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {}): Promise<Sent> {
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.text() };
}

/** The `server faults` counter: errors the services logged at error level, with their stack. */
const serverFaults = () => metricSum(stack.metricsUrl!, 'carrel_unexpected_errors_total');

const slot = () => period(nextSlot(24 * 60), 60);
const NUL = '\u0000';

/**
 * Client mistakes, each with the status and code a client gets. `token: 'student'` sends the
 * student's token; the rest are anonymous.
 */
const MISTAKES: { mistake: string; send: () => Promise<Sent>; status: number; code: string }[] = [
  { mistake: 'an unknown operationName', send: () => post({ query: 'query A { __typename }', operationName: 'B' }), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { mistake: 'two operations and no operationName', send: () => post({ query: 'query A { __typename } query B { __typename }' }), status: 400, code: 'OPERATION_RESOLUTION_FAILURE' },
  { mistake: 'a subscription over HTTP POST', send: () => post({ query: 'subscription { bookingEvents { eventId } }' }, { token: student.token }), status: 400, code: 'BAD_REQUEST' },
  {
    mistake: 'an invalid DateTime in variables',
    send: () => post({ query: 'query($l: ID!, $s: DateTime!, $e: DateTime!) { seatAvailability(libraryId: $l, startsAt: $s, endsAt: $e) { free } }', variables: { l: fixture.library.id, s: 'tomorrow', e: 'later' } }, { token: student.token }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    mistake: 'an invalid DateTime written in the document',
    send: () => post({ query: `{ seatAvailability(libraryId: "${fixture.library.id}", startsAt: "tomorrow", endsAt: "later") { free } }` }, { token: student.token }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    mistake: 'an out-of-range SafeInt in variables',
    send: () => post({ query: print(CreateLibraryDocument), variables: { input: libraryInput({ hourlyPrice: { amountMinor: 2 ** 60, currency: 'INR' } }) } }, { token: tenant.owner.token }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    mistake: 'a fractional SafeInt in variables',
    send: () => post({ query: print(CreateLibraryDocument), variables: { input: libraryInput({ hourlyPrice: { amountMinor: 1.5, currency: 'INR' } }) } }, { token: tenant.owner.token }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  { mistake: 'a NUL byte in login', send: () => post({ query: print(LoginDocument), variables: { input: { email: `a${NUL}@example.test`, password: `x${NUL}`, tenantSlug: `t${NUL}` } } }), status: 400, code: 'BAD_USER_INPUT' },
  {
    mistake: 'a NUL byte in register',
    send: () => post({ query: print(RegisterDocument), variables: { input: { tenantSlug: tenant.slug, email: `n${NUL}@example.test`, password: 'long-enough-password', displayName: `N${NUL}` } } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  { mistake: 'a NUL byte in tenantBySlug', send: () => post({ query: 'query($s: String!) { tenantBySlug(slug: $s) { name } }', variables: { s: `x${NUL}y` } }), status: 400, code: 'BAD_USER_INPUT' },
  { mistake: 'a NUL byte written in the document', send: () => post({ query: '{ tenantBySlug(slug: "x\\u0000y") { name } }' }), status: 400, code: 'BAD_USER_INPUT' },
  { mistake: 'a control character in a name', send: () => post({ query: print(CreateLibraryDocument), variables: { input: libraryInput({ name: 'Bell\u0007' }) } }, { token: tenant.owner.token }), status: 400, code: 'BAD_USER_INPUT' },
  { mistake: 'an id that is not a UUID', send: () => post({ query: '{ library(id: "not-a-uuid") { name } }' }, { token: student.token }), status: 200, code: 'NOT_FOUND' },
  { mistake: 'a booking on a seat id that is not a UUID', send: () => post({ query: print(CreateBookingDocument), variables: { input: { seatId: 'seat-1', ...slot() } } }, { token: student.token }), status: 200, code: 'NOT_FOUND' },
  { mistake: 'a cursor that was never issued', send: () => post({ query: '{ libraries(after: "garbage") { nodes { id } } }' }, { token: student.token }), status: 200, code: 'BAD_USER_INPUT' },
  { mistake: 'a page larger than 100', send: () => post({ query: '{ libraries(first: 101) { nodes { id } } }' }, { token: student.token }), status: 200, code: 'BAD_USER_INPUT' },
  { mistake: 'an enum value that does not exist', send: () => post({ query: 'query($s: BookingStatus) { myBookings(status: $s) { nodes { id } } }', variables: { s: 'LOST' } }, { token: student.token }), status: 400, code: 'BAD_USER_INPUT' },
  { mistake: 'a missing required variable', send: () => post({ query: 'query($id: ID!) { library(id: $id) { name } }' }, { token: student.token }), status: 400, code: 'BAD_USER_INPUT' },
  { mistake: 'variables that are not an object', send: () => post({ query: '{ __typename }', variables: [1] }), status: 400, code: 'BAD_REQUEST' },
  { mistake: 'a query that is not a string', send: () => post({ query: { not: 'a string' } }), status: 400, code: 'BAD_REQUEST' },
  { mistake: 'no query at all', send: () => post({}), status: 400, code: 'BAD_REQUEST' },
  { mistake: 'a batch of operations', send: () => post([{ query: '{ __typename }' }, { query: '{ __typename }' }]), status: 400, code: 'BAD_REQUEST' },
  { mistake: 'a body that is not JSON', send: () => post('{"query": '), status: 400, code: 'BAD_USER_INPUT' },
  { mistake: 'an unknown field', send: () => post({ query: '{ nothingHere }' }), status: 400, code: 'GRAPHQL_VALIDATION_FAILED' },
  { mistake: 'a syntax error', send: () => post({ query: '{ me { id ' }), status: 400, code: 'GRAPHQL_PARSE_FAILED' },
  { mistake: 'a malformed token', send: () => post({ query: '{ me { id } }' }, { token: 'not.a.token' }), status: 401, code: 'UNAUTHENTICATED' },
  { mistake: 'a mutation over GET', send: async () => {
      const response = await fetch(`${stack.graphqlUrl}?query=${encodeURIComponent('mutation { logout(refreshToken: "x") }')}`, { headers: { 'apollo-require-preflight': 'true' } });
      return { status: response.status, body: await response.text() };
    }, status: 405, code: 'BAD_REQUEST' },
  { mistake: 'a form post without a preflight (CSRF)', send: () => post('query=%7B__typename%7D', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }), status: 400, code: 'BAD_REQUEST' },
  { mistake: 'an unknown persisted query hash', send: () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), status: 200, code: 'PERSISTED_QUERY_NOT_FOUND' },
  { mistake: 'a negative page size', send: () => post({ query: '{ libraries(first: -1) { nodes { id } } }' }, { token: student.token }), status: 200, code: 'BAD_USER_INPUT' },
  { mistake: 'a name far too long', send: () => post({ query: print(CreateLibraryDocument), variables: { input: libraryInput({ name: 'n'.repeat(10_000) }) } }, { token: tenant.owner.token }), status: 200, code: 'BAD_USER_INPUT' },
  { mistake: 'a time zone that does not exist', send: () => post({ query: print(CreateLibraryDocument), variables: { input: libraryInput({ timezone: 'Mars/Olympus' }) } }, { token: tenant.owner.token }), status: 200, code: 'BAD_USER_INPUT' },
  {
    mistake: 'a currency that does not exist',
    send: () => post({ query: print(CreateLibraryDocument), variables: { input: libraryInput({ hourlyPrice: { amountMinor: 100, currency: 'XXZ' } }) } }, { token: tenant.owner.token }),
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  {
    mistake: 'a booking that ends before it starts',
    send: () => {
      const { startsAt, endsAt } = slot();
      return post({ query: print(CreateBookingDocument), variables: { input: { seatId: fixture.seats[0]!.id, startsAt: endsAt, endsAt: startsAt } } }, { token: student.token });
    },
    status: 200,
    code: 'BAD_USER_INPUT',
  },
  { mistake: 'a GET without the preflight header (CSRF)', send: async () => {
      const response = await fetch(`${stack.graphqlUrl}?query=${encodeURIComponent('{ __typename }')}`);
      return { status: response.status, body: await response.text() };
    }, status: 400, code: 'BAD_REQUEST' },
  { mistake: 'a booking id that is almost a UUID', send: () => post({ query: `{ booking(id: "${randomUUID()}x") { id } }` }, { token: student.token }), status: 200, code: 'NOT_FOUND' },
];

describe('a client mistake', () => {
  it('over the WebSocket (a NUL byte, an enum value that does not exist) ends that subscription with its code, not the connection', async () => {
    const client = subscriptionClient(stack.graphqlUrl, tenant.owner.token);
    try {
      await client.connected();
      const nul = client.subscribe('subscription($l: ID) { bookingEvents(libraryId: $l) { eventId } }', { l: `x${NUL}` });
      const lost = client.subscribe('subscription($t: [BookingEventType!]) { bookingEvents(types: $t) { eventId } }', { t: ['LOST'] });
      await expect.poll(() => nul.error && lost.error).not.toBeNull();
      for (const refused of [nul, lost]) expect(refused.error).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
      expect(client.closeCodes).toEqual([]);
    } finally {
      await client.dispose();
    }
  });


  it('with a NUL byte, sent to a subgraph directly, is refused there the same way', async () => {
    const faultsBefore = await serverFaults();
    const response = await fetch(`${stack.subgraphs.tenants.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query($s: String!) { tenantBySlug(slug: $s) { name } }', variables: { s: `x${NUL}y` } }),
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(await serverFaults()).toBe(faultsBefore);
  });

  it.each(MISTAKES)('$mistake: HTTP $status, $code, no stack, and no server fault logged', async ({ send, status, code }) => {
    const faultsBefore = await serverFaults();
    const { status: actualStatus, body } = await send();
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
    expect({ status: actualStatus, codes: (parsed.errors ?? []).map((error) => error.extensions?.code) }).toEqual({ status, codes: [code] });
    expect(body).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\.ts:\d+|stacktrace/i);
    expect(await serverFaults()).toBe(faultsBefore);
  });
});
