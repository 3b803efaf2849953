import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import { findCycle } from '../../../common/domain/schedule';
import type { planBody } from '../../../common/schemas/tracks';
import type { Tx } from '../../db/client';
import { milestones, projects } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { recordAudit } from '../../lib/audit';
import { AppError, invalidField, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { type ProjectRow, lockProject } from '../projects';
import { recomputeWarnings } from '../warnings';
import { loadProject } from '../projects';
import { deriveProjectDates } from './project-dates';
import { governByApprovals } from './bound-milestones';
import {
  type ApprovalItemRow,
  type MilestoneRow,
  findPlanTemplate,
  isEnabledDictionaryCode,
  listApprovalItems,
  listMilestones,
  milestoneIdsOfOtherProjects,
} from './repository';
import type { applyTemplateBody } from '../../../common/schemas/tracks';
import { templateItems } from './template-items';

type PlanInput = z.infer<typeof planBody>;
type MilestoneInput = PlanInput['milestones'][number];
type SavedPlan = { project: ProjectRow; rows: MilestoneRow[]; approvals: ApprovalItemRow[] };

/** Input rules a plan must meet before it is scheduled: unique ids, known predecessors, one start, one completion. */
function checkMilestones(list: MilestoneInput[]) {
  const details: { path: string; messageKey: MessageKey }[] = [];
  const index = new Map<string, number>();
  list.forEach((m, i) => {
    if (index.has(m.id)) details.push({ path: `milestones.${i}.id`, messageKey: 'plan.duplicate_id' });
    else index.set(m.id, i);
  });
  const kindsSeen = new Set<string>();
  list.forEach((m, i) => {
    if (m.predecessorIds.some((p) => !index.has(p))) {
      details.push({ path: `milestones.${i}.predecessorIds`, messageKey: 'plan.unknown_predecessor' });
    }
    // The pool gates look for exactly one 开工 and one 竣工.
    if (m.kind !== 'other' && kindsSeen.has(m.kind)) {
      details.push({ path: `milestones.${i}.kind`, messageKey: m.kind === 'start' ? 'plan.second_start' : 'plan.second_completion' });
    }
    kindsSeen.add(m.kind);
    if (m.actualStart && m.actualFinish && compareDates(m.actualFinish, m.actualStart) < 0) {
      details.push({ path: `milestones.${i}.actualFinish`, messageKey: 'plan.finish_before_start' });
    }
  });
  if (details.length > 0) throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);
  const cycle = findCycle(list);
  if (cycle) {
    const names = cycle.map((id) => list[index.get(id) ?? -1]?.name ?? id).join(' → ');
    const path = `milestones.${index.get(cycle[0] ?? '') ?? 0}.predecessorIds`;
    throw new AppError(422, 'plan_cycle', 'plan.cycle', { cycle: names }, [{ path, messageKey: 'plan.cycle', params: { cycle: names } }]);
  }
}

/** What the audit log keeps of a plan: each milestone with its predecessors by name, readable without the database. */
function snapshot(
  list: (Pick<MilestoneInput, 'id' | 'name' | 'kind' | 'durationDays' | 'predecessorIds'> & { approvalTypeCode?: string | null })[],
) {
  const names = new Map(list.map((m) => [m.id, m.name]));
  return list.map((m) => ({
    id: m.id,
    name: m.name,
    kind: m.kind,
    durationDays: m.durationDays,
    predecessors: m.predecessorIds.map((p) => names.get(p) ?? p),
    ...(m.approvalTypeCode ? { approvalTypeCode: m.approvalTypeCode } : {}),
  }));
}

/** Locks the project and checks the version the editor started from, so two people cannot overwrite each other's plan. */
async function lockAtVersion(tx: Tx, projectId: string, version: number) {
  await lockProject(tx, projectId);
  const [row] = await tx.select({ version: projects.version }).from(projects).where(eq(projects.id, projectId));
  if (!row || row.version !== version) throw staleVersion();
}

