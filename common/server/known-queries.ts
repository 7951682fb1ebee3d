import type { ApolloServerPlugin } from '@apollo/server';
import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { knownQueryAnswers } from '../metrics.js';
import { controlCharacterRefusal } from '../operations/control-characters.js';
import { MAX_OPERATION_COST, operationCost } from '../operations/cost.js';

/** What Apollo Server resolved for a query text: the parsed, validated document, for its schema. */
interface KnownQuery {
  schema: GraphQLSchema;
  document: DocumentNode;
}

/** Distinct query texts remembered; past it the oldest is forgotten (a subgraph sees a few dozen). */
const CAPACITY = 1_000;

const BODY_KEYS = new Set(['query', 'variables', 'operationName']);

/** `Accept` headers Apollo Server answers with `application/json; charset=utf-8`; it negotiates the rest. */
const ANSWERS_JSON = new Set([undefined, '*/*', 'application/json']);

/**
 * Query documents Apollo Server has already parsed and validated, answered again without its
 * request pipeline. A subgraph is asked the same few query texts (the router's plans) over and
 * over, and for a small one Apollo Server's per-request steps cost as much as the query itself:
 * its query hash, its document cache, and every plugin's hooks, which ask the same static
 * questions of the same document each time.
 *
 * What depends on the request is still checked, as the plugins would: control characters and the
 * operation's cost here, the variables by graphql-js as it executes (variables that do not coerce
 * end execution before any resolver runs, with errors). Anything else goes the whole way
 * through Apollo Server, as it did before: a text seen for the first time, a mutation, a body
 * with extensions, variables that do not coerce or fit, a context that cannot be built, and any
 * result with errors (a read, run again there so its errors are formatted exactly as before; a
 * failing read thus costs up to twice, within the same cost limit). So what a client receives is
 * the same, byte for byte.
 */
export class KnownQueries<Context extends object> {
  private readonly known = new Map<string, KnownQuery>();
  private open = true;

  /** `service`: the subgraph's name, for its metrics. */
  constructor(private readonly service: string) {}

  /** Remembers each query Apollo Server resolves, and forgets them all once it starts stopping. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      serverWillStart: async () => ({
        serverWillStop: async () => {
          this.open = false;
          this.known.clear();
        },
      }),
      requestDidStart: async () => ({
        didResolveOperation: async ({ schema, document, operation, request }) => {
          if (!this.open || !operation || operation.operation !== 'query' || typeof request.query !== 'string') return;
          const key = keyOf(request.query, request.operationName);
          if (this.known.has(key)) return;
          if (this.known.size >= CAPACITY) this.known.delete(this.known.keys().next().value!);
          this.known.set(key, { schema, document });
        },
      }),
    };
  }

  /**
   * The response text for a known query (JSON, as Apollo Server answers a caller that accepts
   * anything), or undefined when the request must go through Apollo Server.
   */
  async answer(body: unknown, accept: string | undefined, context: () => Promise<Context>): Promise<string | undefined> {
    if (!this.open || !ANSWERS_JSON.has(accept) || !isPlainRequest(body)) return undefined;
    const known = this.known.get(keyOf(body.query, body.operationName));
    if (!known) return undefined;
    const variables = body.variables ?? {};
    const { schema, document } = known;
    if (controlCharacterRefusal(document, body.variables)) return undefined;
    const cost = operationCost(schema, document, body.operationName, variables);
    if (cost === undefined || cost > MAX_OPERATION_COST) return undefined;
    let result: ExecutionResult;
    try {
      result = await execute({ schema, document, contextValue: await context(), variableValues: variables, operationName: body.operationName });
    } catch {
      return undefined;
    }
    if (result.errors?.length) return undefined;
    knownQueryAnswers.inc({ service: this.service });
    // Apollo Server writes `{ errors, data, extensions }` with a line feed; here there are only data.
    return `${JSON.stringify({ data: result.data })}\n`;
  }
}

interface PlainRequest {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
}

function isPlainRequest(body: unknown): body is PlainRequest {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const { query, variables, operationName } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    (variables == null || (typeof variables === 'object' && !Array.isArray(variables))) &&
    (operationName == null || typeof operationName === 'string') &&
    Object.keys(body).every((key) => BODY_KEYS.has(key))
  );
}

const keyOf = (query: string, operationName: string | null | undefined) => `${operationName ?? ''}\u0000${query}`;
