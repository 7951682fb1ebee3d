import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors.js';
import { logger } from '../logger.js';
import { unexpectedErrors } from '../metrics.js';

/**
 * Express's own error page shows a stack trace outside production; requests that fail before
 * GraphQL runs (bodies too large or not JSON) get a GraphQL-shaped JSON error instead.
 */
export const requestErrorHandler =
  (service: string): ErrorRequestHandler =>
  (error, _req, res, _next) => {
  const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
  if (status === 500) {
    unexpectedErrors.labels(service).inc();
    logger.error({ err: error }, 'request failed before GraphQL');
  }
  const message =
    status === 413 ? 'The request body is too large.' : status === 500 ? 'Something went wrong on our side.' : 'The request body is not valid JSON.';
  res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT } }] });
};
