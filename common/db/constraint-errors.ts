import type { GraphQLError } from 'graphql';

/**
 * A subgraph's table of database constraints and the API error a violation of each means (its
 * manifest's `constraintErrors`). Constraints do the refusing; resolvers never catch database
 * errors themselves, and the server turns a listed violation into its error on the way out.
 */
export type ConstraintErrors = Readonly<Record<string, () => GraphQLError>>;

/** The API error for a database error that violated a listed constraint (PostgreSQL and PGlite name it), else undefined. */
export function constraintError(error: unknown, table: ConstraintErrors): GraphQLError | undefined {
  const constraint = (error as { constraint?: unknown } | null)?.constraint;
  return typeof constraint === 'string' && Object.hasOwn(table, constraint) ? table[constraint]!() : undefined;
}
