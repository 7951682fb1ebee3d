/** PostgreSQL error codes the API turns into its own codes, in one place. */
const SQLSTATE = {
  uniqueViolation: '23505',
  exclusionViolation: '23P01',
  checkViolation: '23514',
  foreignKeyViolation: '23503',
} as const;

const sqlState = (error: unknown): string | undefined => (error as { code?: unknown })?.code as string | undefined;

export const isUniqueViolation = (error: unknown) => sqlState(error) === SQLSTATE.uniqueViolation;
export const isExclusionViolation = (error: unknown) => sqlState(error) === SQLSTATE.exclusionViolation;
export const isCheckViolation = (error: unknown) => sqlState(error) === SQLSTATE.checkViolation;
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === SQLSTATE.foreignKeyViolation;
