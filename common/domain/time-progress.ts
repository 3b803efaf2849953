import { dayOfYear, daysInYear, isIsoDate } from './dates';

// Completion against time (时间进度): year-to-date investment completed ÷ annual plan, compared with the share
// of the year elapsed (or of the monthly plan due). Money is integer 元; rates are fractions (0.455 = 45.5%).

/** The headline progress figure of a project, unit, category or region, ready to show or sort. */
export type TimeProgress = {
  completedYuan: number;
  plannedYuan: number;
  /** Completed ÷ plan; null when the plan is 0. */
  completionRate: number | null;
  /** Share of the year elapsed at asOf, or the cumulative monthly plan share when a monthly plan was given. */
  timeElapsedRate: number;
  /** (completionRate − timeElapsedRate) × 100, rounded half away from zero to 1 decimal; null when the plan is 0. */
  gapPoints: number | null;
  status: 'ahead' | 'on_pace' | 'behind' | 'no_plan';
};

/** Computes completion against time, the one definition every screen and report uses. */
export function completionAgainstTime(input: {
  completedYuan: number;
  plannedYuan: number;
  year: number;
  asOf: string;
  monthlyPlanYuan?: number[];
}): TimeProgress {
  const { completedYuan, plannedYuan, year, asOf, monthlyPlanYuan } = input;
  checkYuan(completedYuan, 'completedYuan');
  checkYuan(plannedYuan, 'plannedYuan');
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year is not a calendar year: ${year}`);
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not an ISO calendar date: ${String(asOf)}`);
  const timeElapsedRate = monthlyPlanYuan ? monthlyPlanShare(monthlyPlanYuan, year, asOf) : yearShare(year, asOf);
  if (plannedYuan === 0) return { completedYuan, plannedYuan, completionRate: null, timeElapsedRate, gapPoints: null, status: 'no_plan' };
  const completionRate = completedYuan / plannedYuan;
  const gapPoints = roundToTenth((completionRate - timeElapsedRate) * 100);
  // On pace when the gap rounds to 0.0 points, i.e. |gap| < 0.05, so the status always matches the figure shown.
  const status = gapPoints > 0 ? 'ahead' : gapPoints < 0 ? 'behind' : 'on_pace';
  return { completedYuan, plannedYuan, completionRate, timeElapsedRate, gapPoints, status };
}

/** Words the progress the way officials write it, e.g. 完成年度计划的45.5%，快于时间进度3.8个百分点. */
export function describeTimeProgress(p: TimeProgress, locale: 'zh-CN' | 'en-US'): string {
  const zh = locale === 'zh-CN';
  if (p.completionRate === null || p.gapPoints === null) return zh ? '未下达年度计划' : 'No annual plan';
  const rate = formatTenth(p.completionRate * 100);
  const gap = formatTenth(Math.abs(p.gapPoints));
  if (zh) {
    if (p.gapPoints > 0) return `完成年度计划的${rate}%，快于时间进度${gap}个百分点`;
    if (p.gapPoints < 0) return `完成年度计划的${rate}%，慢于时间进度${gap}个百分点`;
    return `完成年度计划的${rate}%，与时间进度持平`;
  }
  const points = gap === '1.0' ? 'point' : 'points';
  if (p.gapPoints > 0) return `${rate}% of the annual plan, ${gap} ${points} ahead of time`;
  if (p.gapPoints < 0) return `${rate}% of the annual plan, ${gap} ${points} behind time`;
  return `${rate}% of the annual plan, on pace with time`;
}

// Days elapsed through asOf, asOf itself included, over the days of the year: 1 January counts one day,
// 31 December the whole year. Before the year nothing has elapsed; after it, all of it.
function yearShare(year: number, asOf: string): number {
  const days = daysInYear(year);
  const asOfYear = Number(asOf.slice(0, 4));
  if (asOfYear < year) return 0;
  if (asOfYear > year) return 1;
  return dayOfYear(asOf) / days;
}

// The monthly plan due through the end of asOf's month (the whole month counts from its first day, as in
// "1–5月累计计划"), over the sum of the monthly plan. The sum, not plannedYuan, is the denominator so that the share
// stays within 0..1 when the months were spread from another version of the plan; with no months planned at all,
// the calendar share is used instead.
function monthlyPlanShare(monthly: number[], year: number, asOf: string): number {
  if (monthly.length !== 12) throw new RangeError(`monthlyPlanYuan needs 12 values, got ${monthly.length}`);
  monthly.forEach((m, i) => {
    checkYuan(m, `monthlyPlanYuan[${i}]`);
  });
  const total = monthly.reduce((sum, m) => sum + m, 0);
  if (total === 0) return yearShare(year, asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  if (asOfYear < year) return 0;
  if (asOfYear > year) return 1;
  const month = Number(asOf.slice(5, 7));
  return monthly.slice(0, month).reduce((sum, m) => sum + m, 0) / total;
}

function checkYuan(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole, non-negative number of 元: ${value}`);
}

// Rounds half away from zero; the inner toFixed absorbs binary noise such as 3.8499999999999996.
function roundToTenth(value: number): number {
  const tenths = Math.round(Number(Math.abs(value * 10).toFixed(6)));
  const rounded = (Math.sign(value) * tenths) / 10;
  return rounded === 0 ? 0 : rounded;
}

function formatTenth(value: number): string {
  return roundToTenth(value).toFixed(1);
}
