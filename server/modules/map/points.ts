import { type SQL, sql } from 'drizzle-orm';
import { POOLS } from '../../../common/enums';
import { type Bbox, MAP_POINTS_LIMIT, cellDegrees, gridZoomFor } from '../../../common/domain/map-grid';
import type { MapCell, MapProjectsQuery, MapProjectsWire } from '../../../common/schemas/map';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { listCondition } from '../projects';

const placed = sql`${projects.longitude} is not null and ${projects.latitude} is not null`;
const unplacedRow = sql`(${projects.longitude} is null or ${projects.latitude} is null)`;
const inView = (view: Bbox) =>
  sql`${projects.longitude} between ${view[0]} and ${view[2]} and ${projects.latitude} between ${view[1]} and ${view[3]}`;

/** A number as the drivers answer it: a number, a numeric's or bigint's text (pg), a bigint (PGlite). */
type Numeric = number | string | bigint;

/**
 * The projects the list's filters match in the actor's scope, in a view of the map: the view's grid cells, grouped in
 * one statement that also counts the projects without a point (common/domain/map-grid.ts); then, while the view holds
 * at most `maxPoints`, its points instead, as one text the database writes in one pass (common/domain/map-points.ts).
 * Without a bbox the view is the extent of the matching points (one statement more, which also tells whether the
 * cells are needed at all).
 */
export async function mapProjects(db: Executor, actor: Actor, query: MapProjectsQuery): Promise<MapProjectsWire> {
  const { bbox, zoom: askedZoom, maxPoints = MAP_POINTS_LIMIT, ...filters } = query;
  const where = listCondition(db, actor, filters);
  const extent = bbox ? null : await placedExtent(db, where);
  const view = bbox ?? extent?.view ?? null;
  const zoom = view ? (askedZoom ?? gridZoomFor(view)) : null;
  const grid = view && zoom !== null && (!extent || extent.placed > maxPoints) ? await cellsInView(db, where, view, zoom) : null;
  const counts = grid ?? extent ?? { placed: 0, unplaced: 0 };
  const answer = { view, zoom, placed: counts.placed, unplaced: counts.unplaced, pools: [...POOLS] };
  if (!view || !grid || grid.placed <= maxPoints)
    return { ...answer, mode: 'points', rows: view && counts.placed > 0 ? await pointsInView(db, where, view) : '', cells: [] };
  return { ...answer, mode: 'cells', rows: '', cells: grid.cells };
}

/** How many matching projects have a point and how many have none; the extent of the points (null: none). */
async function placedExtent(db: Executor, where: SQL | undefined) {
  const result = await db.execute(sql`select
      count(*) filter (where ${unplacedRow}) as "unplaced",
      count(*) filter (where ${placed}) as "placed",
      min(${projects.longitude}) filter (where ${placed}) as "west",
      min(${projects.latitude}) filter (where ${placed}) as "south",
      max(${projects.longitude}) filter (where ${placed}) as "east",
      max(${projects.latitude}) filter (where ${placed}) as "north"
    from ${projects} where ${where}`);
  type Row = Record<'unplaced' | 'placed', Numeric> & Record<'west' | 'south' | 'east' | 'north', Numeric | null>;
  const [row] = rowsOf<Row>(result);
  if (!row) throw new Error('an aggregate always answers one row');
  const placedCount = Number(row.placed);
  const view: Bbox | null = placedCount > 0 ? [Number(row.west), Number(row.south), Number(row.east), Number(row.north)] : null;
  return { placed: placedCount, unplaced: Number(row.unplaced), view };
}

/** The view's points as text, one line a project (common/domain/map-points.ts). */
async function pointsInView(db: Executor, where: SQL | undefined, view: Bbox): Promise<string> {
  // Plain columns only: every function per row costs at 100,000 rows (the pool's index and 万元 are the reader's work).
  const line = sql`concat_ws(',', ${projects.id}, ${projects.longitude}, ${projects.latitude}, coalesce(${projects.warningLevel}, 0),
    ${projects.pool}, coalesce(${projects.totalInvestmentYuan}, 0), translate(${projects.name}, E'\\r\\n', '  '))`;
  const result = await db.execute(sql`select coalesce(string_agg(${line}, E'\\n'), '') as "rows"
    from ${projects} where ${where} and ${placed} and ${inView(view)}`);
  return rowsOf<{ rows: string }>(result)[0]?.rows ?? '';
}

/**
 * The view's grid cells at a level and the matching projects without a point, one statement and one pass: cell x
 * holds the longitudes [x·side, (x+1)·side), likewise y, and each answers its count, by warning level and by pool, the
 * investment, the mean and the extent of its points; the projects without a point are the group without a cell. The
 * cell is one key (x·2^26 + y, exact in a double down to level 24), so the planner hashes the few groups rather than
 * sorting every row, and the division is in doubles (numeric division costs several times more a row).
 */
async function cellsInView(db: Executor, where: SQL | undefined, view: Bbox, zoom: number) {
  const side = cellDegrees(zoom);
  const cellKey = sql`floor(${projects.longitude}::float8 / ${side}::float8) * 67108864 + floor(${projects.latitude}::float8 / ${side}::float8)`;
  const warningLevel = sql`coalesce(${projects.warningLevel}, 0)`;
  const byWarning = [0, 1, 2, 3].map((level) => sql`count(*) filter (where ${warningLevel} = ${level})`);
  const byPool = POOLS.map((pool) => sql`count(*) filter (where ${projects.pool} = ${pool})`);
  const result = await db.execute(sql`select
      ${cellKey} as "cell",
      count(*) as "count",
      avg(${projects.longitude}::float8) as "lon",
      avg(${projects.latitude}::float8) as "lat",
      min(${projects.longitude}) as "west",
      min(${projects.latitude}) as "south",
      max(${projects.longitude}) as "east",
      max(${projects.latitude}) as "north",
      coalesce(sum(${projects.totalInvestmentYuan}), 0) as "investment",
      array[${sql.join(byWarning, sql`, `)}] as "warning",
      array[${sql.join(byPool, sql`, `)}] as "pool"
    from ${projects}
    where ${where} and (${unplacedRow} or ${inView(view)})
    group by 1`);
  type Row = Record<'count' | 'lon' | 'lat' | 'west' | 'south' | 'east' | 'north' | 'investment', Numeric> &
    Record<'cell', Numeric | null> &
    Record<'warning' | 'pool', Numeric[] | string>;
  const rows = rowsOf<Row>(result);
  const cells: MapCell[] = rows.flatMap((row) =>
    row.cell === null
      ? []
      : [
          {
            lon: round6(Number(row.lon)),
            lat: round6(Number(row.lat)),
            count: Number(row.count),
            warning: numbers(row.warning),
            pool: numbers(row.pool),
            investmentYuan: Number(row.investment),
            bounds: [Number(row.west), Number(row.south), Number(row.east), Number(row.north)],
          },
        ],
  );
  const unplaced = Number(rows.find((row) => row.cell === null)?.count ?? 0);
  return { cells, unplaced, placed: cells.reduce((sum, cell) => sum + cell.count, 0) };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
/** A bigint array as the drivers answer it: an array (pg) or its text `{1,2}` (when not parsed). */
const numbers = (value: Numeric[] | string): number[] =>
  (typeof value === 'string' ? value.replace(/[{}]/g, '').split(',') : value).map(Number);
