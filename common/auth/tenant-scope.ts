import { badUserInput, notFound } from '../errors.js';
import { isUuid } from '../validation.js';
import type { Viewer } from './viewer.js';

/**
 * Which tenant an operation is about. Members always get their own: naming another tenant is
 * NOT_FOUND, like a tenant that does not exist. Platform admins name one, where `required`, or
 * get null for "every tenant".
 */
export function tenantScope(viewer: Viewer, requested: unknown, { required }: { required: boolean }): string | null {
  if (viewer.role === 'PLATFORM_ADMIN') {
    if (requested == null || requested === '') {
      if (required) throw badUserInput('Name the tenant with tenantId.', 'tenantId');
      return null;
    }
    if (typeof requested !== 'string' || !isUuid(requested)) throw notFound('Tenant');
    return requested;
  }
  if (requested != null && requested !== viewer.tenantId) throw notFound('Tenant');
  return viewer.tenantId;
}

/** A `Tenant` reference as a subgraph resolves it for the viewer: their own tenant (any for platform admins), else null. */
export const ownTenantReference = (viewer: Viewer | null, id: string): { id: string } | null =>
  viewer && (viewer.role === 'PLATFORM_ADMIN' || viewer.tenantId === id) ? { id } : null;
