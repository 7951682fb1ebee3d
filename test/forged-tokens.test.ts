import { randomBytes, randomUUID } from 'node:crypto';
import {
  base64url,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessTokenVerifier, ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '../common/auth/access-token.js';
import { createTenant, loginAdmin, registerStudent, type Member } from './support/seed-kit.js';
import { sharedTestStack, type TestStack } from './support/stack.js';

interface RawResponse {
  status: number;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Posts with exactly the Authorization header given, which the shared client cannot do. */
async function postWithAuthorization(url: string, query: string, authorization: string | undefined): Promise<RawResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === undefined ? {} : { authorization }) },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as RawResponse['body'] };
}

const encodeJson = (value: unknown) => base64url.encode(JSON.stringify(value));
const junk = (length: number) => randomBytes(length).toString('base64url').slice(0, length);

let stack: TestStack;
let student: Member;
/** The claims and header of a genuine access token, to forge look-alikes from. */
let realClaims: JWTPayload;
let realKid: string;
let publishedJwk: JWK;
let jwksText: string;
let foreignKey: CryptoKey;
let foreignPublicJwk: JWK;
let otherRealToken: string;

const targets = () => [
  { name: 'router', url: stack.graphqlUrl, query: '{ me { id } }' },
  { name: 'users subgraph', url: `${stack.subgraphs.users.url}/graphql`, query: '{ me { id } }' },
  // The tenants subgraph has no `me`; its viewer-dependent root field verifies the token the same way.
  { name: 'tenants subgraph', url: `${stack.subgraphs.tenants.url}/graphql`, query: '{ currentTenant { id } }' },
];

const signForeign = (claims: JWTPayload, header: Record<string, unknown> = { alg: 'EdDSA', typ: 'JWT', kid: realKid }) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', ...header }).sign(foreignKey);

const signHs256 = (secret: Uint8Array) => new SignJWT(realClaims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: realKid }).sign(secret);

const nowSeconds = () => Math.floor(Date.now() / 1000);

const forgeries: { name: string; authorization: () => Promise<string> | string }[] = [
  { name: 'a token with alg none', authorization: () => `Bearer ${encodeJson({ alg: 'none', typ: 'JWT' })}.${encodeJson(realClaims)}.` },
  { name: 'a token with alg none naming the real kid', authorization: () => `Bearer ${encodeJson({ alg: 'none', typ: 'JWT', kid: realKid })}.${encodeJson(realClaims)}.` },
  { name: 'a genuine header and payload with the signature stripped', authorization: () => `Bearer ${realHeaderAndPayload()}.` },
  { name: 'a genuine token whose payload was changed to PLATFORM_ADMIN', authorization: () => `Bearer ${encodeJson(decodeProtectedHeader(student.token))}.${encodeJson({ ...realClaims, role: 'PLATFORM_ADMIN', tid: undefined })}.${realSignature()}` },
  { name: 'a genuine header and payload with another genuine token’s signature', authorization: () => `Bearer ${realHeaderAndPayload()}.${otherRealToken.split('.')[2]}` },
  { name: 'the same claims signed by a foreign Ed25519 key under the real kid', authorization: async () => `Bearer ${await signForeign(realClaims)}` },
  { name: 'the same claims signed by a foreign Ed25519 key with no kid', authorization: async () => `Bearer ${await signForeign(realClaims, { typ: 'JWT' })}` },
  { name: 'the same claims signed by a foreign Ed25519 key under an unknown kid', authorization: async () => `Bearer ${await signForeign(realClaims, { typ: 'JWT', kid: randomUUID() })}` },
  { name: 'a foreign-signed token carrying its own public key in the jwk header', authorization: async () => `Bearer ${await signForeign(realClaims, { typ: 'JWT', jwk: foreignPublicJwk })}` },
  { name: 'an HS256 token keyed with the published key’s x bytes', authorization: async () => `Bearer ${await signHs256(base64url.decode(publishedJwk.x!))}` },
  { name: 'an HS256 token keyed with the published JWK as JSON text', authorization: async () => `Bearer ${await signHs256(new TextEncoder().encode(JSON.stringify(publishedJwk)))}` },
  { name: 'an HS256 token keyed with the JWKS document as served', authorization: async () => `Bearer ${await signHs256(new TextEncoder().encode(jwksText))}` },
  { name: 'an expired token (foreign-signed)', authorization: async () => `Bearer ${await signForeign({ ...realClaims, iat: nowSeconds() - 7200, exp: nowSeconds() - 3600 })}` },
  { name: 'a token from the wrong issuer (foreign-signed)', authorization: async () => `Bearer ${await signForeign({ ...realClaims, iss: 'someone-else' })}` },
  { name: 'a token for the wrong audience (foreign-signed)', authorization: async () => `Bearer ${await signForeign({ ...realClaims, aud: 'another-api' })}` },
  { name: 'the string abc', authorization: () => 'Bearer abc' },
  { name: 'the string a.b.c', authorization: () => 'Bearer a.b.c' },
  { name: 'an empty bearer token', authorization: () => 'Bearer ' },
  { name: 'a bearer scheme followed only by spaces', authorization: () => 'Bearer      ' },
  { name: 'a bearer token containing spaces', authorization: () => 'Bearer abc def.ghi' },
  { name: 'a bearer token after two spaces', authorization: () => 'Bearer  abc' },
  { name: '10 KB of junk as a token', authorization: () => `Bearer ${junk(10 * 1024)}` },
  { name: '10 KB of junk shaped as three JWT parts', authorization: () => `Bearer ${junk(3 * 1024)}.${junk(4 * 1024)}.${junk(3 * 1024)}` },
  { name: 'Basic credentials', authorization: () => 'Basic xyz' },
];

