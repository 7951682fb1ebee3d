import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SUBGRAPHS } from '../../subgraphs/index.js';
import { call } from '../../stack/graphql-call.js';
import { metricSum } from '../support/metrics.js';
import { createTenant, loginAdmin, registerStudent, type Member } from '../support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Member;
beforeAll(async () => {
  stack = await sharedTestStack();
  admin = await loginAdmin(stack.graphqlUrl);
});

type Subgraph = (typeof SUBGRAPHS)[number]['name'];

/** A query text no other test sends: a comment of its own is part of the text. */
const fresh = (query: string) => `${query} # ${randomUUID()}`;

const ask = async (subgraph: Subgraph, query: string, variables: Record<string, unknown> = {}, token = admin.token) => {
  const response = await fetch(`${stack.subgraphs[subgraph].url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const headers = Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));
  return { status: response.status, headers, body: await response.text() };
};

const answeredKnown = (subgraph: Subgraph) => metricSum(stack.metricsUrl!, 'carrel_known_query_answers_total', { service: subgraph });

/** The answer to `query` from a text seen before and from one never seen, and how many of the two skipped Apollo Server. */
async function knownAndFirstTime(subgraph: Subgraph, query: string, variables: Record<string, unknown>, seenWith: Record<string, unknown>) {
  const text = fresh(query);
  await ask(subgraph, text, seenWith);
  const before = await answeredKnown(subgraph);
  const known = await ask(subgraph, text, variables);
  const firstTime = await ask(subgraph, fresh(query), variables);
  return { known, firstTime, skipped: (await answeredKnown(subgraph)) - before };
}

describe("queries a subgraph has validated before, answered without Apollo Server's pipeline", () => {
  it('answers the same status, headers and bytes as the first time', async () => {
    const query = fresh('{ me { id email displayName role } }');
    const first = await ask('users', query);
    const before = await answeredKnown('users');
    const again = await ask('users', query);
    expect(await answeredKnown('users')).toBe(before + 1);
    expect(again).toEqual(first);
    expect(JSON.parse(again.body)).toEqual({ data: { me: expect.objectContaining({ email: admin.email }) } });
  });

  it("answers the router's own plans: the second time a page is asked, its subgraph call skips Apollo Server", async () => {
    const query = '{ me { id email displayName } }';
    await call(stack.graphqlUrl, query, {}, admin.token);
    const before = await answeredKnown('users');
    expect(await call(stack.graphqlUrl, query, {}, admin.token)).toEqual({ me: expect.objectContaining({ email: admin.email }) });
    expect(await answeredKnown('users')).toBe(before + 1);
  });

  it("builds each request's own context: another caller of the same text gets their own answer", async () => {
    const tenant = await createTenant(stack.graphqlUrl, admin);
    const student = await registerStudent(stack.graphqlUrl, tenant.slug);
    const query = fresh('{ me { id email } }');
    await ask('users', query);
    const before = await answeredKnown('users');
    const theirs = JSON.parse((await ask('users', query, {}, student.token)).body);
    expect(await answeredKnown('users')).toBe(before + 1);
    expect(theirs).toEqual({ data: { me: { id: student.id, email: student.email } } });
  });

  it('sends variables that do not coerce through Apollo Server, refused as the first time', async () => {
    const { known, firstTime, skipped } = await knownAndFirstTime('users', 'query($first: Int) { users(first: $first) { nodes { id } } }', { first: 'ten' }, { first: 1 });
    expect(known.status).toBe(400);
    expect(known).toEqual(firstTime);
    expect(skipped).toBe(0);
  });

  it('sends control characters through Apollo Server, refused as the first time', async () => {
    const { known, firstTime, skipped } = await knownAndFirstTime('users', 'query($after: String) { users(after: $after) { nodes { id } } }', { after: 'a\u0000b' }, { after: null });
    expect(JSON.parse(known.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(known).toEqual(firstTime);
    expect(skipped).toBe(0);
  });

  it('sends variables that make it cost too much through Apollo Server, refused as the first time', async () => {
    const query = 'query($libraries: Int, $seats: Int) { libraries(first: $libraries) { nodes { seats(first: $seats) { nodes { id } } } } }';
    const { known, firstTime, skipped } = await knownAndFirstTime('bookings', query, { libraries: 100, seats: 100 }, { libraries: 1, seats: 1 });
    expect(JSON.parse(known.body).errors[0].extensions.code).toBe('OPERATION_TOO_COMPLEX');
    expect(known).toEqual(firstTime);
    expect(skipped).toBe(0);
  });

  it("answers a result with errors through Apollo Server, formatted as the first time", async () => {
    const { known, firstTime, skipped } = await knownAndFirstTime('users', 'query($first: Int) { users(first: $first) { nodes { id } } }', { first: 1_000 }, { first: 1 });
    expect(JSON.parse(known.body).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(known).toEqual(firstTime);
    expect(skipped).toBe(0);
  });

  it('never answers a mutation without Apollo Server', async () => {
    const mutation = fresh(`mutation { updateProfile(input: { displayName: "Known ${randomUUID().slice(0, 8)}" }) { id } }`);
    await ask('users', mutation);
    const before = await answeredKnown('users');
    expect((await ask('users', mutation)).status).toBe(200);
    expect(await answeredKnown('users')).toBe(before);
  });
});
