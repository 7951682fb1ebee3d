import { serviceProofHeaders } from '../../../../common/auth/service-proof.js';
import { serviceUnavailable } from '../../../../common/errors.js';

export interface MemberRole {
  userId: string;
  role: 'STUDENT' | 'STAFF' | 'OWNER';
  status: 'ACTIVE' | 'DISABLED';
}

/** A member's role, or null for a user who is not of the tenant. */
export type MemberRoleLookup = (tenantId: string, userId: string) => Promise<MemberRole | null>;

/** Asks the service that owns users (`memberRoles`) what role a member has: who may message whom depends on it. */
export function memberRoleLookup(endpoint: string, serviceSecret: string): MemberRoleLookup {
  return async (tenantId, userId) => {
    const url = new URL(endpoint);
    url.search = new URLSearchParams({ tenantId, userId }).toString();
    let response: Response;
    try {
      response = await fetch(url, { headers: serviceProofHeaders(serviceSecret), signal: AbortSignal.timeout(5_000) });
    } catch {
      throw serviceUnavailable('users', 'unreachable');
    }
    if (response.status === 404 || response.status === 400) return null;
    if (!response.ok) throw serviceUnavailable('users', 'unreachable');
    return (await response.json()) as MemberRole;
  };
}
