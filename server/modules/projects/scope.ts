import { type SQL, and, eq, exists, getTableColumns, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { projectLeaders, projects } from '../../db/schema';
import { type Actor, LED_PROJECTS_COUNTED } from '../../lib/actor';
import { dataScopeCondition, visibleWhen } from '../../lib/scope';

/**
 * Which projects the actor may see: those of a district in his reach (a district's streets and the city or province
 * above it see its projects; a district of another branch of the tree never does) whose lead unit lies in his data
 * scope (own = created by him), and every project he is a leader in charge of. The rule itself is lib/scope.ts's;
 * this names the project's columns.
 */
export const projectScopeCondition = (actor: Actor): SQL =>
  visibleWhen(actor, {
    district: projects.regionCode,
    units: [projects.leadUnitId],
    owner: projects.createdBy,
    // Asked only of someone who leads projects: for everyone else it is always false, and left out the condition is
    // one the planner estimates and serves from an index (a unit clerk's projects through the lead unit's index).
    also: actor.leadsProjects
      ? [
          exists(
            sql`(select 1 from ${projectLeaders} where ${projectLeaders.projectId} = ${projects.id} and ${projectLeaders.userId} = ${actor.userId})`,
          ),
        ]
      : [],
  });

/**
 * SQL: the project is visible to the actor, for a statement over many projects (the list, its totals, exports, the map,
 * the dashboard). For a reader whose scope is his own records (`own`: a leader) or one unit while he is also in charge
 * of projects, the rule's OR (his projects or his unit's, or any he leads) is served by no index: tested on every project
 * of the district (100,000 at the generated province, ≈ 400 ms for a leader in charge of 80). Here the rule is applied
 * to a superset read through indexes instead: the projects he created (`own`) or his unit leads (`unit`), and those he
 * is in charge of (project_leaders_user_idx). Everyone else's scope is a range of the district's index already. A
 * leader in charge of thousands (the generated data's 12,429) keeps the district's scan: one probe per project then
 * costs more than reading them in order, and the red and yellow list stops early in its index's order.
 */
export const projectSetCondition = (actor: Actor): SQL => {
  const paths: SQL[] = [];
  if (actor.ledProjects >= LED_PROJECTS_COUNTED) return projectScopeCondition(actor);
  if (actor.dataScope === 'own') paths.push(sql`select cp.id from ${projects} cp where cp.created_by = ${actor.userId}`);
  else if (actor.dataScope === 'unit' && actor.leadsProjects)
    paths.push(sql`select cp.id from ${projects} cp where cp.lead_unit_id = ${actor.unitId}`);
  else return projectScopeCondition(actor);
  if (actor.leadsProjects) paths.push(sql`select cl.project_id from ${projectLeaders} cl where cl.user_id = ${actor.userId}`);
  return sql`(${projects.id} in (${sql.join(paths, sql` union all `)}) and ${projectScopeCondition(actor)})`;
};

/**
 * True when the project's lead unit lies in the actor's data scope (for the `own` scope: the actor created it);
 * only then may the actor edit the project, while a leader in charge of it only reads it.
 */
const leadUnitScopeCondition = (actor: Actor): SQL =>
  dataScopeCondition(actor, { unitId: projects.leadUnitId, ownerId: projects.createdBy });

/**
 * Whether the actor may edit the project (its lead unit lies in his data scope), computed in the same query as the
 * row: the one source of `manageable`, which `canManageProject` in policy.ts combines with the permission.
 */
export const manageableFlag = (actor: Actor) => sql<boolean>`(${leadUnitScopeCondition(actor)})`;

export type ProjectRow = typeof projects.$inferSelect;

/** A project the actor sees, with whether he may edit it (see `manageableFlag`). */
export type ScopedProject = ProjectRow & { manageable: boolean };

/** One project the actor may see, or null: "not allowed" and "not found" look the same. */
export async function findProject(db: Executor, actor: Actor, id: string): Promise<ScopedProject | null> {
  const [row] = await db
    .select({ ...getTableColumns(projects), manageable: manageableFlag(actor) })
    .from(projects)
    .where(and(eq(projects.id, id), projectScopeCondition(actor)));
  return row ? { ...row, manageable: !!row.manageable } : null;
}

/** Locks the project row for the rest of the transaction, so concurrent writes to it queue up. */
export async function lockProject(tx: Executor, id: string) {
  await tx.execute(sql`select 1 from projects where id = ${id} for update`);
}
