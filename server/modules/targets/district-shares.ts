import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import { sumDecimals, toScaled } from '../../../common/domain/decimal';
import { indicatorStanding, lastDayOfMonth } from '../../../common/domain/targets';
import type { indicatorSchema } from '../../../common/schemas/targets';
import type { Executor } from '../../db/client';
import { indicators } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { districtInReach, pathInJurisdiction } from '../../lib/scope';
import { type RegionWithUnit, regionsBelow } from '../regions';
import { type ActualsMemo, computedActual, newActualsMemo } from './indicator-values';
import { type IndicatorActual, decimalOut } from './presenter';
import { type IndicatorRow, actualsOf, breakdownOf } from './repository';

// A city's indicator broken down to its districts (分解到区县, issue 15): each share is kept as a breakdown row under
// the district's top unit (the unit a city's assessment judges, `regionsBelow`), so the unit breakdown's table, its
// sum rule and its audit serve both. A share's actual is the district's own: the same computation over the district,
// or — for an entered indicator — what the district entered on its own indicator of the same name, kind and unit.
// A province's indicator is broken down to its cities the same way (each share under the city's top unit, its 市发改委
// in the demo); a city's actual is the computation over the city's tree, or its own indicator's figure.

export type DistrictShares = NonNullable<z.infer<typeof indicatorSchema>['districtShares']>;
type Share = DistrictShares['items'][number];

/** The districts a city's indicator can be broken down to (the cities of a province's), each under its unit. */
export const shareDistricts = (db: Executor, row: Pick<IndicatorRow, 'regionPath' | 'regionLevel'>): Promise<RegionWithUnit[]> =>
  regionsBelow(db, row.regionPath, row.regionLevel === 'province' ? 'city' : 'district');

/** An indicator broken down to the regions below it (a city's to its districts, a province's to its cities). */
export const sharedBelow = (row: Pick<IndicatorRow, 'regionLevel'>) => row.regionLevel === 'city' || row.regionLevel === 'province';

/** The district's actual for a city indicator's share, or `noCounterpart` when it has no indicator to read it from. */
async function shareActual(
  db: Executor,
  row: IndicatorRow,
  district: RegionWithUnit,
  today: string,
  memo: ActualsMemo,
): Promise<IndicatorActual & { noCounterpart: boolean }> {
  if (row.source === 'computed' && row.computation)
    return { ...(await computedActual(db, row.computation, district.code, row.year, today, memo)), noCounterpart: false };
  const [counterpart] = await db
    .select({ id: indicators.id, source: indicators.source, computation: indicators.computation })
    .from(indicators)
    .where(
      and(
        eq(indicators.regionCode, district.code),
        eq(indicators.year, row.year),
        eq(indicators.name, row.name),
        eq(indicators.kind, row.kind),
        eq(indicators.measure, row.measure),
      ),
    );
  if (!counterpart) return { value: null, month: null, asOf: null, unavailable: false, noCounterpart: true };
  if (counterpart.source === 'computed' && counterpart.computation)
    return { ...(await computedActual(db, counterpart.computation, district.code, row.year, today, memo)), noCounterpart: false };
  const latest = (await actualsOf(db, [counterpart.id])).at(-1);
  if (!latest) return { value: null, month: null, asOf: null, unavailable: false, noCounterpart: false };
  return {
    value: latest.value,
    month: latest.month,
    asOf: lastDayOfMonth(row.year, latest.month),
    unavailable: false,
    noCounterpart: false,
  };
}

/**
 * Each row's district shares as the reader may see them: for a city's indicator, the shares of the districts in his
 * reach (the city's readers every one, a district's readers their own), each with its actual and completion against
 * time, and — when he reads for the indicator's region or above it and sees them all — their sum against the target;
 * a province's indicator the same with its cities; null for a district's indicator. In row order.
 */
export async function districtSharesOf(
  db: Executor,
  actor: Actor,
  rows: IndicatorRow[],
  today = todayInChina(),
  memo = newActualsMemo(),
): Promise<(DistrictShares | null)[]> {
  return Promise.all(
    rows.map(async (row): Promise<DistrictShares | null> => {
      if (!sharedBelow(row)) return null;
      const [breakdown, districts] = await Promise.all([breakdownOf(db, row.id), shareDistricts(db, row)]);
      const byUnit = new Map(districts.map((d) => [d.unitId, d]));
      const seen = breakdown.flatMap((b) => {
        const district = byUnit.get(b.unitId);
        return district && districtInReach(actor, district.path) ? [{ district, targetValue: b.targetValue }] : [];
      });
      seen.sort((a, b) => a.district.code.localeCompare(b.district.code));
      const items = await Promise.all(
        seen.map(async ({ district, targetValue }): Promise<Share> => {
          const actual = await shareActual(db, row, district, today, memo);
          const target = decimalOut(targetValue);
          const standing = indicatorStanding(
            { kind: row.kind, direction: row.direction, target: Number(target), year: row.year },
            actual.value === null ? null : Number(actual.value),
            actual.asOf ?? `${row.year}-12-31`,
            actor.locale,
          );
          return {
            regionCode: district.code,
            regionName: district.name,
            unitId: district.unitId,
            targetValue: target,
            actual: actual.value === null ? null : decimalOut(actual.value),
            asOf: actual.asOf,
            noCounterpart: actual.noCounterpart,
            progress: actual.value === null ? null : standing.progress,
            standing: standing.wording,
          };
        }),
      );
      // A city reading its share of a province's indicator sees its own share only, even when it is the only one.
      const seesAll = breakdown.length > 0 && seen.length === breakdown.length && pathInJurisdiction(actor, row.regionPath);
      const sum = seesAll ? sumDecimals(breakdown.map((b) => decimalOut(b.targetValue))) : null;
      return { items, sum, sumMatches: sum === null ? null : toScaled(sum) === toScaled(decimalOut(row.targetValue)) };
    }),
  );
}

/** Whether the unit ids are the top units of districts of the city's — of cities of the province's (the ones a share is kept under). */
export async function districtUnitsAmong(db: Executor, row: Pick<IndicatorRow, 'regionPath' | 'regionLevel'>, unitIds: string[]) {
  const districts = await shareDistricts(db, row);
  const known = new Set(districts.map((d) => d.unitId));
  return new Set(unitIds.filter((id) => known.has(id)));
}
