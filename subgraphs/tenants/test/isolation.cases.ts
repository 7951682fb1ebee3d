import { randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  CreateTenantDocument,
  CurrentTenantDocument,
  LoginDocument,
  LogoutDocument,
  ReactivateTenantDocument,
  SuspendTenantDocument,
  TenantBySlugDocument,
  TenantDocument,
  TenantsDocument,
  UpdateTenantDocument,
} from '../../../test/__generated__/operations.js';
import { errorCodes, must, request, type GraphQLResponse } from '../../../test/support/client.js';
import { attack, defineIsolationCases, recordedEventId, ROLES, until, type CoreSide, type CoreWorld } from '../../../test/support/isolation-kit.js';

/** The ids of each tenant's suspension and reactivation events, as subscribers receive them. */
interface StatusEvents {
  a: { suspended: string; reactivated: string };
  b: { suspended: string; reactivated: string };
}

const settings = { timezone: 'Asia/Kolkata', currency: 'INR' };
const TenantStatusEventQuery: TypedDocumentNode<{ tenantStatusEventsByIds: ({ eventId: string; type: string; tenant: { id: string; status: string } | null } | null)[] }, { eventId: string }> = parse(`
  query IsoTenantStatusEvent($eventId: ID!) {
    tenantStatusEventsByIds(eventIds: [$eventId]) { eventId type occurredAt tenant { id slug name status suspensionReason } }
  }`);
const TenantStatusChangedFilterQuery: TypedDocumentNode<{ tenantStatusChangedFilter: unknown }, { tenantId: string }> = parse(`
  query IsoTenantStatusChangedFilter($tenantId: ID) {
    tenantStatusChangedFilter(tenantId: $tenantId) { tenantId eventTypes keys { key values } audience }
  }`);

/** Whether the router (by the owner's token) and sign-in (by the owner's password) both treat the tenant as `status`. */
async function treatedAs(graphqlUrl: string, tenant: CoreSide, status: 'SUSPENDED' | 'ACTIVE'): Promise<boolean> {
  const owner = tenant.members.OWNER;
  const seenAs = (response: GraphQLResponse<unknown>, field: string) =>
    errorCodes(response).includes('TENANT_SUSPENDED') ? 'SUSPENDED' : (response.data as Record<string, unknown> | null | undefined)?.[field] ? 'ACTIVE' : 'neither';
  if (seenAs(await request(graphqlUrl, CurrentTenantDocument, {}, owner.token), 'currentTenant') !== status) return false;
  const signIn = await request(graphqlUrl, LoginDocument, { input: { email: owner.email, password: owner.password, tenantSlug: tenant.slug } });
  if (signIn.data?.login) await must(graphqlUrl, LogoutDocument, { refreshToken: signIn.data.login.refreshToken });
  return seenAs(signIn, 'login') === status;
}

/**
 * Suspends and reactivates the tenant as the platform admin, for the events that come of it.
 * Waits until the router and sign-in have seen the suspension and then the reactivation, so the
 * tests start on a fully active tenant whose members' sessions, which a suspension does not end,
 * still work (every attack's snapshot of B checks that they renew).
 */
async function statusEventsOf({ stack, admin, recorder }: CoreWorld, label: string, tenant: CoreSide) {
  await must(stack.graphqlUrl, SuspendTenantDocument, { id: tenant.id, reason: 'Status events for the isolation tests' }, admin.token);
  await until(`${label} is treated as suspended`, () => treatedAs(stack.graphqlUrl, tenant, 'SUSPENDED'));
  await must(stack.graphqlUrl, ReactivateTenantDocument, { id: tenant.id }, admin.token);
  await until(`${label} is treated as active again`, () => treatedAs(stack.graphqlUrl, tenant, 'ACTIVE'));
  return {
    suspended: await recordedEventId(recorder, `${label}'s suspension`, (event) => event.type === 'TENANT_SUSPENDED' && event.tenantId === tenant.id),
    reactivated: await recordedEventId(recorder, `${label}'s reactivation`, (event) => event.type === 'TENANT_REACTIVATED' && event.tenantId === tenant.id),
  };
}

