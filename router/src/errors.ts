import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../common/errors.js';
import { maskError } from '../../common/server/format-error.js';

// graphql-armor reports its limits as "Syntax Error" validation failures; clients get one code for all of them.
const LIMIT_MESSAGE = /^Syntax Error: (Query depth limit|Query Cost limit|Aliases limit|Directives limit|Token limit|Max tokens)/i;
// graphql-armor's token limit parses the document itself, so plain syntax errors arrive as validation failures too.
const SYNTAX_ERROR = /^Syntax Error: /;

/** The router's last word on errors: operation limits and syntax errors get their own codes, the rest is masked. */
export function formatRouterError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  if (LIMIT_MESSAGE.test(formatted.message)) {
    return { message: formatted.message.replace(SYNTAX_ERROR, ''), extensions: { code: ErrorCode.OPERATION_TOO_COMPLEX } };
  }
  if (SYNTAX_ERROR.test(formatted.message) && formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED') {
    return maskError({ ...formatted, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }, original);
  }
  return maskError(formatted, original);
}