function realHeaderAndPayload(): string {
  const [header, payload] = student.token.split('.');
  return `${header}.${payload}`;
}

function realSignature(): string {
  return student.token.split('.')[2]!;
}

beforeAll(async () => {
  stack = await sharedTestStack();
  const admin = await loginAdmin(stack.graphqlUrl);
  const tenant = await createTenant(stack.graphqlUrl, admin);
  student = await registerStudent(stack.graphqlUrl, tenant.slug);
  otherRealToken = (await registerStudent(stack.graphqlUrl, tenant.slug)).token;
  realClaims = decodeJwt(student.token);
  realKid = decodeProtectedHeader(student.token).kid!;

  const jwksResponse = await fetch(`${stack.subgraphs.users.url}/.well-known/jwks.json`);
  jwksText = await jwksResponse.text();
  const jwks = JSON.parse(jwksText) as { keys: JWK[] };
  publishedJwk = jwks.keys.find((key) => key.kid === realKid)!;
  expect(publishedJwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });

  const foreign = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  foreignKey = foreign.privateKey;
  foreignPublicJwk = await exportJWK(foreign.publicKey);
});

function expectNoStackTrace(response: RawResponse, where: string) {
  expect(response.text, where).not.toMatch(/stacktrace/i);
  expect(response.text, where).not.toMatch(/\bat [^"]*\.(?:ts|js|mjs|cjs):\d+/);
}

describe('the genuine token (control)', () => {
  it('is accepted by the router and by both subgraphs directly', async () => {
    for (const target of targets()) {
      const response = await postWithAuthorization(target.url, target.query, `Bearer ${student.token}`);
      expect(response.body.errors, target.name).toBeUndefined();
      expect(Object.values(response.body.data ?? {})[0], target.name).toMatchObject({ id: expect.any(String) });
    }
  });
});

describe('forged and malformed credentials', () => {
  it.each(forgeries)('$name gets UNAUTHENTICATED, without a stack trace, at the router and at both subgraphs', async ({ authorization }) => {
    const header = await authorization();
    for (const target of targets()) {
      const response = await postWithAuthorization(target.url, target.query, header);
      const where = `${target.name} (HTTP ${response.status}): ${response.text.slice(0, 300)}`;
      expect(response.body.errors?.map((error) => error.extensions?.code), where).toEqual(['UNAUTHENTICATED']);
      expect(response.body.data ?? null, where).toBeNull();
      expectNoStackTrace(response, where);
    }
  });

  it('is refused with HTTP 401 by the subgraphs as by the router, not as a server error', async () => {
    for (const authorization of ['Bearer abc', 'Basic xyz']) {
      for (const target of targets()) {
        const response = await postWithAuthorization(target.url, target.query, authorization);
        expect(response.status, `${target.name} with ${authorization}`).toBe(401);
      }
    }
  });

  it('leaves the router healthy and still accepting the genuine token afterwards', async () => {
    const health = await fetch(`${stack.routerUrl}/health`);
    expect(health.status).toBe(200);
    const response = await postWithAuthorization(stack.graphqlUrl, '{ me { id } }', `Bearer ${student.token}`);
    expect(response.body).toEqual({ data: { me: { id: student.id } } });
  });
});

describe('the access-token verifier with a test key', () => {
  const testKid = 'test-key';
  let privateKey: CryptoKey;
  let publicJwk: JWK;
  let verify: ReturnType<typeof accessTokenVerifier>;
  const tenantId = randomUUID();
  const studentClaims = () => ({ sub: randomUUID(), sid: randomUUID(), role: 'STUDENT', tid: tenantId });

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    privateKey = pair.privateKey;
    publicJwk = { ...(await exportJWK(pair.publicKey)), kid: testKid, alg: 'EdDSA', use: 'sig' };
    verify = accessTokenVerifier(createLocalJWKSet({ keys: [publicJwk] }));
  });

  function sign(claims: JWTPayload, options: { issuer?: string; audience?: string; expiresAt?: number | null } = {}) {
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: testKid, typ: 'JWT' })
      .setIssuer(options.issuer ?? ACCESS_TOKEN_ISSUER)
      .setAudience(options.audience ?? ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt();
    if (options.expiresAt !== null) jwt = jwt.setExpirationTime(options.expiresAt ?? nowSeconds() + 900);
    return jwt.sign(privateKey);
  }

  const rejected = { extensions: { code: 'UNAUTHENTICATED' } };

  it('accepts a correctly signed student token and reads the viewer from it', async () => {
    const claims = studentClaims();
    await expect(verify(await sign(claims))).resolves.toEqual({ userId: claims.sub, role: 'STUDENT', tenantId, sessionId: claims.sid });
  });

  it('accepts a platform admin token without a tenant', async () => {
    const claims = { sub: randomUUID(), sid: randomUUID(), role: 'PLATFORM_ADMIN' };
    await expect(verify(await sign(claims))).resolves.toEqual({ userId: claims.sub, role: 'PLATFORM_ADMIN', tenantId: null, sessionId: claims.sid });
  });

  it('rejects an expired token', async () => {
    await expect(verify(await sign(studentClaims(), { expiresAt: nowSeconds() - 60 }))).rejects.toMatchObject(rejected);
  });

  it('rejects a token without an expiry', async () => {
    await expect(verify(await sign(studentClaims(), { expiresAt: null }))).rejects.toMatchObject(rejected);
  });

  it('rejects a token from another issuer', async () => {
    await expect(verify(await sign(studentClaims(), { issuer: 'someone-else' }))).rejects.toMatchObject(rejected);
  });

  it('rejects a token for another audience', async () => {
    await expect(verify(await sign(studentClaims(), { audience: 'another-api' }))).rejects.toMatchObject(rejected);
  });

  it('rejects a student token without a tenant', async () => {
    const { tid: _tid, ...claims } = studentClaims();
    await expect(verify(await sign(claims))).rejects.toMatchObject(rejected);
  });

  it('rejects a platform admin token that names a tenant', async () => {
    await expect(verify(await sign({ sub: randomUUID(), sid: randomUUID(), role: 'PLATFORM_ADMIN', tid: tenantId }))).rejects.toMatchObject(rejected);
  });

  it('rejects a token without a session id', async () => {
    const { sid: _sid, ...claims } = studentClaims();
    await expect(verify(await sign(claims))).rejects.toMatchObject(rejected);
  });

  it('rejects a token with an unknown role', async () => {
    await expect(verify(await sign({ ...studentClaims(), role: 'SUPERUSER' }))).rejects.toMatchObject(rejected);
  });

  it('rejects alg none and HS256 keyed with the public key, with otherwise correct claims', async () => {
    const payload = { ...studentClaims(), iss: ACCESS_TOKEN_ISSUER, aud: ACCESS_TOKEN_AUDIENCE, exp: nowSeconds() + 900 };
    await expect(verify(`${encodeJson({ alg: 'none', typ: 'JWT', kid: testKid })}.${encodeJson(payload)}.`)).rejects.toMatchObject(rejected);
    const hs256 = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: testKid }).sign(base64url.decode(publicJwk.x!));
    await expect(verify(hs256)).rejects.toMatchObject(rejected);
  });
});
