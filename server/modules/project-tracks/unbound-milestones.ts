import { and, asc, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import { MILESTONE_APPROVAL_BINDINGS } from '../../../common/domain/milestone-bindings';
import type { unboundMilestoneSchema } from '../../../common/schemas/tracks';
import type { Executor, Tx } from '../../db/client';
import { approvalItems, dictionaryItems, milestones, projects } from '../../db/schema';
import { type Actor, type RequestContext, can } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, staleVersion } from '../../lib/errors';
import { containsPattern } from '../../lib/list';
import { loadProject, lockProject, manageableFlag, projectScopeCondition } from '../projects';
import { recomputeWarnings } from '../warnings';
import { followedDates } from './bound-milestones';
import { nameIn } from './presenter';
import { deriveProjectDates } from './project-dates';

// The office's report of milestones left unbound (issue 13): a plan milestone whose name binds it to an approval item
// type (MILESTONE_APPROVAL_BINDINGS, the names migration 0027 bound by) but that is not bound, because the project's
// approval item of that type says another day than the plan — the migration bound only where the two agreed. No
// other milestone of the project is bound to the type. The office checks which date is right and binds it here: the
// milestone then takes the approval item's date, as every bound milestone does.

type UnboundMilestone = z.infer<typeof unboundMilestoneSchema>;

const BINDINGS = Object.entries(MILESTONE_APPROVAL_BINDINGS);

/** The approval item type a milestone's name binds it to, in SQL. */
const typeOfName = sql<string>`(case ${milestones.name} ${sql.join(
  BINDINGS.map(([name, code]) => sql`when ${name}::text then ${code}::text`),
  sql` `,
)} end)`;

/** The day the approval item says the milestone was reached: its approval date once approved. */
const approvalFinish = sql<string | null>`(case when ${approvalItems.status} = 'done' then ${approvalItems.approvedOn} end)`;

/** Unbound milestones whose approval item disagrees, of the projects the actor sees (optionally: whose name contains q). */
function unboundQuery(db: Executor, actor: Actor, filter: { q?: string; milestoneId?: string; projectId?: string }) {
  return db
    .select({
      projectId: projects.id,
      projectName: projects.name,
      projectVersion: projects.version,
      regionCode: projects.regionCode,
      manageable: manageableFlag(actor),
      milestoneId: milestones.id,
      milestoneName: milestones.name,
      actualStart: milestones.actualStart,
      planDate: milestones.actualFinish,
      approvalItemId: approvalItems.id,
      approvalTypeCode: approvalItems.typeCode,
      status: approvalItems.status,
      appliedOn: approvalItems.appliedOn,
      approvedOn: approvalItems.approvedOn,
      typeName: dictionaryItems.name,
      typeNameEn: dictionaryItems.nameEn,
    })
    .from(milestones)
    .innerJoin(projects, eq(projects.id, milestones.projectId))
    .innerJoin(approvalItems, and(eq(approvalItems.projectId, milestones.projectId), sql`${approvalItems.typeCode} = ${typeOfName}`))
    .leftJoin(dictionaryItems, and(eq(dictionaryItems.type, 'approval_item_type'), eq(dictionaryItems.code, approvalItems.typeCode)))
    .where(
      and(
        isNull(milestones.approvalTypeCode),
        inArray(
          milestones.name,
          BINDINGS.map(([name]) => name),
        ),
        sql`${approvalFinish} is distinct from ${milestones.actualFinish}`,
        sql`not exists (select 1 from ${milestones} o where o.project_id = ${milestones.projectId} and o.approval_type_code = ${approvalItems.typeCode})`,
        projectScopeCondition(actor),
        filter.q ? ilike(projects.name, containsPattern(filter.q)) : undefined,
        filter.milestoneId ? eq(milestones.id, filter.milestoneId) : undefined,
        filter.projectId ? eq(projects.id, filter.projectId) : undefined,
      ),
    )
    .orderBy(asc(projects.name), asc(projects.id), asc(milestones.sortOrder));
}

/** The report: plan milestones left unbound where the approval item says another day, in the actor's scope. */
export async function listUnboundMilestones(db: Executor, actor: Actor, q: string | undefined): Promise<UnboundMilestone[]> {
  const rows = await unboundQuery(db, actor, { q: q?.trim() || undefined });
  return rows.map((row) => ({
    projectId: row.projectId,
    projectName: row.projectName,
    projectVersion: row.projectVersion,
    milestoneId: row.milestoneId,
    milestoneName: row.milestoneName,
    approvalTypeCode: row.approvalTypeCode,
    approvalTypeName: nameIn(
      actor.locale,
      row.typeName === null ? null : { name: row.typeName, nameEn: row.typeNameEn ?? '' },
      row.approvalTypeCode,
    ),
    planDate: row.planDate,
    approvalDate: row.status === 'done' ? row.approvedOn : null,
    bindable: can(actor, 'project.plan') && !!row.manageable,
  }));
}

/**
 * Binds one milestone of the report to its approval item, at the project's version the office read: the milestone
 * takes the item's date (its approval day, or unreached while the item is not approved), the plan's version moves on,
 * the project's actual start/completion and warning follow, in one transaction. Audited `plans.milestone_bound`.
 * A milestone no longer in the report (bound meanwhile, dates now agreeing) answers 409 and nothing changes.
 */
export async function bindUnboundMilestone({
  ctx,
  tx,
  projectId,
  milestoneId,
  version,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  milestoneId: string;
  version: number;
}) {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.plan');
  await lockProject(tx, projectId);
  const [row] = await unboundQuery(tx, ctx.actor, { projectId, milestoneId });
  if (!row)
    throw new AppError(409, 'conflict', 'plan.milestone_not_unbound', {}, [
      { path: 'milestoneId', messageKey: 'plan.milestone_not_unbound' },
    ]);
  if (row.projectVersion !== version) throw staleVersion();
  const next = followedDates({ actualStart: row.actualStart }, row);
  await tx
    .update(milestones)
    .set({ approvalTypeCode: row.approvalTypeCode, ...next, version: sql`${milestones.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(milestones.id, milestoneId), eq(milestones.projectId, projectId)));
  await tx
    .update(projects)
    .set({ version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projects.id, projectId));
  await recordAudit(tx, ctx, {
    action: 'plans.milestone_bound',
    recordType: 'plan',
    recordId: projectId,
    regionCode: project.regionCode,
    before: { milestones: [{ id: milestoneId, name: row.milestoneName, approvalTypeCode: null, actualFinish: row.planDate }] },
    after: {
      approvalItemId: row.approvalItemId,
      approvalTypeCode: row.approvalTypeCode,
      milestones: [{ id: milestoneId, name: row.milestoneName, approvalTypeCode: row.approvalTypeCode, actualFinish: next.actualFinish }],
    },
  });
  // The milestone's date moved: the header's actual dates (a bound 开工 or 竣工) and the project's colour follow.
  await deriveProjectDates(ctx, tx, projectId);
  await recomputeWarnings(tx, [projectId], todayInChina());
}
