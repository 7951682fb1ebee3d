import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { rateLimited } from '../../../../common/errors.js';

export type PasswordHashCost = 'owasp' | 'test';

/** OWASP's scrypt recommendation (N=2^17, r=8, p=1); `test` is cheap and only for test runs. */
const COSTS: Record<PasswordHashCost, { N: number; r: number; p: number }> = {
  owasp: { N: 2 ** 17, r: 8, p: 1 },
  test: { N: 2 ** 10, r: 8, p: 1 },
};
const KEY_LENGTH = 64;
export const MIN_PASSWORD_LENGTH = 10;

/**
 * scrypt runs on libuv's small thread pool (4 threads) and takes ~0.3 s at OWASP cost: a flood
 * of sign-ins would queue for longer than the router waits. Past this many waiting, refuse at
 * once with RATE_LIMITED and keep the service answering everyone else.
 */
const MAX_WAITING_HASHES = 32;
let hashesInFlight = 0;

async function scrypt(password: string, salt: Buffer, { N, r, p }: { N: number; r: number; p: number }): Promise<Buffer> {
  if (hashesInFlight >= MAX_WAITING_HASHES) throw rateLimited(1);
  hashesInFlight++;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  try {
    return await new Promise((resolve, reject) =>
      scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
    );
  } finally {
    hashesInFlight--;
  }
}

/** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash, so the cost can rise later. */
export async function hashPassword(password: string, cost: PasswordHashCost): Promise<string> {
  const params = COSTS[cost];
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Compared against when the email is unknown, so a wrong email costs as long as a wrong password
 * and response times do not reveal which accounts exist.
 */
export const decoyHash = (cost: PasswordHashCost) => hashPassword(randomBytes(12).toString('hex'), cost);
