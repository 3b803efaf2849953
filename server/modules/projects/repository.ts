import { type SQL, and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { UNIQUE_VIOLATION, hasSqlState } from '../../db/errors';
import { alias } from 'drizzle-orm/pg-core';
import type { PlanDateMilestone } from '../../../common/domain/plan-dates';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { projectCoUnits, projectLeaders, projects, regions, units } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { conflict } from '../../lib/errors';
import { type ScopedProject, manageableFlag, projectScopeCondition } from './scope';

/** A person or unit as a project shows it: id and name. */
export type NamedRef = { id: string; name: string };

/** A project with the names its page shows and whether the actor may edit it. */
export type ProjectDetailRow = ScopedProject & {
  leadUnitName: string;
  streetName: string | null;
  codeRegionName: string | null;
  leaders: NamedRef[];
  coUnits: NamedRef[];
  /** The plan's 开工 and 竣工 milestones, whose dates the header's are (common/domain/plan-dates.ts). */
  planMilestones: PlanDateMilestone[];
};

/** The street (乡镇/街道) region of a project, joined for its name. */
export const streetRegion = alias(regions, 'street_region');
const codeRegion = alias(regions, 'code_region');

/** The project's leaders in charge as a JSON array, in one correlated subquery (no query per row). */
export const leadersJson = sql<
  NamedRef[]
>`(select coalesce(json_agg(json_build_object('id', lu.id, 'name', lu.display_name) order by lu.display_name, lu.id), '[]'::json)
  from ${projectLeaders} pl join users lu on lu.id = pl.user_id where pl.project_id = ${projects.id})`;

const coUnitsJson = sql<
  NamedRef[]
>`(select coalesce(json_agg(json_build_object('id', cu.id, 'name', cu.name) order by cu.sort_order, cu.name), '[]'::json)
  from ${projectCoUnits} pc join units cu on cu.id = pc.unit_id where pc.project_id = ${projects.id})`;

const planMilestonesJson = sql<PlanDateMilestone[]>`(select coalesce(json_agg(json_build_object('kind', m.kind,
  'plannedFinish', m.planned_finish, 'actualFinish', m.actual_finish)), '[]'::json)
  from milestones m where m.project_id = ${projects.id} and m.kind <> 'other')`;

/** One project with the names the page shows, or null when it does not exist or lies outside the actor's scope. */
export async function findProjectDetail(db: Executor, actor: Actor, id: string): Promise<ProjectDetailRow | null> {
  return (await findProjectDetails(db, actor, [id])).get(id) ?? null;
}

// Ids per query when many projects are read at once (an import's matched rows).
const DETAIL_BATCH = 1000;

/** Projects by id with the names the page shows, those in the actor's scope only, keyed by id. */
export async function findProjectDetails(db: Executor, actor: Actor, ids: string[]): Promise<Map<string, ProjectDetailRow>> {
  const found = new Map<string, ProjectDetailRow>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += DETAIL_BATCH) {
    const rows = await db
      .select({
        project: projects,
        leadUnitName: units.name,
        streetName: streetRegion.name,
        codeRegionName: codeRegion.name,
        leaders: leadersJson,
        coUnits: coUnitsJson,
        planMilestones: planMilestonesJson,
        manageable: manageableFlag(actor),
      })
      .from(projects)
      .innerJoin(units, eq(units.id, projects.leadUnitId))
      .leftJoin(streetRegion, eq(streetRegion.code, projects.streetCode))
      .leftJoin(codeRegion, eq(codeRegion.code, projects.codeRegionCode))
      .where(and(inArray(projects.id, unique.slice(start, start + DETAIL_BATCH)), projectScopeCondition(actor)) as SQL);
    for (const { project, ...names } of rows) found.set(project.id, { ...project, ...names, manageable: !!names.manageable });
  }
  return found;
}

/** Two saves racing for the same 项目代码 both pass the check; the unique index stops the second, answered as 409. */
async function guardDuplicateCode<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (hasSqlState(error, UNIQUE_VIOLATION)) throw conflict('project.duplicate_code', 'code');
    throw error;
  }
}

type ProjectValues = Omit<typeof projects.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'pool' | 'poolChangedAt'>;

type NewProjectValues = ProjectValues & Pick<typeof projects.$inferInsert, 'pool'>;

/** Inserts new projects in one statement and answers their ids in order (a taken 项目代码 answers 409). */
export async function insertProjectRows(db: Executor, rows: NewProjectValues[]): Promise<string[]> {
  const inserted = await guardDuplicateCode(db.insert(projects).values(rows).returning({ id: projects.id }));
  if (inserted.length !== rows.length) throw new Error('project insert returned fewer rows than it was given');
  return inserted.map((r) => r.id);
}

const PROJECT_COLUMNS = getTableColumns(projects);

/**
 * Writes projects in one statement, each row only at its expected version; the answer is how many were (fewer means
 * someone saved first). Every row must carry the same fields (an import's rows do); the values travel as one JSON
 * parameter read as `projects` records, so each column keeps its own type.
 */
export async function updateProjectRows(
  db: Executor,
  rows: { id: string; version: number; values: Partial<ProjectValues> }[],
): Promise<number> {
  const fields = Object.keys(rows[0]?.values ?? {}) as (keyof typeof PROJECT_COLUMNS)[];
  if (fields.length === 0) return 0;
  const columnName = (field: keyof typeof PROJECT_COLUMNS) => PROJECT_COLUMNS[field].name;
  const records = rows.map(({ id, version, values }) => {
    const record: Record<string, unknown> = { id, version };
    for (const field of fields) record[columnName(field)] = values[field as keyof ProjectValues] ?? null;
    return record;
  });
  const assignments = sql.join(
    fields.map((field) => sql`${sql.identifier(columnName(field))} = v.${sql.identifier(columnName(field))}`),
    sql`, `,
  );
  const updated = await guardDuplicateCode(
    db.execute(sql`update projects p set ${assignments}, version = p.version + 1, updated_at = now()
      from json_populate_recordset(null::projects, ${JSON.stringify(records)}::json) v
      where p.id = v.id and p.version = v.version
      returning p.id`),
  );
  return rowsOf(updated).length;
}

/** Replaces the leaders in charge and the co-operating units with the given lists. */
export async function replaceProjectLinks(db: Executor, projectId: string, links: { leaderIds: string[]; coUnitIds: string[] }) {
  await db.delete(projectLeaders).where(eq(projectLeaders.projectId, projectId));
  await db.delete(projectCoUnits).where(eq(projectCoUnits.projectId, projectId));
  if (links.leaderIds.length) await db.insert(projectLeaders).values(links.leaderIds.map((userId) => ({ projectId, userId })));
  if (links.coUnitIds.length) await db.insert(projectCoUnits).values(links.coUnitIds.map((unitId) => ({ projectId, unitId })));
}