const sameMilestone = (row: MilestoneRow, m: MilestoneInput, sortOrder: number) =>
  row.name === m.name &&
  row.kind === m.kind &&
  row.durationDays === m.durationDays &&
  JSON.stringify(row.predecessorIds) === JSON.stringify(m.predecessorIds) &&
  row.actualStart === (m.actualStart ?? null) &&
  row.actualFinish === (m.actualFinish ?? null) &&
  row.approvalTypeCode === (m.approvalTypeCode ?? null) &&
  row.plannedFinish === (m.plannedFinish ?? null) &&
  row.sortOrder === sortOrder;

/** Makes the stored plan equal to the list: existing ids updated, missing ones deleted, new ones inserted; bumps the project's version. */
async function replaceMilestones(tx: Tx, projectId: string, current: MilestoneRow[], next: MilestoneInput[], version: number) {
  const nextIds = new Set(next.map((m) => m.id));
  const gone = current.filter((row) => !nextIds.has(row.id)).map((row) => row.id);
  if (gone.length > 0) await tx.delete(milestones).where(and(eq(milestones.projectId, projectId), inArray(milestones.id, gone)));
  const byId = new Map(current.map((row) => [row.id, row]));
  const values = (m: MilestoneInput, sortOrder: number) => ({
    name: m.name,
    kind: m.kind,
    durationDays: m.durationDays,
    predecessorIds: m.predecessorIds,
    actualStart: m.actualStart ?? null,
    actualFinish: m.actualFinish ?? null,
    approvalTypeCode: m.approvalTypeCode ?? null,
    plannedFinish: m.plannedFinish ?? null,
    sortOrder,
  });
  const inserts = next.flatMap((m, i) => (byId.has(m.id) ? [] : [{ id: m.id, projectId, ...values(m, i) }]));
  for (const [i, m] of next.entries()) {
    const row = byId.get(m.id);
    if (!row || sameMilestone(row, m, i)) continue;
    await tx
      .update(milestones)
      .set({ ...values(m, i), version: sql`${milestones.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(milestones.id, m.id), eq(milestones.projectId, projectId)));
  }
  if (inserts.length > 0) await tx.insert(milestones).values(inserts);
  const bumped = await tx
    .update(projects)
    .set({ version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(projects.id, projectId), eq(projects.version, version)))
    .returning({ id: projects.id });
  if (bumped.length === 0) throw staleVersion();
}

/** A milestone newly bound to an approval item type names one of the dictionary in use (a kept binding stays valid). */
async function checkBindings(tx: Tx, current: MilestoneRow[], next: MilestoneInput[]) {
  const stored = new Map(current.map((row) => [row.id, row.approvalTypeCode]));
  for (const [i, m] of next.entries()) {
    if (!m.approvalTypeCode || stored.get(m.id) === m.approvalTypeCode) continue;
    if (!(await isEnabledDictionaryCode(tx, 'approval_item_type', m.approvalTypeCode))) {
      throw invalidField(`milestones.${i}.approvalTypeCode`, 'plan.approval_type_unknown');
    }
  }
}

async function savedPlan(tx: Tx, ctx: RequestContext, projectId: string): Promise<SavedPlan> {
  const project = await loadProject(tx, ctx.actor, projectId);
  return { project, rows: await listMilestones(tx, projectId), approvals: await listApprovalItems(tx, projectId) };
}

/**
 * What a milestone left unsaid keeps: an existing milestone its binding and planned date; a new 开工 or 竣工 milestone
 * takes the project's planned start or completion as its planned date (the header's date moves into the plan).
 */
function completed(list: MilestoneInput[], current: MilestoneRow[], project: Pick<ProjectRow, 'plannedStart' | 'plannedCompletion'>) {
  const stored = new Map(current.map((row) => [row.id, row]));
  const headerDate = (kind: MilestoneInput['kind']) =>
    kind === 'start' ? project.plannedStart : kind === 'completion' ? project.plannedCompletion : null;
  return list.map((m) => {
    const row = stored.get(m.id);
    return {
      ...m,
      approvalTypeCode: m.approvalTypeCode === undefined ? (row?.approvalTypeCode ?? null) : m.approvalTypeCode,
      plannedFinish: m.plannedFinish === undefined ? (row ? row.plannedFinish : headerDate(m.kind)) : m.plannedFinish,
    };
  });
}

// Predecessors listed twice are one link.
const normalise = (list: MilestoneInput[]): MilestoneInput[] => list.map((m) => ({ ...m, predecessorIds: [...new Set(m.predecessorIds)] }));

/** Saves a project's whole plan (一项目一方案) at the project's version; a cycle answers 422 naming it. Audited. */
export async function savePlan({
  ctx,
  tx,
  projectId,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  input: PlanInput;
}): Promise<SavedPlan> {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.plan');
  checkMilestones(normalise(input.milestones));
  await lockAtVersion(tx, projectId, input.version);
  const current = await listMilestones(tx, projectId);
  // A milestone bound to an approval item the project has is reached when that item was approved, whatever was sent.
  const next = governByApprovals(completed(normalise(input.milestones), current, project), await listApprovalItems(tx, projectId));
  checkMilestones(next);
  const taken = await milestoneIdsOfOtherProjects(
    tx,
    projectId,
    next.map((m) => m.id),
  );
  const clash = next.findIndex((m) => taken.has(m.id));
  if (clash >= 0) throw invalidField(`milestones.${clash}.id`, 'plan.id_taken');
  await checkBindings(tx, current, next);
  await replaceMilestones(tx, projectId, current, next, input.version);
  await recordAudit(tx, ctx, {
    action: 'plans.update',
    recordType: 'plan',
    recordId: projectId,
    regionCode: project.regionCode,
    before: { milestones: snapshot(current) },
    after: { milestones: snapshot(next) },
  });
  // The 开工 and 竣工 milestones reached are the project's actual start and completion.
  await deriveProjectDates(ctx, tx, projectId);
  // Milestones and their dates decide what is overdue: the project's colour, in this transaction.
  await recomputeWarnings(tx, [projectId], todayInChina());
  return savedPlan(tx, ctx, projectId);
}

/** Replaces a project's plan with a template's milestones (fresh ids, links kept), at the project's version. Audited. */
export async function applyPlanTemplate({
  ctx,
  tx,
  projectId,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  input: z.infer<typeof applyTemplateBody>;
}): Promise<SavedPlan> {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.plan');
  const template = await findPlanTemplate(tx, input.templateId);
  if (!template) throw invalidField('templateId', 'plan.template_unknown');
  const items = templateItems(template);
  const ids = items.map(() => crypto.randomUUID());
  const fresh: MilestoneInput[] = items.map((item, i) => ({
    id: ids[i] ?? crypto.randomUUID(),
    name: item.name,
    kind: item.kind,
    durationDays: item.durationDays,
    predecessorIds: item.predecessors.flatMap((p) => (ids[p] ? [ids[p]] : [])),
    approvalTypeCode: item.approvalTypeCode ?? null,
  }));
  const next = governByApprovals(completed(fresh, [], project), await listApprovalItems(tx, projectId));
  checkMilestones(next);
  await lockAtVersion(tx, projectId, input.version);
  const current = await listMilestones(tx, projectId);
  await replaceMilestones(tx, projectId, current, next, input.version);
  await recordAudit(tx, ctx, {
    action: 'plans.apply_template',
    recordType: 'plan',
    recordId: projectId,
    regionCode: project.regionCode,
    before: { milestones: snapshot(current) },
    after: { templateId: template.id, templateName: template.name, milestones: snapshot(next) },
  });
  // Milestones bound to approvals already given are reached: perhaps the project's actual start.
  await deriveProjectDates(ctx, tx, projectId);
  // Milestones and their dates decide what is overdue: the project's colour, in this transaction.
  await recomputeWarnings(tx, [projectId], todayInChina());
  return savedPlan(tx, ctx, projectId);
}
