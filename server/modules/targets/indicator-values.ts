import { todayInChina } from '../../../common/domain/dates';
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
      const asOf = computedAsOf(row.year, today);
      const key = `${row.regionCode}/${row.year}/${row.computation}`;
      if (!computed.has(key))
        computed.set(key, computeIndicator(db, row.computation, { regionCode: row.regionCode, year: row.year, asOf }));
      const value = await computed.get(key);
      return { value: value ?? null, month: null, asOf: value === null ? null : asOf, unavailable: value === null || value === undefined };
    }),
  );
  return { values, actuals };
}
