import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode, withHttpStatus } from '../errors.js';

/**
 * The most an operation may cost. A field costs 1; a list field's selection costs as many times
 * as the page it asks for. The owner portal's largest operation (a page of 50 bookings with their
 * user, seat and library) costs 1,151; a page of 100 bookings with every field and the names of
 * their student and booker, about 3,100; 100 seats each with a page of 100 of its library's seats,
 * 60,000. The limit lets the pages a portal or an integrator asks for through, and halves the CPU
 * the costliest operation allowed takes (about 45 ms, half in the router and half in the subgraph;
 * at 10,000, about 100 ms), which another tenant's p99 latency feels while it runs (see
 * docs/architecture.md).
 */
export const MAX_OPERATION_COST = 5_000;

/**
 * Multiplies a field's selection by the `first` (or `last`) it is given, whether written in the
 * document, passed as a variable or left to the schema's default: a variable cannot hide a page.
 * A subgraph's `_entities` is multiplied by the representations it is handed, and a subscription's
 * `events` field (see `@eventSubscription`) by the event ids, so a caller reaching a subgraph
 * directly cannot hide a page in them either.
 */
const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const size =
    typeof args.first === 'number' ? args.first
    : typeof args.last === 'number' ? args.last
    : field.name === '_entities' && Array.isArray(args.representations) ? args.representations.length
    : Array.isArray(args.eventIds) ? args.eventIds.length
    : 1;
  return 1 + childComplexity * Math.max(1, size);
};

/**
 * What the cost of an operation can depend on in its variables: numbers (a `first`), lists (the
 * representations handed to `_entities`) by their length, booleans (`@include`, `@skip`), and
 * which are null or missing. Strings and input objects cannot change it.
 */
function costSignature(operationName: string | null | undefined, variables: Record<string, unknown>): string {
  let signature = operationName ?? '';
  for (const name in variables) {
    const value = variables[name];
    signature += `,${name}:${Array.isArray(value) ? `[${value.length}]` : typeof value === 'number' || typeof value === 'boolean' || value == null ? String(value) : typeof value}`;
  }
  return signature;
}

/** Costs already computed, per schema, parsed document (servers keep one per distinct query text) and signature. */
const knownCosts = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();
const SIGNATURES_PER_DOCUMENT = 64;

/**
 * What an operation would cost with these variables; undefined when they do not fit the operation,
 * which execution then refuses on its own, before anything is called. Remembered for the document
 * and what in the variables can change it: the same page asked again costs no walk of its document.
 */
export function operationCost(schema: GraphQLSchema, query: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined): number | undefined {
  const signature = costSignature(operationName, variables ?? {});
  let documents = knownCosts.get(schema);
  if (!documents) knownCosts.set(schema, (documents = new WeakMap()));
  let costs = documents.get(query);
  const known = costs?.get(signature);
  if (known !== undefined) return known;
  let cost: number;
  try {
    cost = getComplexity({ schema, query, variables: variables ?? {}, ...(operationName ? { operationName } : {}), estimators: [pageEstimator] });
  } catch {
    // Not remembered: other values of the same shape may fit, and must then be counted.
    return undefined;
  }
  if (!costs) documents.set(query, (costs = new Map()));
  if (costs.size < SIGNATURES_PER_DOCUMENT) costs.set(signature, cost);
  return cost;
}

export const tooComplex = (cost: number, maxCost = MAX_OPERATION_COST) =>
  new GraphQLError(`The operation costs ${cost}, more than the ${maxCost} allowed: ask for smaller pages or fewer nested lists.`, {
    extensions: { code: ErrorCode.OPERATION_TOO_COMPLEX, cost, maxCost },
  });

export interface OperationCostOptions<Context> {
  maxCost?: number;
  /** Charges an operation that fits to whoever sent it (a budget per client); throws to refuse it. */
  charge?: (cost: number, context: Context) => Promise<void>;
}

/** Refuses an operation that costs too much, once its variables are known and before it runs. */
export function operationCostPlugin<Context extends object>({ maxCost = MAX_OPERATION_COST, charge }: OperationCostOptions<Context> = {}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request, contextValue }) {
          const cost = operationCost(schema, document, request.operationName, request.variables);
          if (cost === undefined) return;
          if (cost > maxCost) throw withHttpStatus(tooComplex(cost, maxCost));
          try {
            await charge?.(cost, contextValue);
          } catch (error) {
            throw error instanceof GraphQLError ? withHttpStatus(error) : error;
          }
        },
      };
    },
  };
}
