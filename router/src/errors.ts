import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../common/errors.js';
import { maskError } from '../../common/server/format-error.js';

// graphql-armor reports its limits as validation errors; clients get one code for all of them.
const LIMIT_MESSAGE = /^Syntax Error: (Query depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit|Max tokens)/i;
// What the gateway says when a subgraph cannot be reached or times out (it names the service).
const SUBGRAPH_FAILURE = /^Error while fetching subquery from service "([^"]+)"|^(?:request to|The operation was aborted)/;

/** The router's last word on errors: operation limits and unreachable subgraphs get stable codes. */
export function formatRouterError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  if (LIMIT_MESSAGE.test(formatted.message)) {
    return { message: formatted.message.replace(/^Syntax Error: /, ''), extensions: { code: ErrorCode.OPERATION_TOO_COMPLEX } };
  }
  const failure = SUBGRAPH_FAILURE.exec(formatted.message);
  if (failure) {
    const service = (formatted.extensions?.serviceName as string | undefined) ?? failure[1] ?? 'a';
    return {
      message: `The ${service} service did not answer in time.`,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
    };
  }
  return maskError(formatted, original);
}
