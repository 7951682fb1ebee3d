/** PostgreSQL error codes the API turns into its own codes, in one place. */
const SQLSTATE = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
} as const;

const sqlState = (error: unknown): string | undefined => (error as { code?: unknown })?.code as string | undefined;

export const isUniqueViolation = (error: unknown) => sqlState(error) === SQLSTATE.uniqueViolation;
export const isExclusionViolation = (error: unknown) => sqlState(error) === SQLSTATE.exclusionViolation;
