import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveBookingsDocument, ProfileDocument } from '../../portals/__generated__/graphql.js';
import manifest from '../../portals/__generated__/persisted-documents.json' with { type: 'json' };
import { persistedQueryExtension, persistedRequestBody } from '../../portals/persisted-request.js';
import { TrustedDocuments } from '../../router/src/persisted-documents/trusted-documents.js';
import type { RunningServer } from '../../common/server/http.js';
import { metricSum } from '../../test/support/metrics.js';
import { startRouterReplica } from '../../test/support/replica.js';
import { createTenant, loginAdmin, registerStudent, type Member, type TenantFixture } from '../../test/support/seed-kit.js';
import { sharedTestStack, type TestStack } from '../../test/support/stack.js';
import { subscriptionClient, untilLive } from '../../test/support/subscription-client.js';
import { randomUUID } from 'node:crypto';

const PORTAL = 'https://student.example';

let stack: TestStack;
let tenant: TenantFixture;
let student: Member;
/** A router holding the portal's browsers to the trusted documents. */
let strict: RunningServer;

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
  strict = await startRouterReplica(stack, { CORS_ORIGINS: PORTAL, TRUSTED_DOCUMENTS_ONLY_FOR_PORTALS: 'true' });
});

afterAll(async () => {
  await strict?.stop();
});

interface Answer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function post(url: string, body: unknown, { token = student.token, origin }: { token?: string; origin?: string } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(origin ? { origin } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions?.code);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A document no portal was built with, unique to the test so no cache knows it yet. */
const adHoc = () => `query AdHoc { me { email } __typename_${randomUUID().replaceAll('-', '')}: __typename }`;

describe('a portal sending a trusted document', () => {
  it('sends its hash alone, from its first request on, and the operation is timed under its name', async () => {
    const timed = () => metricSum(stack.metricsUrl!, 'carrel_operation_duration_seconds_count', { operation: 'Profile', outcome: 'ok' });
    const before = await timed();
    const answer = await post(stack.graphqlUrl, persistedRequestBody(ProfileDocument));
    expect(answer).toMatchObject({ status: 200, data: { me: { email: student.email, role: 'STUDENT' } } });
    expect(answer.errors).toBeUndefined();
    expect(await timed()).toBe(before + 1);
  });

  it('subscribes by hash too (an empty query and the hash, as graphql-ws wants a string)', async () => {
    const socket = subscriptionClient(`${strict.url}/graphql`, tenant.owner.token, undefined, { origin: PORTAL });
    try {
      const live = socket.subscribe('', {}, persistedQueryExtension(LiveBookingsDocument));
      await untilLive(live, stack.bus, { tenantId: tenant.id, type: 'BOOKING_CREATED', keys: { bookingId: randomUUID(), seatId: randomUUID(), libraryId: randomUUID(), userId: randomUUID() } });
      expect(live.error).toBeNull();
    } finally {
      await socket.dispose();
    }
  });
});

describe('automatic persisted queries (APQ) for any client', () => {
  it('asks for the text of an unknown hash, registers it once sent, then runs it by hash', async () => {
    const query = adHoc();
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    const unknown = await post(stack.graphqlUrl, { extensions });
    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(unknown.status).toBeLessThan(500);

    expect(await post(stack.graphqlUrl, { query, extensions })).toMatchObject({ status: 200, data: { me: { email: student.email } } });
    await expect.poll(async () => (await post(stack.graphqlUrl, { extensions })).data).toMatchObject({ me: { email: student.email } });
  });

  it.runIf(process.env.REDIS_URL)('shares what was registered with every replica, through Redis', async () => {
    const query = adHoc();
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    expect((await post(stack.graphqlUrl, { query, extensions })).status).toBe(200);
    await expect.poll(async () => (await post(`${strict.url}/graphql`, { extensions })).data).toMatchObject({ me: { email: student.email } });
  });

  it('refuses a hash that does not match the text sent with it', async () => {
    const answer = await post(stack.graphqlUrl, { query: adHoc(), extensions: { persistedQuery: { version: 1, sha256Hash: sha256('something else') } } });
    expect(answer.status).toBe(400);
    expect(answer.data ?? null).toBeNull();
  });
});

describe('a router holding the portals to their trusted documents', () => {
  it('refuses a portal page anything else, by text or by registering it, with PERSISTED_QUERY_NOT_IN_LIST', async () => {
    const query = adHoc();
    const byText = await post(`${strict.url}/graphql`, { query }, { origin: PORTAL });
    expect(byText).toMatchObject({ status: 400, errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }] });
    expect(byText.data ?? null).toBeNull();

    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(query) } };
    expect(codes(await post(`${strict.url}/graphql`, { query, extensions }, { origin: PORTAL }))).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
    // Not registered by the refused attempt.
    expect(codes(await post(`${strict.url}/graphql`, { extensions }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('runs the portal’s own documents, by hash or by their exact text', async () => {
    expect(await post(`${strict.url}/graphql`, persistedRequestBody(ProfileDocument), { origin: PORTAL })).toMatchObject({ status: 200, data: { me: { email: student.email } } });
    const text = (manifest as Record<string, string>)[(ProfileDocument as { __meta__?: { hash?: string } }).__meta__!.hash!]!;
    expect(await post(`${strict.url}/graphql`, { query: text }, { origin: PORTAL })).toMatchObject({ status: 200, data: { me: { email: student.email } } });
  });

  it('leaves callers without a portal origin (integrators’ servers) free to send their own operations', async () => {
    expect(await post(`${strict.url}/graphql`, { query: adHoc() })).toMatchObject({ status: 200, data: { me: { email: student.email } } });
  });

  it('refuses a portal page’s subscription to anything else', async () => {
    const socket = subscriptionClient(`${strict.url}/graphql`, tenant.owner.token, undefined, { origin: PORTAL });
    try {
      const live = socket.subscribe('subscription { bookingEvents { eventId } }');
      await expect.poll(() => live.error).toEqual([expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } })]);
    } finally {
      await socket.dispose();
    }
  });
});

describe('a trusted-documents manifest', () => {
  it('stops the router when a document was edited by hand after generation', () => {
    const directory = mkdtempSync(join(tmpdir(), 'carrel-manifest-'));
    const [[key, body]] = Object.entries(manifest as Record<string, string>) as [[string, string]];
    const path = join(directory, 'persisted-documents.json');
    writeFileSync(path, JSON.stringify({ [key]: body.replace('query', 'query ') }));
    expect(() => TrustedDocuments.load([path])).toThrow(/another hash; regenerate it with npm run codegen/);
    expect(() => TrustedDocuments.load([join(directory, 'missing.json')])).toThrow(/does not exist/);
    writeFileSync(path, JSON.stringify({ [key]: body }));
    expect(TrustedDocuments.load([path]).size).toBe(1);
  });
});
