import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../common/errors.js';
import { logger } from '../../common/logger.js';
import { recordingSpan } from '../../common/telemetry/spans.js';
import type { RouterContext } from './context.js';
import { operationDuration } from './metrics.js';

/** Where each operation's line goes (exported so a test can read the lines). */
export const operationLog = logger.child({ component: 'operations' });

const OUR_FAILURES = new Set<unknown>([ErrorCode.INTERNAL_SERVER_ERROR, ErrorCode.SERVICE_UNAVAILABLE]);

type Outcome = 'ok' | 'refused' | 'failed';

const outcomeOf = (errors: readonly GraphQLFormattedError[]): Outcome =>
  errors.length === 0 ? 'ok' : errors.some((error) => OUR_FAILURES.has(error.extensions?.code)) ? 'failed' : 'refused';

export interface OperationLogOptions {
  /** The name of the trusted document a request ran, if it ran one: the only names used as metric labels. */
  trustedOperation?: (request: GraphQLRequestContext<RouterContext>) => string | undefined;
}

/**
 * One log line and one latency observation per operation: what ran (type, name), for whom
 * (tenant, role, request id), how it ended (HTTP status, error codes) and how long it took, with
 * the trace id to find its spans. Never the document, variables or tokens.
 */
export function operationLogPlugin({ trustedOperation = () => undefined }: OperationLogOptions = {}): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async executionDidStart(request) {
          recordingSpan()?.setAttributes({ 'graphql.operation.type': request.operation.operation, ...(request.operationName ? { 'graphql.operation.name': request.operationName } : {}) });
        },
        async willSendResponse(request) {
          const seconds = (performance.now() - started) / 1000;
          const body = request.response.body;
          const errors = body.kind === 'single' ? (body.singleResult.errors ?? []) : [];
          const outcome = outcomeOf(errors);
          const type = request.operation?.operation ?? 'unknown';
          operationDuration.labels(type, trustedOperation(request) ?? '(ad hoc)', outcome).observe(seconds);
          const { viewer, requestId } = request.contextValue;
          operationLog.info(
            {
              operationName: request.operationName ?? null,
              type,
              outcome,
              status: request.response.http.status ?? 200,
              durationMs: Math.round(seconds * 10_000) / 10,
              errorCodes: [...new Set(errors.map((error) => error.extensions?.code ?? 'UNKNOWN'))],
              tenantId: viewer?.tenantId ?? null,
              role: viewer?.role ?? null,
              requestId,
              traceId: recordingSpan()?.spanContext().traceId ?? null,
            },
            'operation',
          );
        },
      };
    },
  };
}
