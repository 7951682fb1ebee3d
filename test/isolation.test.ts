import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolvableEntities, rootFieldsOf } from '../router/src/supergraph.js';
import { SUBGRAPHS, type SubgraphName } from '../subgraphs/index.js';
import { RefreshSessionDocument } from './__generated__/operations.js';
import { errorCodes, request, type GraphQLResponse } from './support/client.js';
import { recordEvents, type EventRecorder } from './support/event-recorder.js';
import { ROLES, type CoreSide, type CoreWorld, type IsolationCases, type IsolationHelpers, type Representation, type World } from './support/isolation-kit.js';
import { createMember, createTenant, loginAdmin, registerStudent } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

/**
 * A member of tenant A names an object of tenant B in every way the public API allows, and must
 * learn nothing: not B's data, not even whether the object exists. Each subgraph says how its
 * fields and entities are attacked in its own `test/isolation.cases.ts`; this file finds the root
 * fields (public and internal) and the entities to cover in the supergraph, so one added later
 * fails here until its subgraph supplies a case, and a subgraph added to the registry fails until
 * it supplies its file.
 */

const supergraph = parse(readFileSync(new URL('../schema/supergraph.graphql', import.meta.url), 'utf8'));
const rootFields = rootFieldsOf(supergraph);
const entities = resolvableEntities(supergraph);

const casesOf = new Map<string, IsolationCases<unknown>>();
const withoutCases: string[] = [];
for (const { name } of SUBGRAPHS) {
  if (!existsSync(new URL(`../subgraphs/${name}/test/isolation.cases.ts`, import.meta.url))) {
    withoutCases.push(name);
    continue;
  }
  const module = (await import(`../subgraphs/${name}/test/isolation.cases.ts`)) as { default: IsolationCases<unknown> };
  casesOf.set(name, module.default);
}

let core: CoreWorld;
const fixtures = new Map<string, unknown>();
/** The world as the subgraph's cases see it: the core, and what that subgraph set up. */
const worldOf = (subgraph: string): World<unknown> => ({ ...core, own: fixtures.get(subgraph) });

async function coreSide(stack: TestStack, admin: CoreWorld['admin'], label: 'A' | 'B'): Promise<CoreSide> {
  const tenant = await createTenant(stack.graphqlUrl, admin);
  const staff = await createMember(stack.graphqlUrl, tenant.owner, tenant.id, tenant.slug, 'STAFF');
  const student = await registerStudent(stack.graphqlUrl, tenant.slug, `Student of ${label}`);
  return { id: tenant.id, slug: tenant.slug, name: `Tenant ${tenant.slug}`, members: { OWNER: tenant.owner, STAFF: staff, STUDENT: student } };
}

beforeAll(async () => {
  const stack = await sharedTestStack();
  // Listening before anything happens: the tests need the ids of events that subscribers receive.
  const recorder: EventRecorder = await recordEvents(stack.bus);
  try {
    const admin = await loginAdmin(stack.graphqlUrl);
    core = { stack, admin, a: await coreSide(stack, admin, 'A'), b: await coreSide(stack, admin, 'B'), recorder };
    // One subgraph after another, in registry order: a setup may suspend a tenant for a while.
    for (const [name, cases] of casesOf) fixtures.set(name, await cases.setUp(core));
  } finally {
    await recorder.stop();
  }
});

/** Strings only B's data contains: none may appear in anything A receives. */
function secretsOfB(): string[] {
  const members = Object.values(core.b.members);
  return [
    core.b.id,
    core.b.slug,
    ...members.map((member) => member.id),
    ...members.map((member) => member.email),
    ...[...casesOf].flatMap(([name, cases]) => cases.secretsOfB(worldOf(name))),
  ];
}

const helpers: IsolationHelpers = {
  expectNothingOfB(response, named = []) {
    const body = JSON.stringify(response);
    const secrets = secretsOfB().filter((secret) => !named.includes(secret));
    expect(secrets.filter((secret) => body.toLowerCase().includes(secret.toLowerCase()))).toEqual([]);
  },

  observable: (response) => ({
    status: response.status,
    data: response.data,
    errors: response.errors?.map(({ message, extensions }) => ({ message, extensions })),
  }),

  /** B as a platform admin sees it, and whether each of B's members can still renew their session. */
  async snapshotOfB() {
    // One query per subgraph's part, as a whole tenant in one would cost more than an operation may.
    const parts = await Promise.all(
      [...casesOf.values()].map((cases) => request(core.stack.graphqlUrl, `query SnapshotOfB($id: ID!) { ${cases.snapshotOfB} }`, { id: core.b.id }, core.admin.token)),
    );
    for (const part of parts) expect(part.errors).toBeUndefined();
    const response = { data: Object.assign({}, ...parts.map((part) => part.data)) as unknown };
    const sessions: Record<string, unknown> = {};
    for (const role of ROLES) {
      const member = core.b.members[role];
      const refreshed = await request(core.stack.graphqlUrl, RefreshSessionDocument, { refreshToken: member.refreshToken });
      if (refreshed.data?.refreshSession) {
        member.refreshToken = refreshed.data.refreshSession.refreshToken;
        member.token = refreshed.data.refreshSession.accessToken;
      }
      sessions[role] = refreshed.data?.refreshSession ? 'renews' : errorCodes(refreshed);
    }
    return { data: response.data, sessions };
  },
};
const { expectNothingOfB, observable, snapshotOfB } = helpers;

