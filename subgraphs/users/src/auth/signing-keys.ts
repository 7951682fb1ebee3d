import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import { ACCESS_TOKEN_ALGORITHM, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../../../../common/auth/access-token.js';
import type { Role } from '../../../../common/auth/viewer.js';
import { asPlatform } from '../../../../common/db/scope.js';
import { findSigningKeys, insertSigningKey, type UsersDatabase } from '../db.js';

export interface AccessTokenClaims {
  userId: string;
  tenantId: string | null;
  role: Role;
  sessionId: string;
}

export interface TokenSigner {
  sign(claims: AccessTokenClaims): Promise<{ token: string; expiresAt: Date }>;
  /** The public keys, served as the JWKS every verifier reads. */
  jwks: { keys: JWK[] };
}

/**
 * Loads the Ed25519 signing key from the database, creating one on first start. Every published
 * key stays in the JWKS so tokens signed before a rotation keep verifying until they expire.
 */
export async function loadTokenSigner(db: Kysely<UsersDatabase>, ttlSeconds: number): Promise<TokenSigner> {
  const access = { actor: 'system:users', action: 'load signing keys' };
  let keys = await asPlatform(db, access, (trx) => findSigningKeys(trx));
  if (keys.length === 0) {
    const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { crv: 'Ed25519', extractable: true });
    const kid = randomUUID();
    const privateJwk = (await exportJWK(privateKey)) as Record<string, string>;
    const publicJwk = (await exportJWK(publicKey)) as Record<string, string>;
    await asPlatform(db, { ...access, action: 'create signing key' }, (trx) =>
      insertSigningKey(trx, { kid, privateJwk, publicJwk }),
    );
    keys = await asPlatform(db, access, (trx) => findSigningKeys(trx));
  }
  const current = keys[0]!;
  const privateKey = await importJWK(current.private_jwk, ACCESS_TOKEN_ALGORITHM);
  return {
    jwks: { keys: keys.map((key) => ({ ...key.public_jwk, kid: key.kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' })) },
    async sign(claims) {
      const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
      const token = await new SignJWT({ role: claims.role, sid: claims.sessionId, ...(claims.tenantId ? { tid: claims.tenantId } : {}) })
        .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: current.kid, typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuer(ACCESS_TOKEN_ISSUER)
        .setAudience(ACCESS_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
        .sign(privateKey);
      return { token, expiresAt };
    },
  };
}
