import { forbidden, unauthenticated } from '../errors.js';
import type { PlatformAdmin, Role, TenantMember, Viewer } from './viewer.js';

/**
 * Who may call a resolver at all, checked first thing: UNAUTHENTICATED without a token, FORBIDDEN
 * for a role that may never use the field. Which objects a caller may touch is decided after
 * (another tenant's object is NOT_FOUND).
 */
export function signedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** A member of a tenant: platform admins, who belong to none, are refused. */
export function tenantMember(viewer: Viewer | null, refusal = 'This is done within a tenant; platform admins belong to none.'): TenantMember {
  const signed = signedIn(viewer);
  if (signed.role === 'PLATFORM_ADMIN') throw forbidden(refusal);
  return signed;
}

/** One of `roles`, typed as such (an owner is a tenant member with a tenant, a platform admin has none). */
export function withRole<R extends Role>(viewer: Viewer | null, roles: readonly R[], refusal: string): Viewer & { role: R } {
  const signed = signedIn(viewer);
  if (!(roles as readonly Role[]).includes(signed.role)) throw forbidden(refusal);
  return signed as Viewer & { role: R };
}

export const platformAdmin = (viewer: Viewer | null, refusal = 'Only platform admins do this.'): PlatformAdmin => withRole(viewer, ['PLATFORM_ADMIN'], refusal);
