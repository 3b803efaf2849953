import { ApiError, isApiError } from '../../../lib/api-client';

/** A refused mapping split in two: the messages of each row (by the row's place in the body sent), and the rest. */
export type MappingErrors = { byRow: Map<number, string>; rest: unknown };

const ROW_PATH = /^columns\.(\d+)(?:\.|$)/;

/**
 * Reads a refused mapping's details (`columns.3.field`: a field used twice, an unknown field or column) so each can be
 * shown on its own row's select; what names no row stays on the error, to be shown as a message.
 */
export function splitMappingErrors(error: unknown, rowCount: number): MappingErrors {
  const byRow = new Map<number, string>();
  if (!isApiError(error) || error.details.length === 0) return { byRow, rest: error };
  const unmatched = error.details.filter((detail) => {
    const index = Number(ROW_PATH.exec(detail.path)?.[1] ?? Number.NaN);
    if (!Number.isInteger(index) || index >= rowCount) return true;
    const before = byRow.get(index);
    byRow.set(index, before ? `${before}; ${detail.message}` : detail.message);
    return false;
  });
  const rest = new ApiError(error.status, error.code, error.message, unmatched, error.requestId);
  return { byRow, rest };
}
