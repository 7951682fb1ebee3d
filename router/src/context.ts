import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import { bearerToken, type AccessTokenVerifier } from '../../common/auth/access-token.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { tenantSuspended, withHttpStatus } from '../../common/errors.js';
import type { RateLimits } from './rate-limits.js';
import type { TenantStatusCache } from './tenant-status.js';

export interface RouterContext {
  viewer: Viewer | null;
  /** The verified `Authorization` header, forwarded to subgraphs as it came. */
  authorization: string | null;
  requestId: string;
  /** Where the request came from, as far as trusted proxies say; absent for the router's own queries. */
  clientIp?: string;
}

export interface ContextDependencies {
  verify: AccessTokenVerifier;
  tenantStatus: TenantStatusCache;
  limits: RateLimits;
}

/**
 * Verifies the caller before any planning happens (anonymous callers reach only public fields),
 * refuses a suspended tenant's members, and counts the request against the tenant's limit.
 */
export async function routerContext(request: IncomingMessage, { verify, tenantStatus, limits }: ContextDependencies): Promise<RouterContext> {
  const { headers } = request;
  const requestId = typeof headers['x-request-id'] === 'string' ? headers['x-request-id'].slice(0, 100) : randomUUID();
  try {
    const token = bearerToken(headers.authorization);
    const viewer = token ? await verify(token) : null;
    if (viewer?.tenantId && tenantStatus.isSuspended(viewer.tenantId)) throw tenantSuspended();
    if (viewer?.tenantId) await limits.consume('tenant', viewer.tenantId);
    return { viewer, authorization: token ? `Bearer ${token}` : null, requestId, clientIp: limits.clientIp(request) };
  } catch (error) {
    throw error instanceof GraphQLError ? withHttpStatus(error) : error;
  }
}
