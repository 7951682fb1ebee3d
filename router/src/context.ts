import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { bearerToken, type AccessTokenVerifier } from '../../common/auth/access-token.js';
import type { Viewer } from '../../common/auth/viewer.js';
import { tenantSuspended, withHttpStatus } from '../../common/errors.js';
import type { TenantStatusCache } from './tenant-status.js';

export interface RouterContext {
  viewer: Viewer | null;
  /** The verified `Authorization` header, forwarded to subgraphs as it came. */
  authorization: string | null;
  requestId: string;
}

/** Verifies the caller before any planning happens; anonymous callers reach only public fields. */
export async function routerContext(headers: IncomingHttpHeaders, verify: AccessTokenVerifier, tenantStatus: TenantStatusCache): Promise<RouterContext> {
  const requestId = typeof headers['x-request-id'] === 'string' ? headers['x-request-id'].slice(0, 100) : randomUUID();
  try {
    const token = bearerToken(headers.authorization);
    const viewer = token ? await verify(token) : null;
    if (viewer?.tenantId && tenantStatus.isSuspended(viewer.tenantId)) throw tenantSuspended();
    return { viewer, authorization: token ? `Bearer ${token}` : null, requestId };
  } catch (error) {
    throw error instanceof GraphQLError ? withHttpStatus(error) : error;
  }
}
