import { todayInChina } from '../../../common/domain/dates';
import type { TargetComputation } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { type ComputationMemo, computeIndicator } from './computations';
import { type IndicatorActual, computedAsOf, enteredActual } from './presenter';
import { type ActualRow, type IndicatorRow, actualsOf } from './repository';

/**
 * Within one request (never kept past it, so never stale): each computation's value once per region and year, and the
 * projects' figures the computations read once per region (computations.ts `ComputationMemo`).
 */
export type ActualsMemo = { values: Map<string, Promise<string | null>>; figures: ComputationMemo };
export const newActualsMemo = (): ActualsMemo => ({ values: new Map(), figures: new Map() });

/**
 * Each indicator's actual to date: its computation run now (once per district and computation, however many
 * indicators share it, within `memo`), or its latest entered month. In the order of the rows.
 */
export async function actualsOfIndicators(
  db: Executor,
  rows: IndicatorRow[],
  today = todayInChina(),
  memo = newActualsMemo(),
): Promise<{ values: IndicatorActual[]; actuals: ActualRow[] }> {
  const actuals = await actualsOf(
    db,
    rows.filter((r) => r.source === 'entered').map((r) => r.id),
  );
  const values = await Promise.all(
    rows.map(async (row): Promise<IndicatorActual> => {
      if (row.source === 'entered' || !row.computation) return enteredActual(row, actuals);
      return computedActual(db, row.computation, row.regionCode, row.year, today, memo);
    }),
  );
  return { values, actuals };
}

/**
 * A computation's actual for a region and year as of today (a district's, or a city's: its districts' sum), once per
 * region, year and computation within `memo`; unavailable when Lantu cannot compute it yet.
 */
export async function computedActual(
  db: Executor,
  computation: TargetComputation,
  regionCode: string,
  year: number,
  today: string,
  memo = newActualsMemo(),
): Promise<IndicatorActual> {
  const asOf = computedAsOf(year, today);
  const key = `${regionCode}/${year}/${computation}/${asOf}`;
  if (!memo.values.has(key)) memo.values.set(key, computeIndicator(db, computation, { regionCode, year, asOf }, memo.figures));
  const value = (await memo.values.get(key)) ?? null;
  return { value, month: null, asOf: value === null ? null : asOf, unavailable: value === null };
}
