import { sql } from 'drizzle-orm';
import { POOLS } from '../../../common/enums';
import type { MapProjectsQuery, MapProjectsWire } from '../../../common/schemas/map';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { listCondition } from '../projects';

/**
 * Every project the list's filters match in the actor's scope that has a point, as one text the database writes in
 * one pass (common/domain/map-points.ts): 100,000 points are one aggregate, not 100,000 row objects or seven JSON
 * arrays. Projects without a point are counted, not listed.
 */
export async function mapProjects(db: Executor, actor: Actor, query: MapProjectsQuery): Promise<MapProjectsWire> {
  const where = listCondition(db, actor, query);
  const placed = sql`${projects.longitude} is not null and ${projects.latitude} is not null`;
  // Plain columns only: every function per row costs at 100,000 rows (the pool's index and 万元 are the reader's work).
  const line = sql`concat_ws(',', ${projects.id}, ${projects.longitude}, ${projects.latitude}, coalesce(${projects.warningLevel}, 0),
    ${projects.pool}, coalesce(${projects.totalInvestmentYuan}, 0), translate(${projects.name}, E'\\r\\n', '  '))`;
  const result = await db.execute(sql`select
      count(*) filter (where not (${placed})) as "unplaced",
      coalesce(string_agg(${line}, E'\\n') filter (where ${placed}), '') as "rows"
    from ${projects} where ${where}`);
  const [row] = rowsOf<{ unplaced: number | string; rows: string }>(result);
  if (!row) throw new Error('an aggregate always answers one row');
  return { rows: row.rows, unplaced: Number(row.unplaced), pools: [...POOLS] };
}
