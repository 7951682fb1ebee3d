import type { ApolloServerPlugin } from '@apollo/server';
import {
  buildASTSchema,
  GraphQLError,
  isScalarType,
  parse,
  printSchema,
  validate,
  ValuesOfCorrectTypeRule,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { ErrorCode, withHttpStatus } from '../../common/errors.js';
import { controlCharacterRefusal } from '../../common/operations/control-characters.js';
import { PLATFORM_SCALARS } from '../../common/scalars.js';

/**
 * The API schema with the platform's scalars implemented. The gateway's copy passes custom scalars
 * through untouched, so an invalid DateTime would reach a subgraph and fail there, mid-plan.
 */
export function withPlatformScalars(apiSchema: GraphQLSchema): GraphQLSchema {
  const copy = buildASTSchema(parse(printSchema(apiSchema)));
  for (const [name, implementation] of Object.entries(PLATFORM_SCALARS)) {
    const scalar = copy.getType(name);
    if (!isScalarType(scalar)) continue;
    scalar.parseValue = implementation.parseValue;
    scalar.parseLiteral = implementation.parseLiteral;
    scalar.serialize = implementation.serialize;
  }
  return copy;
}

const refused = (code: string, message: string) => withHttpStatus(new GraphQLError(message, { extensions: { code } }));

const literalErrors = new WeakMap<DocumentNode, readonly GraphQLError[]>();

/**
 * A client's mistake in what it sent, found before planning: a value the platform's scalars
 * refuse (in variables or written in the document), or text with control characters.
 */
export function inputRefusal(checked: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): GraphQLError | undefined {
  let literals = literalErrors.get(document);
  if (!literals) {
    literals = validate(checked, document, [ValuesOfCorrectTypeRule]);
    literalErrors.set(document, literals);
  }
  if (literals.length > 0) return refused('GRAPHQL_VALIDATION_FAILED', literals[0]!.message);
  const coerced = getVariableValues(checked, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return refused(ErrorCode.BAD_USER_INPUT, coerced.errors[0]!.message);
  const control = controlCharacterRefusal(document, variables);
  return control && withHttpStatus(control);
}

/**
 * What the gateway would otherwise fail on as its own fault: no operation to run, a subscription
 * sent over HTTP, and invalid input. Each is the client's 400, with a stable code.
 */
export function operationChecksPlugin<Context extends object>(checkedSchema: () => GraphQLSchema): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) {
            throw refused(
              'OPERATION_RESOLUTION_FAILURE',
              request.operationName ? `The document has no operation named "${request.operationName}".` : 'The document has several operations: name the one to run in operationName.',
            );
          }
          if (operation.operation === 'subscription') {
            throw refused('BAD_REQUEST', 'Subscriptions are served over WebSocket (graphql-ws) on this endpoint, not over HTTP.');
          }
          const refusal = inputRefusal(checkedSchema(), document, operation, request.variables);
          if (refusal) throw refusal;
        },
      };
    },
  };
}