/** B as last seen, after the attacks of the field before. */
let lastSnapshotOfB: unknown;

const rootOf = (response: GraphQLResponse<unknown>, field: string) => (response.data as Record<string, unknown> | null | undefined)?.[field];
/** Where a root field is asked: the router for the API's fields, the subgraph itself for internal ones, which the router does not serve. */
const urlOf = (subgraph: string, internal: boolean) => (internal ? `${core.stack.subgraphs[subgraph as SubgraphName].url}/graphql` : core.stack.graphqlUrl);

describe('the cases', () => {
  it('come from every subgraph of the registry', () => {
    expect(withoutCases, 'Add test/isolation.cases.ts to these subgraphs').toEqual([]);
  });

  it('have an entry for every root Query and Mutation field, public or internal, in the subgraph that resolves it', () => {
    const missing = rootFields.filter(({ root, field, subgraph }) => !casesOf.get(subgraph)?.rootFields[root]?.[field]).map(({ root, field, subgraph }) => `${root}.${field} (${subgraph})`);
    expect(missing, 'Add how a member of tenant A would aim these fields at tenant B').toEqual([]);
  });

  it('name no field the supergraph does not have, or that another subgraph resolves', () => {
    const known = new Set(rootFields.map(({ root, field, subgraph }) => `${subgraph}: ${root}.${field}`));
    const stale = [...casesOf].flatMap(([subgraph, cases]) =>
      Object.entries(cases.rootFields).flatMap(([root, fields]) => Object.keys(fields ?? {}).map((field) => `${subgraph}: ${root}.${field}`)),
    );
    expect(stale.filter((name) => !known.has(name))).toEqual([]);
  });

  it('give a reason wherever a field takes no foreign id', () => {
    const unexplained = [...casesOf.values()].flatMap((cases) =>
      Object.entries(cases.rootFields).flatMap(([root, fields]) =>
        Object.entries(fields ?? {}).filter(([, entry]) => 'noForeignId' in entry && entry.noForeignId.trim().length < 10).map(([field]) => `${root}.${field}`),
      ),
    );
    expect(unexplained).toEqual([]);
  });

  it('have a case for every entity a subgraph resolves by @key', () => {
    const missing = entities.filter(({ type, subgraph }) => !casesOf.get(subgraph)?.entities[type]).map(({ type, subgraph }) => `${type} in ${subgraph}`);
    expect(missing, 'Add how tenant A would resolve tenant B’s entity').toEqual([]);
  });

  it('name no entity the supergraph does not have', () => {
    const known = new Set(entities.map(({ type, subgraph }) => `${type} in ${subgraph}`));
    const stale = [...casesOf].flatMap(([subgraph, cases]) => Object.keys(cases.entities).map((type) => `${type} in ${subgraph}`));
    expect(stale.filter((name) => !known.has(name))).toEqual([]);
  });
});

