import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../test/support/isolation-kit.js';
import { startOtlpCollector, type CollectedSpan } from '../../test/support/otlp-collector.js';
import { createTenant, loginAdmin, registerStudent, type Member } from '../../test/support/seed-kit.js';
import { startTestStack, type TestStack } from '../../test/support/stack.js';

let collector: Awaited<ReturnType<typeof startOtlpCollector>>;
let stack: TestStack;
let student: Member;

beforeAll(async () => {
  collector = await startOtlpCollector();
  stack = await startTestStack({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '100' } });
  const admin = await loginAdmin(stack.graphqlUrl);
  student = await registerStudent(stack.graphqlUrl, (await createTenant(stack.graphqlUrl, admin)).slug);
});

afterAll(async () => {
  await stack?.stop();
  await collector?.stop();
});

/** A page needing three subgraphs: users (me), tenants (tenant), bookings (bookings). */
const PAGE = 'query Page { me { email tenant { name } bookings(first: 5) { nodes { id } } } }';
const SUBGRAPHS_OF_PAGE = ['users', 'tenants', 'bookings'];

async function post(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(stack.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${student.token}`, ...headers },
    body: JSON.stringify({ query }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
}

const isServerSpanOf = (span: CollectedSpan, service: string) => span.kind === 2 && span.attributes['carrel.service'] === service;

describe('a request sent to a collector', () => {
  it('is one trace from the client’s span through the router, the gateway’s plan and fetches, each subgraph and its SQL', async () => {
    const traceId = randomBytes(16).toString('hex');
    const clientSpanId = randomBytes(8).toString('hex');
    await post(PAGE, { traceparent: `00-${traceId}-${clientSpanId}-01` });

    const subgraphStatements = () => SUBGRAPHS_OF_PAGE.every((service) => collector.trace(traceId).some((span) => span.name === 'db SELECT' && span.attributes['carrel.service'] === service));
    await until('the trace reaches the collector', () => subgraphStatements() && collector.trace(traceId).some((span) => isServerSpanOf(span, 'router')));
    const spans = collector.trace(traceId);
    const byId = new Map(spans.map((span) => [span.spanId, span]));
    const ancestors = (span: CollectedSpan): CollectedSpan[] => {
      const parent = byId.get(span.parentSpanId);
      return parent ? [parent, ...ancestors(parent)] : [];
    };

    const router = spans.find((span) => isServerSpanOf(span, 'router'))!;
    expect(router).toMatchObject({ name: 'POST /graphql', parentSpanId: clientSpanId });
    expect(router.attributes).toMatchObject({ 'graphql.operation.name': 'Page', 'graphql.operation.type': 'query', 'http.response.status_code': 200 });
    for (const span of spans.filter((span) => span !== router)) expect(byId.has(span.parentSpanId), `${span.name} has its parent in the trace`).toBe(true);
    for (const name of ['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) expect(spans.map((span) => span.name)).toContain(name);

    for (const service of SUBGRAPHS_OF_PAGE) {
      const served = spans.filter((span) => isServerSpanOf(span, service));
      expect(served.length, `${service} requests`).toBeGreaterThan(0);
      for (const span of served) expect(byId.get(span.parentSpanId)).toMatchObject({ name: 'gateway.fetch', attributes: { service } });
      const statements = spans.filter((span) => span.name.startsWith('db ') && span.attributes['carrel.service'] === service);
      for (const statement of statements) {
        expect(statement.attributes['db.query.text']).toEqual(expect.any(String));
        expect(ancestors(statement).some((span) => isServerSpanOf(span, service)), `${service}: ${statement.attributes['db.query.text']}`).toBe(true);
      }
    }
  });

  it('without a traceparent starts a trace of its own; background work (the outbox relays polling) starts none', async () => {
    await post('query Alone { me { email } }');
    const routerSpan = () => collector.spans.find((span) => isServerSpanOf(span, 'router') && span.attributes['graphql.operation.name'] === 'Alone');
    await until('the trace reaches the collector', () => routerSpan() !== undefined);
    const router = routerSpan()!;
    expect(router.parentSpanId ?? '').toBe('');
    expect(collector.trace(router.traceId).some((span) => isServerSpanOf(span, 'users'))).toBe(true);

    const roots = collector.spans.filter((span) => !span.parentSpanId);
    expect(roots.length).toBeGreaterThan(0);
    for (const root of roots) expect(root.kind, `${root.name} is a request`).toBe(2);
  });
});
