import { getTableColumns, sql } from 'drizzle-orm';
import type { ProjectExportQuery } from '../../../common/schemas/exports';
import type { Db } from '../../db/client';
import { projectCoUnits, projectLeaders, projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { listCondition } from '../projects';
import type { ProjectRow } from '../projects';
import { type KeysetRow, keysetBatches } from './keyset';
import { projectExportKeys } from './project-order';

/** A project as the list export writes it: every field but its map outline, with co-operating units and leaders as ids. */
export type ProjectExportRow = Omit<ProjectRow, 'outline'> & { coUnitIds: string[]; leaderIds: string[] } & KeysetRow;

// The outline (a GeoJSON polygon) is no column of the sheet and the one field that can be large.
const { outline: _outline, ...exportedColumns } = getTableColumns(projects);

// Spelled out "projects"."id": Drizzle leaves the columns of a single-table query unqualified.
const coUnitIds = sql<string[]>`(select coalesce(json_agg(xc.unit_id order by xc.unit_id), '[]'::json)
  from ${projectCoUnits} xc where xc.project_id = "projects"."id")`;
const leaderIds = sql<string[]>`(select coalesce(json_agg(xl.user_id order by xl.user_id), '[]'::json)
  from ${projectLeaders} xl where xl.project_id = "projects"."id")`;

/** Every project the list's filters find in the actor's scope, in the list's order, a batch at a time. */
export function listExportBatches(db: Db, actor: Actor, query: ProjectExportQuery): AsyncGenerator<ProjectExportRow[]> {
  const where = listCondition(db, actor, query);
  return keysetBatches(projectExportKeys(query.sort), async ({ after, orderBy, keyset, limit }) => {
    const rows = await db
      .select({ project: exportedColumns, coUnitIds, leaderIds, keyset })
      .from(projects)
      .where(after ? sql`${where} and ${after}` : where)
      .orderBy(...orderBy)
      .limit(limit);
    return rows.map(({ project, ...links }) => ({ ...project, ...links }));
  });
}
