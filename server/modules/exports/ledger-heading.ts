import { completionAgainstTime } from '../../../common/domain/time-progress';
import type { LedgerHeading } from './ledger';

/**
 * The year a ledger covers and how far into it: a past year in full (1–12月), the current year through the
 * current month, a later year through January (nothing is due yet, but the column keeps its place).
 */
export function ledgerHeading(input: {
  regionName: string;
  year: number;
  today: string;
  title: (region: string, year: number) => string;
}): LedgerHeading {
  const { year, today } = input;
  const currentYear = Number(today.slice(0, 4));
  const throughMonth = year < currentYear ? 12 : year > currentYear ? 1 : Number(today.slice(5, 7));
  // Time elapsed (时间进度) by the one shared definition: the share of the year through today.
  const { timeElapsedRate } = completionAgainstTime({ completedYuan: 0, plannedYuan: 0, year, asOf: today });
  return {
    title: input.title(input.regionName, year),
    year,
    throughMonth,
    asOf: today,
    timeElapsed: `${(timeElapsedRate * 100).toFixed(1)}%`,
  };
}
