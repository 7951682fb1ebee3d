import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { operationLog } from '../../router/src/operation-log.js';
import { request } from '../../test/support/client.js';
import { metricSum } from '../../test/support/metrics.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';

let stack: TestStack;
let tenant: TenantFixture;
let student: Member;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const MY_BOOKINGS = 'query MyBookings($first: Int) { me { email tenant { name } bookings(first: $first) { nodes { id } } } }';
const OTHER_USERS = 'query Others { users(first: 5) { nodes { id } } }';

/** The operation lines the router writes while `send` runs. */
async function linesWhile(send: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const info = vi.spyOn(operationLog, 'info');
  await send();
  return info.mock.calls.map(([record]) => record as unknown as Record<string, unknown>);
}

describe('each operation through the router', () => {
  it('is one log line: what ran, for whom, how it ended and how long it took; never the document, variables or token', async () => {
    const lines = await linesWhile(() => request(stack.graphqlUrl, MY_BOOKINGS, { first: 7 }, student.token));
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatchObject({ operationName: 'MyBookings', type: 'query', outcome: 'ok', status: 200, errorCodes: [], tenantId: tenant.id, role: 'STUDENT' });
    expect(line!.durationMs).toEqual(expect.any(Number));
    expect(line!.requestId).toEqual(expect.any(String));
    const written = JSON.stringify(line);
    expect(written).not.toContain(student.token);
    expect(written).not.toContain('bookings(first');
    expect(written).not.toContain(student.email);
  });

  it('says a refusal is the client’s, with its codes', async () => {
    const lines = await linesWhile(() => request(stack.graphqlUrl, OTHER_USERS, {}, student.token));
    expect(lines).toEqual([expect.objectContaining({ operationName: 'Others', outcome: 'refused', errorCodes: ['FORBIDDEN'] })]);
  });

  it('is timed by type and outcome, its subgraph calls by subgraph, and its errors counted by code', async () => {
    const okQueries = () => metricSum(stack.metricsUrl!, 'carrel_operation_duration_seconds_count', { type: 'query', operation: '(ad hoc)', outcome: 'ok' });
    const refusedQueries = () => metricSum(stack.metricsUrl!, 'carrel_operation_duration_seconds_count', { type: 'query', outcome: 'refused' });
    const bookingsCalls = () => metricSum(stack.metricsUrl!, 'carrel_subgraph_call_duration_seconds_count', { subgraph: 'bookings', outcome: 'ok' });
    const forbidden = () => metricSum(stack.metricsUrl!, 'carrel_graphql_errors_total', { code: 'FORBIDDEN' });
    const before = { ok: await okQueries(), refused: await refusedQueries(), bookings: await bookingsCalls(), forbidden: await forbidden() };

    await request(stack.graphqlUrl, MY_BOOKINGS, { first: 3 }, student.token);
    await request(stack.graphqlUrl, OTHER_USERS, {}, student.token);

    expect(await okQueries()).toBe(before.ok + 1);
    expect(await refusedQueries()).toBe(before.refused + 1);
    expect(await bookingsCalls()).toBe(before.bookings + 1);
    expect(await forbidden()).toBe(before.forbidden + 1);
  });
});
