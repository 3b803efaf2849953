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
const inView = (view: Bbox) =>
  sql`${projects.longitude} between ${view[0]} and ${view[2]} and ${projects.latitude} between ${view[1]} and ${view[3]}`;

/**
 * The projects the list's filters match in the actor's scope, in a view of the map: first how many have their point
 * in the view (and how many have none); then, while the view holds at most `maxPoints`, those points as one text the
 * database writes in one pass (common/domain/map-points.ts), else the view's grid cells, grouped in one statement
 * (common/domain/map-grid.ts). Without a bbox the view is the extent of the matching points.
 */
export async function mapProjects(db: Executor, actor: Actor, query: MapProjectsQuery): Promise<MapProjectsWire> {
  const { bbox, zoom: askedZoom, maxPoints = MAP_POINTS_LIMIT, ...filters } = query;
  const where = listCondition(db, actor, filters);
  const counts = await countInView(db, where, bbox);
  const view = bbox ?? counts.extent;
  const zoom = view ? (askedZoom ?? gridZoomFor(view)) : null;
  const answer = { view, zoom, placed: counts.placed, unplaced: counts.unplaced, pools: [...POOLS] };
  if (!view || zoom === null || counts.placed <= maxPoints)
    return { ...answer, mode: 'points', rows: view && counts.placed > 0 ? await pointsInView(db, where, view) : '', cells: [] };
  return { ...answer, mode: 'cells', rows: '', cells: await cellsInView(db, where, view, zoom) };
}

type Counts = { placed: number; unplaced: number; extent: Bbox | null };

/** How many matching projects have their point in the view (any point, without one) and have none; their extent. */
async function countInView(db: Executor, where: SQL | undefined, bbox: Bbox | undefined): Promise<Counts> {
  const shown = bbox ? sql`${placed} and ${inView(bbox)}` : placed;
  const result = await db.execute(sql`select
      count(*) filter (where not (${placed})) as "unplaced",
      count(*) filter (where ${shown}) as "placed",
      min(${projects.longitude}) filter (where ${shown}) as "west",
      min(${projects.latitude}) filter (where ${shown}) as "south",
      max(${projects.longitude}) filter (where ${shown}) as "east",
      max(${projects.latitude}) filter (where ${shown}) as "north"
    from ${projects} where ${where}`);
  type Row = Record<'unplaced' | 'placed', number | string> & Record<'west' | 'south' | 'east' | 'north', number | string | null>;
  const [row] = rowsOf<Row>(result);
  if (!row) throw new Error('an aggregate always answers one row');
  const placedCount = Number(row.placed);
  const extent: Bbox | null = placedCount > 0 ? [Number(row.west), Number(row.south), Number(row.east), Number(row.north)] : null;
  return { placed: placedCount, unplaced: Number(row.unplaced), extent };
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
 * The view's grid cells at a level, one statement: cell x holds the longitudes [x·side, (x+1)·side), likewise y. Each
 * answers its count, by warning level and by pool, the investment, the mean and the extent of its points.
 */
async function cellsInView(db: Executor, where: SQL | undefined, view: Bbox, zoom: number): Promise<MapCell[]> {
  const side = cellDegrees(zoom);
  const warningLevel = sql`coalesce(${projects.warningLevel}, 0)`;
  const byWarning = [0, 1, 2, 3].map((level) => sql`count(*) filter (where ${warningLevel} = ${level})`);
  const byPool = POOLS.map((pool) => sql`count(*) filter (where ${projects.pool} = ${pool})`);
  const result = await db.execute(sql`select
      count(*) as "count",
      avg(${projects.longitude}) as "lon",
      avg(${projects.latitude}) as "lat",
      min(${projects.longitude}) as "west",
      min(${projects.latitude}) as "south",
      max(${projects.longitude}) as "east",
      max(${projects.latitude}) as "north",
      coalesce(sum(${projects.totalInvestmentYuan}), 0) as "investment",
      array[${sql.join(byWarning, sql`, `)}] as "warning",
      array[${sql.join(byPool, sql`, `)}] as "pool"
    from ${projects}
    where ${where} and ${placed} and ${inView(view)}
    group by floor(${projects.longitude} / ${side}), floor(${projects.latitude} / ${side})`);
  type Row = Record<'count' | 'lon' | 'lat' | 'west' | 'south' | 'east' | 'north' | 'investment', number | string | bigint> &
    Record<'warning' | 'pool', (number | string | bigint)[] | string>;
  return rowsOf<Row>(result).map((row) => ({
    lon: round6(Number(row.lon)),
    lat: round6(Number(row.lat)),
    count: Number(row.count),
    warning: numbers(row.warning),
    pool: numbers(row.pool),
    investmentYuan: Number(row.investment),
    bounds: [Number(row.west), Number(row.south), Number(row.east), Number(row.north)],
  }));
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;
/** A bigint array as the drivers answer it: an array (pg) or its text `{1,2}` (when not parsed). */
const numbers = (value: (number | string | bigint)[] | string): number[] =>
  (typeof value === 'string' ? value.replace(/[{}]/g, '').split(',') : value).map(Number);
