import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ErrorCode } from '../errors.js';

/**
 * How one Carrel service proves itself to another on the routes clients have no business with
 * (`/internal/*`): the secret every service of a deployment is given (`SERVICE_SECRET`), in this
 * header. A subgraph port reached by mistake answers those routes to no one else.
 */
export const SERVICE_PROOF_HEADER = 'x-carrel-service-secret';

export const serviceProofHeaders = (secret: string): Record<string, string> => ({ [SERVICE_PROOF_HEADER]: secret });

// Compared as digests: equal lengths for timingSafeEqual, and no timing tells the secret's length.
const digest = (value: string) => createHash('sha256').update(value).digest();

/** Answers 401 to a request without the deployment's secret; passes the rest on. */
export function requireServiceProof(secret: string): RequestHandler {
  const expected = digest(secret);
  return (req, res, next) => {
    const offered = req.headers[SERVICE_PROOF_HEADER];
    if (typeof offered === 'string' && timingSafeEqual(digest(offered), expected)) return next();
    res.status(401).json({ errors: [{ message: 'This route answers Carrel services only.', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
  };
}