export default defineIsolationCases<StatusEvents>({
  setUp: async (core) => ({ a: await statusEventsOf(core, 'A', core.a), b: await statusEventsOf(core, 'B', core.b) }),

  snapshotOfB: 'tenant(id: $id) { id slug name status plan settings { timezone currency } branding { logoUrl primaryColor } suspensionReason suspendedAt createdAt }',
  secretsOfB: (world) => Object.values(world.own.b),

  rootFields: {
    Query: {
      currentTenant: { noForeignId: "Reads the tenant named by the token's tenant claim." },
      tenantBySlug: { noForeignId: "Public by design: any tenant's sign-in branding, shown to anyone without signing in." },
      tenant: attack(TenantDocument, {
        targets: (world) => ({ 'B itself': { id: world.b.id } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'STUDENT', variables: (world) => ({ id: world.a.id }) }],
      }),
      tenants: attack(TenantsDocument, {
        targets: () => ({ 'every tenant, B among them': {} }),
        refusal: 'FORBIDDEN',
      }),
      tenantStatusEventsByIds: attack(TenantStatusEventQuery, {
        targets: (world) => ({
          "B's suspension": { eventId: world.own.b.suspended },
          "B's reactivation": { eventId: world.own.b.reactivated },
        }),
        nowhere: () => ({ eventId: randomUUID() }),
        refusal: 'NULL_ITEMS',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ eventId: world.own.a.suspended }) })),
      }),
      tenantStatusChangedFilter: attack(TenantStatusChangedFilterQuery, {
        targets: (world) => ({ "B's status": { tenantId: world.b.id } }),
        nowhere: () => ({ tenantId: randomUUID() }),
        refusal: 'NOT_FOUND',
        controls: ROLES.map((role) => ({ as: role, variables: (world) => ({ tenantId: world.a.id }) })),
      }),
    },
    Mutation: {
      createTenant: attack(CreateTenantDocument, {
        targets: () => ({ 'a tenant beside B': { input: { slug: `t-${randomUUID().slice(0, 8)}`, name: 'Intruder', settings } } }),
        refusal: 'FORBIDDEN',
        leavesNoTrace: async ({ input }, world) => {
          const { tenantBySlug } = await must(world.stack.graphqlUrl, TenantBySlugDocument, { slug: input.slug });
          expect(tenantBySlug).toBeNull();
        },
      }),
      updateTenant: attack(UpdateTenantDocument, {
        targets: (world) => ({ 'B itself': { id: world.b.id, input: { name: 'Taken over' } } }),
        nowhere: () => ({ id: randomUUID(), input: { name: 'Taken over' } }),
        refusal: 'NOT_FOUND',
        controls: [{ as: 'OWNER', variables: (world) => ({ id: world.a.id, input: { name: world.a.name } }) }],
      }),
      suspendTenant: attack(SuspendTenantDocument, {
        targets: (world) => ({ 'B itself': { id: world.b.id, reason: 'Hostile takeover' } }),
        nowhere: () => ({ id: randomUUID(), reason: 'Hostile takeover' }),
        refusal: 'FORBIDDEN',
      }),
      reactivateTenant: attack(ReactivateTenantDocument, {
        targets: (world) => ({ 'B itself': { id: world.b.id } }),
        nowhere: () => ({ id: randomUUID() }),
        refusal: 'FORBIDDEN',
      }),
    },
  },

  entities: {
    Tenant: {
      own: (world) => ({ __typename: 'Tenant', id: world.a.id }),
      foreign: (world) => ({ 'B itself': { __typename: 'Tenant', id: world.b.id } }),
      nowhere: () => ({ __typename: 'Tenant', id: randomUUID() }),
      selection: 'id slug name status',
    },
  },

  moreTests(world) {
    describe('the status event ids the attacks and controls name', () => {
      // A null for A would prove nothing if the ids named no event: each tenant's own members read them.
      it.each(['A', 'B'] as const)('are %s’s real events, which each of its members can read', async (label) => {
        const { stack, own, ...sides } = world();
        const side = label === 'A' ? sides.a : sides.b;
        const events = label === 'A' ? own.a : own.b;
        for (const role of ROLES) {
          for (const [type, eventId] of [['SUSPENDED', events.suspended], ['REACTIVATED', events.reactivated]] as const) {
            const { tenantStatusEventsByIds } = await must(`${stack.subgraphs.tenants.url}/graphql`, TenantStatusEventQuery, { eventId }, side.members[role].token);
            expect(tenantStatusEventsByIds, `${role} reading the ${type} event`).toMatchObject([{ eventId, type, tenant: { id: side.id, status: 'ACTIVE' } }]);
          }
        }
      });
    });
  },
});