for (const { root, field, subgraph, internal } of rootFields) {
  const entry = casesOf.get(subgraph)?.rootFields[root]?.[field];
  if (!entry || 'noForeignId' in entry) continue;
  const refusalFor = (role: (typeof ROLES)[number]) => (typeof entry.refusal === 'string' ? entry.refusal : entry.refusal[role]);

  describe(`${root}.${field} aimed at tenant B${internal ? ` (internal, asked of the ${subgraph} subgraph)` : ''}`, () => {
    // No attack may change B, so the first role's snapshot stands for every role's "before", and
    // one taken after the last role's attacks answers for all three: a snapshot asks every
    // subgraph and renews B's sessions, and a field's three roles run one after another. The
    // snapshot after the previous field's attacks is this field's "before": nothing but attacks
    // and controls on A runs between them, so a change of B by either still shows.
    let before: unknown;
    it.each(ROLES)('is refused to A’s %s without a trace of B', async (role) => {
      const world = worldOf(subgraph);
      const url = urlOf(subgraph, internal);
      const attacker = world.a.members[role];
      before ??= lastSnapshotOfB ?? (await snapshotOfB());
      const refusal = refusalFor(role);
      // All at once: a user id a tenant does not know is looked for a while (they may have just
      // joined), and no attempt depends on another. Naming nothing is asked once, for every
      // target to be compared with.
      const [elsewhere, attempts] = await Promise.all([
        entry.nowhere ? request(url, entry.document, entry.nowhere(world), attacker.token) : undefined,
        Promise.all(Object.entries(entry.targets(world)).map(async ([label, variables]) => ({ label, variables, response: await request(url, entry.document, variables, attacker.token) }))),
      ]);
      for (const { label, variables, response } of attempts) {
        expect(errorCodes(response), `${field} naming ${label}`).toEqual(refusal === 'NULL' || refusal === 'NULL_ITEMS' ? [] : [refusal]);
        if (refusal === 'NULL_ITEMS') expect(response.data, `${field} naming ${label}`).toEqual({ [field]: [null] });
        else expect(rootOf(response, field) ?? null, `${field} naming ${label}`).toBeNull();
        if (refusal === 'NULL') expect(response.data, `${field} naming ${label}`).toEqual({ [field]: null });
        expectNothingOfB(response);
        if (elsewhere) expect(observable(response), `${field} naming ${label} must look like naming nothing`).toEqual(observable(elsewhere));
        await entry.leavesNoTrace?.(variables, world);
      }
      if (role === ROLES.at(-1)) {
        lastSnapshotOfB = await snapshotOfB();
        expect(lastSnapshotOfB, `B after the attacks of ${ROLES.join(', ')}`).toEqual(before);
      }
    });

    for (const control of entry.controls ?? []) {
      it(`works for A’s ${control.as.toLowerCase()} on A’s own objects, showing nothing of B`, async () => {
        const world = worldOf(subgraph);
        const response = await request(urlOf(subgraph, internal), entry.document, control.variables(world), world.a.members[control.as].token);
        expect(response.errors).toBeUndefined();
        expect(rootOf(response, field)).toBeTruthy();
        // A list of what A's own ids name: each of them read, none refused.
        if (Array.isArray(rootOf(response, field))) expect(rootOf(response, field)).not.toContain(null);
        expectNothingOfB(response);
      });
    }
  });
}

for (const { type, subgraph } of entities) {
  const entityCase = casesOf.get(subgraph)?.entities[type];
  if (!entityCase) continue;
  const { stranger } = entityCase;
  /** Null, or for a subgraph that cannot tell whether the object exists, what any key resolves to. */
  const foreignResult = (representation: Representation) => (stranger ? expect.toBeOneOf([null, stranger(representation)]) : null);
  const namedIds = (representations: Representation[]) => (stranger ? representations.map((representation) => String(representation.id)) : []);
  /** What a client can tell, with the id it named itself replaced, where the subgraph may echo it. */
  const seen = (response: GraphQLResponse<unknown>, representation: Representation) =>
    stranger ? JSON.parse(JSON.stringify(observable(response)).replaceAll(String(representation.id), '<named id>')) : observable(response);
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on ${type} { ${entityCase.selection} } } }`;
  const resolve = (representations: Representation[], token: string) =>
    request<{ _entities: (Record<string, unknown> | null)[] }, { r: Representation[] }>(urlOf(subgraph, true), query, { r: representations }, token);

  describe(`${type} entities of tenant B in the ${subgraph} subgraph, asked for directly`, () => {
    const nothing = stranger ? 'to nothing of B' : 'to null';
    it.each(ROLES)(`resolve ${nothing} for A’s %s, exactly as if they did not exist`, async (role) => {
      const world = worldOf(subgraph);
      const token = world.a.members[role].token;
      for (const [label, representation] of Object.entries(entityCase.foreign(world))) {
        const response = await resolve([representation], token);
        expect(response.data?._entities, label).toEqual([foreignResult(representation)]);
        expectNothingOfB(response, namedIds([representation]));
        const nowhere = entityCase.nowhere();
        expect(seen(response, representation), label).toEqual(seen(await resolve([nowhere], token), nowhere));
      }
    });

    it.each(ROLES)(`resolve ${nothing} beside A’s own, which A’s %s can resolve`, async (role) => {
      const world = worldOf(subgraph);
      const own = entityCase.own(world, role);
      const foreign = Object.values(entityCase.foreign(world));
      const response = await resolve([own, ...foreign], world.a.members[role].token);
      expect(response.errors).toBeUndefined();
      const { __typename: _typename, ...key } = own;
      expect(response.data?._entities).toEqual([expect.objectContaining(key), ...foreign.map(foreignResult)]);
      expectNothingOfB(response, namedIds(foreign));
    });
  });
}

for (const [name, cases] of casesOf) cases.moreTests?.(() => worldOf(name), helpers);
