import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { RateLimits } from './rate-limits.js';

/**
 * Counts every GraphQL request against its client IP's limit before the body is even read, and
 * answers one over it with HTTP 429, `Retry-After` and RATE_LIMITED. A CORS preflight is not a
 * request of the client's.
 */
export const perIpLimit =
  (limits: RateLimits): RequestHandler =>
  async (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    try {
      await limits.consume('ip', limits.clientIp(req));
      next();
    } catch (error) {
      if (!(error instanceof GraphQLError)) return next(error);
      const retryAfterSeconds = error.extensions.retryAfterSeconds as number;
      res.status(429).set('retry-after', String(retryAfterSeconds)).json({ errors: [{ message: error.message, extensions: { code: error.extensions.code, retryAfterSeconds } }] });
    }
  };
