import { GraphQLError } from 'graphql';

/** The stable `extensions.code` values clients may branch on; see docs/architecture.md. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  TENANT_SUSPENDED: 'TENANT_SUSPENDED',
  BOOKING_CONFLICT: 'BOOKING_CONFLICT',
  INSUFFICIENT_CREDITS: 'INSUFFICIENT_CREDITS',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  RATE_LIMITED: 'RATE_LIMITED',
  OPERATION_TOO_COMPLEX: 'OPERATION_TOO_COMPLEX',
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

const publicCodes = new Set<string>(Object.values(ErrorCode));
/** Codes produced by graphql-js and Apollo Server for malformed requests; safe to show as they are. */
const requestCodes = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_IN_LIST', 'OPERATION_RESOLUTION_FAILURE']);

export function isPublicErrorCode(code: unknown): code is string {
  return typeof code === 'string' && (publicCodes.has(code) || requestCodes.has(code));
}

function error(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'Sign in to do this.') => error(ErrorCode.UNAUTHENTICATED, message);
export const forbidden = (message = 'You are not allowed to do this.') => error(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string) => error(ErrorCode.NOT_FOUND, `${what} not found.`);
export const badUserInput = (message: string, field?: string) =>
  error(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});
export const tenantSuspended = () => error(ErrorCode.TENANT_SUSPENDED, 'This tenant is suspended.');
export const rateLimited = (retryAfterSeconds: number) =>
  error(ErrorCode.RATE_LIMITED, 'Too many requests; try again later.', { retryAfterSeconds });
/** Not enough of a channel's credits for what was asked; `available` when the one refusing knows it. */
export const insufficientCredits = (channel: string, wanted: number, available?: number) =>
  error(ErrorCode.INSUFFICIENT_CREDITS, `Not enough ${channel} credits: ${wanted} wanted${available === undefined ? '' : `, ${available} available`}.`, {
    channel,
    wanted,
    ...(available === undefined ? {} : { available }),
  });
export const idempotencyKeyReused = () =>
  error(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This idempotency key was used for a different request.', { field: 'idempotencyKey' });
export const bookingConflict = () => error(ErrorCode.BOOKING_CONFLICT, 'The seat is already booked for part of that period.');
/** What a client is told of a failure on our side, whatever it was. */
export const SOMETHING_WENT_WRONG = { message: 'Something went wrong on our side.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } } as const;

const UNAVAILABLE = {
  timeout: 'did not answer in time',
  unreachable: 'cannot be reached right now',
  'too-large': 'answered more than the router accepts',
  'breaker-open': 'is failing; the router is not calling it for a moment',
} as const;

/** A subgraph that gave no usable answer: transient, so a client may retry later. */
export const serviceUnavailable = (service: string, reason: keyof typeof UNAVAILABLE = 'timeout') =>
  error(ErrorCode.SERVICE_UNAVAILABLE, `The ${service} service ${UNAVAILABLE[reason]}.`);

const STATUS_BY_CODE: Partial<Record<string, number>> = { [ErrorCode.UNAUTHENTICATED]: 401, [ErrorCode.TENANT_SUSPENDED]: 403, [ErrorCode.RATE_LIMITED]: 429 };

/** HTTP status (and Retry-After when there is one) for an error raised before execution: bad token, suspended tenant, too many requests. */
export function withHttpStatus(error: GraphQLError): GraphQLError {
  const status = STATUS_BY_CODE[error.extensions.code as string] ?? 400;
  const retryAfter = error.extensions.retryAfterSeconds;
  const headers = new Map(typeof retryAfter === 'number' ? [['retry-after', String(retryAfter)]] : []);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status, headers } } });
}
