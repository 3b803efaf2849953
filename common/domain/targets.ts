import type { TargetComputation, TargetDirection, TargetKind, TargetMeasure } from '../enums';
import type { Locale } from '../locale';
import {
  type TargetProgress,
  describeCeiling,
  describeGrowthAgainstTarget,
  describeTargetProgress,
  targetAgainstTime,
} from './time-progress';

// Indicators (目标指标): what each named computation measures, which unit of measure a target must be set in, and how
// an actual reads against its target. The server computes the values (server/modules/targets/computations.ts);
// the page and the 通报 word them with the functions here.

/** A named computation: the unit of measure its value comes in, and whether Lantu can compute it yet. */
export type ComputationInfo = { measure: TargetMeasure; available: boolean };

export const COMPUTATIONS: Record<TargetComputation, ComputationInfo> = {
  key_projects_count: { measure: 'item', available: true },
  key_projects_total_investment: { measure: 'yi_yuan', available: true },
  new_starts: { measure: 'item', available: true },
  investment_completed: { measure: 'yi_yuan', available: true },
  // From investment attraction (招商引资): land supplied (carriers), signed leads, their contract value and the funds
  // from outside the city they brought in (leads).
  land_supplied: { measure: 'mu', available: true },
  projects_signed: { measure: 'item', available: true },
  contract_value: { measure: 'yi_yuan', available: true },
  out_of_city_funds: { measure: 'yi_yuan', available: true },
};

/** Why a target's unit of measure is refused, or null when it fits: a growth rate is in %, a computed one in its computation's unit. */
export function measureProblem(input: {
  kind: TargetKind;
  measure: TargetMeasure;
  computation: TargetComputation | null;
}): { expected: TargetMeasure } | null {
  if (input.kind === 'growth' && input.measure !== 'percent') return { expected: 'percent' };
  if (input.computation) {
    const expected = COMPUTATIONS[input.computation].measure;
    if (input.kind === 'level' && input.measure !== expected) return { expected };
  }
  return null;
}

/** How an indicator stands: its completion against time (levels to reach), or its wording alone (growth, ceilings). */
export type IndicatorStanding = { progress: TargetProgress | null; wording: string };

/**
 * Reads an actual against its target, the way officials write it. A level to reach (≥) is completion against the
 * share of the year elapsed at asOf (完成年度目标的45.5%，快于时间进度3.8个百分点); a growth rate is compared with the
 * target rate in points (增长6.8%，高于目标0.3个百分点); a ceiling (≤) says whether it is within the target.
 */
export function indicatorStanding(
  indicator: { kind: TargetKind; direction: TargetDirection; target: number; year: number },
  actual: number | null,
  asOf: string,
  locale: Locale,
): IndicatorStanding {
  const zh = locale === 'zh-CN';
  if (actual === null) return { progress: null, wording: zh ? '暂无实际数' : 'No actual yet' };
  if (indicator.kind === 'growth') return { progress: null, wording: describeGrowthAgainstTarget(actual, indicator.target, locale) };
  if (indicator.direction === 'at_most') return { progress: null, wording: describeCeiling(actual, indicator.target, locale) };
  const progress = targetAgainstTime({ actual, target: indicator.target, year: indicator.year, asOf });
  return { progress, wording: describeTargetProgress(progress, locale) };
}

/** The last day of a month (the day an entered year-to-date actual stands at). */
export function lastDayOfMonth(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
