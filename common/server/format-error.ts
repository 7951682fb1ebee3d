import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, isPublicErrorCode, SOMETHING_WENT_WRONG } from '../errors.js';
import { logger } from '../logger.js';
import { unexpectedErrors } from '../metrics.js';

const PUBLIC_EXTENSIONS = ['code', 'field', 'retryAfterSeconds', 'cost', 'maxCost', 'channel', 'wanted', 'available'] as const;

/**
 * The last stop before a client: errors with a public code keep their message and a whitelist
 * of extensions; anything else (SQL, stack traces, internal URLs) is logged and replaced.
 */
export function maskError(formatted: GraphQLFormattedError, original: unknown, service: string): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  // INTERNAL_SERVER_ERROR is public as a code but its message may carry internals: never pass it on.
  if (isPublicErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const extensions: Record<string, unknown> = {};
    for (const key of PUBLIC_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions };
  }
  unexpectedErrors.labels(service).inc();
  logger.error({ err: original, message: formatted.message, path: formatted.path }, 'unexpected error');
  return { ...SOMETHING_WENT_WRONG, ...(formatted.path ? { path: formatted.path } : {}) };
}
