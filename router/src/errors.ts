import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../../common/errors.js';
import { maskError } from '../../common/server/format-error.js';
import { graphqlErrors } from './metrics.js';

// graphql-armor reports its limits as "Syntax Error" validation failures and graphql-js its token
// limit as a parse failure; clients get one code for all of them.
const LIMIT_MESSAGE = /^(Syntax Error: )?(Query depth limit|Aliases limit|Directives limit|Document contains more tha[nt] \d+ tokens|Introspection depth limit)/i;
const SYNTAX_ERROR = /^Syntax Error: /;

/** The router's last word on errors: operation limits get their own code, the rest is masked. */
export function formatRouterError(formatted: GraphQLFormattedError, original: unknown): GraphQLFormattedError {
  const sent = LIMIT_MESSAGE.test(formatted.message)
    ? { message: formatted.message.replace(SYNTAX_ERROR, ''), extensions: { code: ErrorCode.OPERATION_TOO_COMPLEX } }
    : maskError(formatted, original, 'router');
  graphqlErrors.labels(String(sent.extensions?.code)).inc();
  return sent;
}
