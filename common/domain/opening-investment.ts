// 期初累计完成投资 (DOMAIN.md "The ledger"): what a project had completed before its reports in Lantu began, as of the
// last day of a month. Every since-start figure is this amount plus the approved reports of the months after that
// month — never of the months it already covers, so a ledger imported again next year (截至上年底) is not counted twice.
import { lastDayOfMonth } from './targets';

/** A calendar month, as the monthly reports are kept. */
export type YearMonth = { year: number; month: number };

/** The opening amount of a project and the month-end it is as of; both null when nothing was done before Lantu. */
export type OpeningInvestment = { openingCompletedYuan: number | null; openingCompletedAsOf: string | null };

/** The month a date falls in. */
export const monthOfDate = (date: string): YearMonth => ({ year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) });

/** Whether a date is the last day of its month (the only dates an opening amount may be as of). */
export function isMonthEnd(date: string): boolean {
  const { year, month } = monthOfDate(date);
  return lastDayOfMonth(year, month) === date;
}

/** The last day of the year before a date's (截至上年底). */
export const previousYearEnd = (date: string): string => lastDayOfMonth(Number(date.slice(0, 4)) - 1, 12);

/**
 * What is wrong with an opening amount, as a field and a message key, or null when it holds: both or neither given,
 * as of a month's end not after the current month, and no more than the total investment.
 */
export function openingInvestmentProblem(
  project: OpeningInvestment & { totalInvestmentYuan: number | null },
  today: string,
): { field: keyof OpeningInvestment; messageKey: OpeningProblemKey } | null {
  const { openingCompletedYuan: amount, openingCompletedAsOf: asOf } = project;
  if (amount === null && asOf === null) return null;
  if (amount === null) return { field: 'openingCompletedYuan', messageKey: 'project.opening_amount_required' };
  if (asOf === null) return { field: 'openingCompletedAsOf', messageKey: 'project.opening_as_of_required' };
  if (!isMonthEnd(asOf)) return { field: 'openingCompletedAsOf', messageKey: 'project.opening_as_of_month_end' };
  if (asOf.slice(0, 7) > today.slice(0, 7)) return { field: 'openingCompletedAsOf', messageKey: 'project.opening_as_of_future' };
  if (project.totalInvestmentYuan !== null && amount > project.totalInvestmentYuan)
    return { field: 'openingCompletedYuan', messageKey: 'project.opening_exceeds_total' };
  return null;
}

export type OpeningProblemKey =
  | 'project.opening_amount_required'
  | 'project.opening_as_of_required'
  | 'project.opening_as_of_month_end'
  | 'project.opening_as_of_future'
  | 'project.opening_exceeds_total';
