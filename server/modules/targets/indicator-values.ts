import { todayInChina } from '../../../common/domain/dates';
import type { TargetComputation } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { computeIndicator } from './computations';
import { type IndicatorActual, computedAsOf, enteredActual } from './presenter';
import { type ActualRow, type IndicatorRow, actualsOf } from './repository';

/**
 * Each indicator's actual to date: its computation run now (once per district and computation, however many
 * indicators share it), or its latest entered month. In the order of the rows.
 */
export async function actualsOfIndicators(
  db: Executor,
  rows: IndicatorRow[],
  today = todayInChina(),
): Promise<{ values: IndicatorActual[]; actuals: ActualRow[] }> {
  const actuals = await actualsOf(
    db,
    rows.filter((r) => r.source === 'entered').map((r) => r.id),
  );
  const computed = new Map<string, Promise<string | null>>();
  const values = await Promise.all(
    rows.map(async (row): Promise<IndicatorActual> => {
      if (row.source === 'entered' || !row.computation) return enteredActual(row, actuals);
      return computedActual(db, row.computation, row.regionCode, row.year, today, computed);
    }),
  );
  return { values, actuals };
}

/**
 * A computation's actual for a region and year as of today (a district's, or a city's: its districts' sum), once per
 * region, year and computation within `cache`; unavailable when Lantu cannot compute it yet.
 */
export async function computedActual(
  db: Executor,
  computation: TargetComputation,
  regionCode: string,
  year: number,
  today: string,
  cache = new Map<string, Promise<string | null>>(),
): Promise<IndicatorActual> {
  const asOf = computedAsOf(year, today);
  const key = `${regionCode}/${year}/${computation}`;
  if (!cache.has(key)) cache.set(key, computeIndicator(db, computation, { regionCode, year, asOf }));
  const value = (await cache.get(key)) ?? null;
  return { value, month: null, asOf: value === null ? null : asOf, unavailable: value === null };
}
