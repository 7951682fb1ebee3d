import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { unauthenticated } from '../errors.js';
import { Roles, type Role, type Viewer } from './viewer.js';

export const ACCESS_TOKEN_ISSUER = 'carrel-auth';
export const ACCESS_TOKEN_AUDIENCE = 'carrel-api';
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';

/** The token issuer's published keys (JWKS), fetched once and again when an unknown `kid` appears. */
export const remoteSigningKeys = (jwksUrl: string): JWTVerifyGetKey => createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 1_000 });

export type AccessTokenVerifier = (token: string) => Promise<Viewer>;

/**
 * Verifies access tokens against the issuer's JWKS with algorithm, issuer and audience
 * pinned: `alg: none`, HS256 signed with the public key and foreign keys all fail here.
 */
export function accessTokenVerifier(keys: JWTVerifyGetKey, cacheSize = 10_000): AccessTokenVerifier {
  // A signature check costs more than the rest of a routed request; a token that verified once
  // stays valid until it expires, so the result is kept by the token's exact bytes until then.
  const verified = new Map<string, { viewer: Viewer; expiresAt: number }>();
  return async (token) => {
    const cached = verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.viewer;
    if (cached) verified.delete(token);
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'exp', 'role', 'sid'],
      });
      const viewer = viewerFromClaims(payload);
      if (verified.size >= cacheSize) verified.delete(verified.keys().next().value!);
      verified.set(token, { viewer, expiresAt: payload.exp! * 1000 });
      return viewer;
    } catch {
      throw unauthenticated('The access token is invalid or expired.');
    }
  };
}

function viewerFromClaims(claims: Record<string, unknown>): Viewer {
  const { sub, tid, role, sid } = claims;
  if (typeof sub !== 'string' || typeof sid !== 'string' || !Roles.includes(role as Role)) throw new Error('bad claims');
  if (role === 'PLATFORM_ADMIN') {
    if (tid !== undefined && tid !== null) throw new Error('platform admins have no tenant');
    return { userId: sub, role, tenantId: null, sessionId: sid };
  }
  if (typeof tid !== 'string') throw new Error('tenant members need a tenant');
  return { userId: sub, role: role as 'STUDENT' | 'STAFF' | 'OWNER', tenantId: tid, sessionId: sid };
}

/** Reads `Authorization: Bearer <token>`; a header that is present but not a bearer token is an error. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header.trim());
  if (!match?.[1]) throw unauthenticated('The Authorization header must be "Bearer <token>".');
  return match[1];
}
