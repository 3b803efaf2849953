import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { annualPlans, approvalItems, dictionaryItems, fundingLines, milestones, planTemplates, projects } from '../../db/schema';

// Every query here is about one project the caller has already found in the actor's scope (access.ts), so the
// project id is the scope condition; the record's own id is always matched together with it.

/** A dictionary item's names; null when the code is no longer in the dictionary. */
export type DictionaryName = { name: string; nameEn: string } | null;
/** Rows as the services and presenters use them, dictionary codes joined with their names. */
export type ApprovalItemRow = typeof approvalItems.$inferSelect & { type: DictionaryName };
export type FundingLineRow = typeof fundingLines.$inferSelect & { source: DictionaryName };
export type MilestoneRow = typeof milestones.$inferSelect;
export type PlanTemplateRow = typeof planTemplates.$inferSelect;
export type AnnualPlanRow = typeof annualPlans.$inferSelect;

const dictionaryJoin = (type: string, code: typeof approvalItems.typeCode | typeof fundingLines.sourceCode) =>
  and(eq(dictionaryItems.type, type), eq(dictionaryItems.code, code));
const dictionaryName = { name: dictionaryItems.name, nameEn: dictionaryItems.nameEn };

/** Whether a code is an enabled item of a dictionary, so new records refer only to codes in use. */
export async function isEnabledDictionaryCode(db: Executor, type: string, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: dictionaryItems.id })
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.type, type), eq(dictionaryItems.code, code), eq(dictionaryItems.enabled, true)));
  return !!row;
}

const approvalSelection = { item: approvalItems, type: dictionaryName };

/** A project's approval items in the dictionary's order. */
export async function listApprovalItems(db: Executor, projectId: string): Promise<ApprovalItemRow[]> {
  const rows = await db
    .select(approvalSelection)
    .from(approvalItems)
    .leftJoin(dictionaryItems, dictionaryJoin('approval_item_type', approvalItems.typeCode))
    .where(eq(approvalItems.projectId, projectId))
    .orderBy(asc(dictionaryItems.sortOrder), asc(approvalItems.typeCode));
  return rows.map((r) => ({ ...r.item, type: r.type }));
}

/** One approval item of the project, or null. */
export async function findApprovalItem(db: Executor, projectId: string, id: string): Promise<ApprovalItemRow | null> {
  const [row] = await db
    .select(approvalSelection)
    .from(approvalItems)
    .leftJoin(dictionaryItems, dictionaryJoin('approval_item_type', approvalItems.typeCode))
    .where(and(eq(approvalItems.projectId, projectId), eq(approvalItems.id, id)));
  return row ? { ...row.item, type: row.type } : null;
}

const fundingSelection = { line: fundingLines, source: dictionaryName };

/** A project's funding lines in the dictionary's order. */
export async function listFundingLines(db: Executor, projectId: string): Promise<FundingLineRow[]> {
  const rows = await db
    .select(fundingSelection)
    .from(fundingLines)
    .leftJoin(dictionaryItems, dictionaryJoin('funding_source', fundingLines.sourceCode))
    .where(eq(fundingLines.projectId, projectId))
    .orderBy(asc(dictionaryItems.sortOrder), asc(fundingLines.sourceCode));
  return rows.map((r) => ({ ...r.line, source: r.source }));
}

/** One funding line of the project, or null. */
export async function findFundingLine(db: Executor, projectId: string, id: string): Promise<FundingLineRow | null> {
  const [row] = await db
    .select(fundingSelection)
    .from(fundingLines)
    .leftJoin(dictionaryItems, dictionaryJoin('funding_source', fundingLines.sourceCode))
    .where(and(eq(fundingLines.projectId, projectId), eq(fundingLines.id, id)));
  return row ? { ...row.line, source: row.source } : null;
}

/** The milestones of a project's plan in their saved order. */
export async function listMilestones(db: Executor, projectId: string): Promise<MilestoneRow[]> {
  return db.select().from(milestones).where(eq(milestones.projectId, projectId)).orderBy(asc(milestones.sortOrder), asc(milestones.id));
}

/** Which of these milestone ids already belong to another project (ids are client-chosen). */
export async function milestoneIdsOfOtherProjects(db: Executor, projectId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(and(inArray(milestones.id, ids), ne(milestones.projectId, projectId)));
  return new Set(rows.map((r) => r.id));
}

/** Plan templates, optionally for one project category (templates without a category suit every category). */
export async function listPlanTemplates(db: Executor, categoryCode: string | undefined): Promise<PlanTemplateRow[]> {
  return db
    .select()
    .from(planTemplates)
    .where(categoryCode ? or(eq(planTemplates.categoryCode, categoryCode), isNull(planTemplates.categoryCode)) : undefined)
    .orderBy(asc(planTemplates.name), asc(planTemplates.id));
}

/** One plan template, or null. */
export async function findPlanTemplate(db: Executor, id: string): Promise<PlanTemplateRow | null> {
  const [row] = await db.select().from(planTemplates).where(eq(planTemplates.id, id));
  return row ?? null;
}

/** Every version of a project's annual plan for a year, newest first. */
export async function listAnnualPlans(db: Executor, projectId: string, year: number): Promise<AnnualPlanRow[]> {
  return db
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.projectId, projectId), eq(annualPlans.year, year)))
    .orderBy(desc(annualPlans.versionNo));
}

/** One version of the project's annual plan, or null. */
export async function findAnnualPlan(db: Executor, projectId: string, id: string): Promise<AnnualPlanRow | null> {
  const [row] = await db
    .select()
    .from(annualPlans)
    .where(and(eq(annualPlans.projectId, projectId), eq(annualPlans.id, id)));
  return row ?? null;
}

/** The names of these milestones by id (those still in some plan), for records that refer to milestones. */
export async function milestoneNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: milestones.id, name: milestones.name }).from(milestones).where(inArray(milestones.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Sets a milestone's actual finish (a change to the plan: its version and `updated_at` move on). */
export async function setMilestoneActualFinish(db: Executor, projectId: string, id: string, actualFinish: string) {
  await db
    .update(milestones)
    .set({ actualFinish, version: sql`${milestones.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(milestones.id, id), eq(milestones.projectId, projectId)));
}

/** Sets a milestone's actual start and finish (a change to the plan: its version and `updated_at` move on). */
export async function setMilestoneActualDates(
  db: Executor,
  projectId: string,
  id: string,
  dates: { actualStart: string | null; actualFinish: string | null },
) {
  await db
    .update(milestones)
    .set({ ...dates, version: sql`${milestones.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(milestones.id, id), eq(milestones.projectId, projectId)));
}

/** Moves the plan's version (the project's) on after a change to its milestones, as a plan save does. */
export async function bumpPlanVersion(db: Executor, projectId: string) {
  await db
    .update(projects)
    .set({ version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(projects.id, projectId));
}
