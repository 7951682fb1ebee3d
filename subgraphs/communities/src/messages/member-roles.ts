import { askEndpoint } from '../../../../common/subgraph-kit/ask-endpoint.js';
import type { MemberRole } from '../../../../common/subgraph-kit/endpoint-answers.js';

/** A member's role, or null for a user who is not of the tenant. */
export type MemberRoleLookup = (tenantId: string, userId: string) => Promise<MemberRole | null>;

/** Asks the service that owns users (`memberRoles`) what role a member has: who may message whom depends on it. */
export function memberRoleLookup(endpoint: string, serviceSecret: string): MemberRoleLookup {
  return (tenantId, userId) => askEndpoint<MemberRole>(endpoint, { tenantId, userId }, serviceSecret, 'users');
}
