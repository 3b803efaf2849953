import { type SQL, and, eq, exists, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { projectLeaders, projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { dataScopeCondition, likePrefix } from '../../lib/scope';

/**
 * Which projects the actor may see: the data scope applied to the lead unit (own = created by the actor),
 * within the actor's jurisdiction; and a leader always sees every project he is in charge of.
 * Projects belong to a district, so someone at a street of the district is within its jurisdiction too (his data
 * scope then narrows what he sees); a district of another branch of the tree never is.
 */
export function projectScopeCondition(actor: Actor): SQL {
  // The regions above the actor's are the codes of its path; those below are found once through the path index
  // (an uncorrelated subquery the planner hashes), not looked up again for every project row.
  const regionsAbove = actor.regionPath.split('/').filter(Boolean);
  const inJurisdiction = sql`(${inArray(projects.regionCode, regionsAbove)}
    or ${projects.regionCode} in (select code from regions where path like ${likePrefix(actor.regionPath)}))`;
  const byScope = leadUnitScopeCondition(actor);
  const inCharge = exists(
    sql`(select 1 from ${projectLeaders} where ${projectLeaders.projectId} = ${projects.id} and ${projectLeaders.userId} = ${actor.userId})`,
  );
  return and(inJurisdiction, or(byScope, inCharge)) as SQL;
}

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
