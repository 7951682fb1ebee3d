import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '../errors.js';
import { logger } from '../logger.js';
import { unexpectedErrors } from '../metrics.js';
import { sendJson } from './http.js';

/** The answer to a request that failed before GraphQL ran: 413 and 400 are the client's, anything else ours. */
export function answerRequestError(service: string, error: unknown, res: ServerResponse): void {
  const reported = (error as { status?: unknown } | undefined)?.status;
  const status = typeof reported === 'number' && reported >= 400 && reported < 500 ? reported : 500;
  if (status === 500) {
    unexpectedErrors.labels(service).inc();
    logger.error({ err: error }, 'request failed before GraphQL');
  }
  const message =
    status === 413 ? 'The request body is too large.' : status === 500 ? 'Something went wrong on our side.' : 'The request body is not valid JSON.';
  sendJson(res, status, { errors: [{ message, extensions: { code: status === 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT } }] });
}

/**
 * Express's own error page shows a stack trace outside production; requests that fail before
 * GraphQL runs (bodies too large or not JSON) get a GraphQL-shaped JSON error instead.
 */
export const requestErrorHandler =
  (service: string): ErrorRequestHandler =>
  (error, _req, res, _next) =>
    answerRequestError(service, error, res);
