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
  return { completedYuan, plannedYuan, ...againstTime(completedYuan, plannedYuan, timeElapsedRate) };
}

// Completed ÷ planned against the share of time elapsed: the one rule of projects, units and indicators alike.
function againstTime(done: number, planned: number, timeElapsedRate: number): Omit<TimeProgress, 'completedYuan' | 'plannedYuan'> {
  if (planned === 0) return { completionRate: null, timeElapsedRate, gapPoints: null, status: 'no_plan' };
  const completionRate = done / planned;
  const gapPoints = roundToTenth((completionRate - timeElapsedRate) * 100);
  // On pace when the gap rounds to 0.0 points, i.e. |gap| < 0.05, so the status always matches the figure shown.
  const status = gapPoints > 0 ? 'ahead' : gapPoints < 0 ? 'behind' : 'on_pace';
  return { completionRate, timeElapsedRate, gapPoints, status };
}

/** An indicator's progress: its actual to date against its annual target, and against the share of the year elapsed. */
export type TargetProgress = Omit<TimeProgress, 'completedYuan' | 'plannedYuan'>;

/**
 * Completion of an annual target against time, by the same rule as `completionAgainstTime`: actual ÷ target
 * (any unit of measure, decimals allowed) compared with the share of the year elapsed at asOf.
 */
export function targetAgainstTime(input: { actual: number; target: number; year: number; asOf: string }): TargetProgress {
  const { actual, target, year, asOf } = input;
  if (!Number.isFinite(actual) || !Number.isFinite(target)) throw new RangeError('actual and target must be finite numbers');
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year is not a calendar year: ${year}`);
  if (!isIsoDate(asOf)) throw new RangeError(`asOf is not an ISO calendar date: ${String(asOf)}`);
  return againstTime(actual, target, yearShare(year, asOf));
}

/** Words an indicator's progress the way officials write it: 完成年度目标的45.5%，快于时间进度3.8个百分点. */
export function describeTargetProgress(p: TargetProgress, locale: 'zh-CN' | 'en-US'): string {
  return describeAgainstTime(p, locale, { zh: '年度目标', en: 'annual target', noneZh: '未设定年度目标', noneEn: 'No annual target' });
}

/**
 * Words a growth rate against its target the way a 通报 does: 增长6.8%，高于目标0.3个百分点 (a fall: 下降1.2%); an
 * at-most target reads the other way round (低于控制目标).
 */
export function describeGrowthAgainstTarget(actual: number, target: number, locale: 'zh-CN' | 'en-US'): string {
  const zh = locale === 'zh-CN';
  const gap = roundToTenth(actual - target);
  const change = zh
    ? `${actual < 0 ? '下降' : '增长'}${formatTenth(Math.abs(actual))}%`
    : `${actual < 0 ? 'down' : 'up'} ${formatTenth(Math.abs(actual))}%`;
  const points = formatTenth(Math.abs(gap));
  if (zh)
    return gap > 0 ? `${change}，高于目标${points}个百分点` : gap < 0 ? `${change}，低于目标${points}个百分点` : `${change}，与目标持平`;
  return gap > 0
    ? `${change}, ${points} points above target`
    : gap < 0
      ? `${change}, ${points} points below target`
      : `${change}, on target`;
}

/** Words a level that must stay at most its target: 为控制目标的82.0%，在目标以内 / 超出目标3.5. */
export function describeCeiling(actual: number, target: number, locale: 'zh-CN' | 'en-US'): string {
  const zh = locale === 'zh-CN';
  if (target === 0) return zh ? '未设定年度目标' : 'No annual target';
  const rate = formatTenth((actual / target) * 100);
  if (actual <= target) return zh ? `为控制目标的${rate}%，在目标以内` : `${rate}% of the ceiling, within target`;
  return zh ? `为控制目标的${rate}%，超出目标` : `${rate}% of the ceiling, over target`;
}

/** Words the progress the way officials write it, e.g. 完成年度计划的45.5%，快于时间进度3.8个百分点. */
export function describeTimeProgress(p: TimeProgress, locale: 'zh-CN' | 'en-US'): string {
  return describeAgainstTime(p, locale, { zh: '年度计划', en: 'annual plan', noneZh: '未下达年度计划', noneEn: 'No annual plan' });
}

/** The one wording of a completion rate against time, of a plan or of a target. */
function describeAgainstTime(
  p: Pick<TimeProgress, 'completionRate' | 'gapPoints'>,
  locale: 'zh-CN' | 'en-US',
  of: { zh: string; en: string; noneZh: string; noneEn: string },
): string {
  const zh = locale === 'zh-CN';
  if (p.completionRate === null || p.gapPoints === null) return zh ? of.noneZh : of.noneEn;
  const rate = formatTenth(p.completionRate * 100);
  const gap = formatTenth(Math.abs(p.gapPoints));
  if (zh) {
    if (p.gapPoints > 0) return `完成${of.zh}的${rate}%，快于时间进度${gap}个百分点`;
    if (p.gapPoints < 0) return `完成${of.zh}的${rate}%，慢于时间进度${gap}个百分点`;
    return `完成${of.zh}的${rate}%，与时间进度持平`;
  }
  const points = gap === '1.0' ? 'point' : 'points';
  if (p.gapPoints > 0) return `${rate}% of the ${of.en}, ${gap} ${points} ahead of time`;
  if (p.gapPoints < 0) return `${rate}% of the ${of.en}, ${gap} ${points} behind time`;
  return `${rate}% of the ${of.en}, on pace with time`;
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
