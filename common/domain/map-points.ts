import type { Pool } from '../enums';

/**
 * The one map's points travel as text, one line a project — `id,lon,lat,warning,pool,investmentYuan,name` (the name
 * last, so commas in it need no quoting; line breaks in names become spaces) — because the database writes one
 * string far faster than seven JSON arrays of 100,000 entries, and neither side builds an object per point.
 * `warning` is 0 none, 1 green, 2 yellow, 3 red; `pool` is the pool's name; investment in 元. The columns read from
 * it have `pool` as an index into `pools` and the investment in 万元.
 */
export type MapPointColumns = {
  ids: string[];
  names: string[];
  lon: number[];
  lat: number[];
  warning: number[];
  pool: number[];
  investmentWan: number[];
  pools: Pool[];
  /** How many matching projects have no point yet (“N个项目未标注位置”). */
  unplaced: number;
};

/** Reads the text of the points into columns (row i of each array is one project). */
export function parseMapPoints(rows: string, pools: Pool[], unplaced: number): MapPointColumns {
  const columns: MapPointColumns = { ids: [], names: [], lon: [], lat: [], warning: [], pool: [], investmentWan: [], pools, unplaced };
  const poolIndex = new Map<string, number>(pools.map((pool, i) => [pool, i]));
  if (!rows) return columns;
  for (const line of rows.split('\n')) {
    const fields: string[] = [];
    let start = 0;
    for (let k = 0; k < 6; k++) {
      const comma = line.indexOf(',', start);
      fields.push(line.slice(start, comma));
      start = comma + 1;
    }
    columns.ids.push(fields[0] ?? '');
    columns.lon.push(Number(fields[1]));
    columns.lat.push(Number(fields[2]));
    columns.warning.push(Number(fields[3]));
    columns.pool.push(poolIndex.get(fields[4] ?? '') ?? 0);
    columns.investmentWan.push(Math.round(Number(fields[5]) / 100) / 100);
    columns.names.push(line.slice(start));
  }
  return columns;
}
