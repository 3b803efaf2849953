/** PostgreSQL's SQLSTATE codes (PGlite answers the same) that a service turns into a user's 409 rather than a 500. */
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** True when the error carries PostgreSQL's SQLSTATE `code`, however deep the driver wrapped it. */
export const hasSqlState = (error: unknown, code: string): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { code: own, cause } = error as { code?: unknown; cause?: unknown };
  return own === code || hasSqlState(cause, code);
};
