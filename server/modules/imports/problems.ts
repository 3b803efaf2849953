import type { z } from 'zod';
import { AppError } from '../../lib/errors';
import { isMessageKey } from '../../lib/messages';
import type { CellProblem } from '../../lib/spreadsheets/columns/types';

/**
 * A problem as a job stores it: where (spreadsheet row, column number, API field) and what (a message key and its
 * parameters, or a zod issue), translated only when someone reads it, in their language.
 */
export type StoredProblem = {
  row: number;
  column: number | null;
  field: string | null;
  code: string;
  params?: Record<string, string | number>;
};

type Where = { row: number; column: number | null; field: string | null };

export const cellProblem = (where: Where, problem: CellProblem): StoredProblem => ({ ...where, ...problem });

/**
 * A zod issue of the API contract as a problem: its message key when the contract names one, else the zod issue
 * itself (its code and limits), rendered by zod's own locale when read.
 */
export function zodProblem(row: number, columnOf: (field: string) => number | null, issue: z.core.$ZodIssue): StoredProblem {
  const field = issue.path.map(String).join('.') || null;
  const column = field ? columnOf(field) : null;
  if (isMessageKey(issue.message)) return { row, column, field, code: issue.message };
  const { path: _path, message: _message, input: _input, ...rest } = issue as z.core.$ZodIssue & { input?: unknown };
  return { row, column, field, code: 'zod', params: { issue: JSON.stringify(rest) } };
}

/** The problems a rule's AppError names (its details, or its own message when it names no field). */
export function ruleProblems(row: number, columnOf: (field: string) => number | null, error: AppError): StoredProblem[] {
  if (!error.details.length) return [{ row, column: null, field: null, code: error.messageKey, params: error.params }];
  return error.details.map((d) => ({
    row,
    column: columnOf(d.path),
    field: d.path,
    code: d.messageKey,
    ...(d.params ? { params: d.params } : {}),
  }));
}

/** Runs a rule check, turning the AppError it throws into problems; other errors are real failures and propagate. */
export async function problemsOf(row: number, columnOf: (field: string) => number | null, check: () => Promise<unknown>) {
  try {
    await check();
    return [];
  } catch (error) {
    if (error instanceof AppError) return ruleProblems(row, columnOf, error);
    throw error;
  }
}
