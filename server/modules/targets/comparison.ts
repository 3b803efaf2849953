import type { z } from 'zod';
import { sumDecimals } from '../../../common/domain/decimal';
import { indicatorStanding } from '../../../common/domain/targets';
import type { Locale } from '../../../common/locale';
import type { indicatorComparisonSchema, indicatorSchema } from '../../../common/schemas/targets';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { districtOf } from '../regions';
import { actualsOfIndicators } from './indicator-values';
import { presentIndicator } from './presenter';
import { listIndicators } from './repository';

type Indicator = z.infer<typeof indicatorSchema>;
type Comparison = z.infer<typeof indicatorComparisonSchema>;
type Row = Comparison['rows'][number];

/** Indicators of different districts are the same indicator when name, kind, unit of measure and computation agree. */
const sameIndicator = (i: Indicator) => [i.name, i.kind, i.measure, i.source === 'computed' ? (i.computation ?? '') : ''].join('\u0000');

/**
 * The districts' sum of one row: only for a level indicator (≥) that every district has, in a unit that adds up (not
 * a percentage), each with an actual standing at the same day; then the sum's completion against time is worded as
 * any indicator's. Otherwise null: growth rates and ceilings do not add up, and a sum of figures of different months
 * would read as one it is not.
 */
function totalOf(cells: (Indicator | null)[], year: number, locale: Locale): Row['total'] {
  const present = cells.filter((c): c is Indicator => c !== null);
  if (present.length !== cells.length || present.length < 2) return null;
  const first = present[0];
  if (first?.kind !== 'level' || first.measure === 'percent') return null;
  if (present.some((c) => c.direction !== 'at_least' || c.actual === null || c.asOf === null || c.asOf !== first.asOf)) return null;
  const targetValue = sumDecimals(present.map((c) => c.targetValue));
  const actual = sumDecimals(present.map((c) => c.actual ?? '0'));
  const asOf = first.asOf ?? `${year}-12-31`;
  const standing = indicatorStanding(
    { kind: 'level', direction: 'at_least', target: Number(targetValue), year },
    Number(actual),
    asOf,
    locale,
  );
  return { targetValue, actual, asOf, progress: standing.progress, standing: standing.wording };
}

/**
 * Lays presented indicators of several districts side by side: a row per indicator, a cell per district in the
 * order given.
 */
export function compareIndicators(districts: Comparison['districts'], indicators: Indicator[], year: number, locale: Locale): Comparison {
  const rows = new Map<string, { first: Indicator; cells: (Indicator | null)[] }>();
  const column = new Map(districts.map((d, i) => [d.code, i]));
  // Rows follow the order of the district with the longest list; rows only other districts have come after.
  const listLength = new Map<string, number>();
  for (const i of indicators) listLength.set(i.regionCode, (listLength.get(i.regionCode) ?? 0) + 1);
  const ordered = [...indicators].sort(
    (a, b) =>
      (listLength.get(b.regionCode) ?? 0) - (listLength.get(a.regionCode) ?? 0) ||
      a.regionCode.localeCompare(b.regionCode) ||
      a.sortOrder - b.sortOrder,
  );
  for (const indicator of ordered) {
    const index = column.get(indicator.regionCode);
    if (index === undefined) continue;
    const key = sameIndicator(indicator);
    const row = rows.get(key) ?? { first: indicator, cells: districts.map(() => null) };
    if (!rows.has(key)) rows.set(key, row);
    if (row.cells[index] === null) row.cells[index] = indicator;
  }
  return {
    year,
    districts,
    rows: [...rows.values()].map(({ first, cells }) => ({
      name: first.name,
      measure: first.measure,
      kind: first.kind,
      source: first.source,
      computation: first.source === 'computed' ? first.computation : null,
      cells,
      total: totalOf(cells, year, locale),
    })),
  };
}

/** The year's indicators the actor sees, compared across the districts they belong to (in code order). */
export async function indicatorComparison(db: Executor, actor: Actor, year: number): Promise<Comparison> {
  const rows = await listIndicators(db, actor, year);
  const { values } = await actualsOfIndicators(db, rows);
  const presented = rows.map((row, i) =>
    presentIndicator(actor, row, values[i] ?? { value: null, month: null, asOf: null, unavailable: false }),
  );
  // A city's own indicators (broken down to its districts) are no district's column.
  const codes = [...new Set(rows.filter((r) => r.regionLevel === 'district').map((r) => r.regionCode))].sort();
  const districts = await Promise.all(codes.map(async (code) => ({ code, name: (await districtOf(db, code))?.name ?? code })));
  return compareIndicators(districts, presented, year, actor.locale);
}
