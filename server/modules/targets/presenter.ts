import type { z } from 'zod';
import { compareDates } from '../../../common/domain/dates';
import { toScaled } from '../../../common/domain/decimal';
import { indicatorStanding, lastDayOfMonth } from '../../../common/domain/targets';
import type { commitmentSchema, indicatorSchema } from '../../../common/schemas/targets';
import type { Actor } from '../../lib/actor';
import { translate } from '../../lib/messages';
import { commitmentAbilities, indicatorAbilities } from './policy';
import type { ActualRow, CommitmentRow, IndicatorRow } from './repository';

/** A decimal as the database gives it ("1200.0000") in its shortest form ("1200"). */
export const decimalOut = (value: string): string => {
  const [whole, fraction = ''] = value.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const out = trimmed ? `${whole}.${trimmed}` : (whole ?? '0');
  return out === '-0' ? '0' : out;
};

/** The day a computed figure of the year stands at: today within the year, its last day after it, its first before it. */
export const computedAsOf = (year: number, today: string) => {
  if (compareDates(today, `${year}-12-31`) > 0) return `${year}-12-31`;
  if (compareDates(today, `${year}-01-01`) < 0) return `${year}-01-01`;
  return today;
};

/** What the presenter knows of an indicator's actual: computed now, or the latest month entered. */
export type IndicatorActual = { value: string | null; month: number | null; asOf: string | null; unavailable: boolean };

/** The latest entered month of an indicator, as its actual to date. */
export function enteredActual(indicator: IndicatorRow, actuals: ActualRow[]): IndicatorActual {
  const latest = actuals.filter((a) => a.indicatorId === indicator.id).at(-1);
  if (!latest) return { value: null, month: null, asOf: null, unavailable: false };
  return { value: latest.value, month: latest.month, asOf: lastDayOfMonth(indicator.year, latest.month), unavailable: false };
}

type Presented = z.infer<typeof indicatorSchema>;

/**
 * An indicator with its actual to date and how it stands, worded in the reader's language, with his abilities; a
 * city's indicator with the districts' shares he may see (`districtSharesOf`), when given.
 */
export function presentIndicator(
  actor: Actor,
  row: IndicatorRow,
  actual: IndicatorActual,
  districtShares: Presented['districtShares'] = null,
): Presented {
  const value = actual.value === null ? null : decimalOut(actual.value);
  const target = decimalOut(row.targetValue);
  const standing = actual.unavailable
    ? { progress: null, wording: translate(actor.locale, 'target.not_computable') }
    : indicatorStanding(
        { kind: row.kind, direction: row.direction, target: Number(target), year: row.year },
        value === null ? null : Number(value),
        actual.asOf ?? `${row.year}-12-31`,
        actor.locale,
      );
  return {
    id: row.id,
    regionCode: row.regionCode,
    regionName: row.regionName,
    regionLevel: row.regionLevel,
    year: row.year,
    name: row.name,
    measure: row.measure,
    kind: row.kind,
    targetValue: target,
    qualifier: row.qualifier,
    direction: row.direction,
    ownerUnitId: row.ownerUnitId,
    ownerUnitName: row.ownerUnitName,
    source: row.source,
    computation: row.computation,
    note: row.note,
    sortOrder: row.sortOrder,
    actual: value,
    actualMonth: actual.month,
    asOf: actual.asOf,
    unavailableReason: actual.unavailable ? translate(actor.locale, 'target.not_computable') : null,
    progress: standing.progress,
    standing: standing.wording,
    version: row.version,
    abilities: indicatorAbilities(actor, row),
    districtShares,
  };
}

/** A pledge or 民生实事: late when past its deadline and not done; its latest cumulative quantity against the target. */
export function presentCommitment(actor: Actor, row: CommitmentRow, today: string): z.infer<typeof commitmentSchema> {
  const late = !row.done && compareDates(row.deadline, today) < 0;
  const target = toScaled(row.targetValue);
  const completionRate = row.latestValue === null || target === 0n ? null : Number(toScaled(row.latestValue)) / Number(target);
  return {
    id: row.id,
    regionCode: row.regionCode,
    year: row.year,
    kind: row.kind,
    unitId: row.unitId,
    unitName: row.unitName,
    title: row.title,
    targetValue: decimalOut(row.targetValue),
    measure: row.measure,
    deadline: row.deadline,
    publicWording: row.publicWording,
    done: row.done,
    doneOn: row.doneOn,
    late,
    latestValue: row.latestValue === null ? null : decimalOut(row.latestValue),
    latestMonth: row.latestMonth,
    completionRate,
    matterId: row.matterId,
    version: row.version,
    abilities: commitmentAbilities(actor, { isOwner: row.isOwner, late, matterId: row.matterId }),
  };
}
