import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Pool, annualPlanBody } from '../../../common/schemas/projects';
import type { Tx } from '../../db/client';
import { annualPlans, projects } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound } from '../../lib/errors';
import { lockProject } from '../projects/scope';
import { projectForWrite } from './access';
import { type AnnualPlanRow, findAnnualPlan, listAnnualPlans } from './repository';

type Input = z.infer<typeof annualPlanBody>;

/** The pools whose projects get an annual planned investment: those being built, and those about to be. */
export const ANNUAL_PLAN_POOLS: readonly Pool[] = ['advancing', 'implementing'];

const auditable = (r: AnnualPlanRow) => ({
  projectId: r.projectId,
  year: r.year,
  versionNo: r.versionNo,
  plannedYuan: r.plannedYuan,
  monthlyYuan: r.monthlyYuan,
  reason: r.reason,
});

function checkMonthlySum(input: Input) {
  const sum = input.monthlyYuan.reduce((total, m) => total + m, 0);
  if (sum !== input.plannedYuan) {
    const difference = Math.abs(sum - input.plannedYuan);
    throw invalidField('monthlyYuan', 'annual_plan.monthly_sum', { sum, planned: input.plannedYuan, difference });
  }
}

async function lockedPool(tx: Tx, projectId: string): Promise<Pool> {
  await lockProject(tx, projectId);
  const [row] = await tx.select({ pool: projects.pool }).from(projects).where(eq(projects.id, projectId));
  if (!row) throw notFound();
  return row.pool;
}

async function reload(tx: Tx, projectId: string, id: string) {
  const row = await findAnnualPlan(tx, projectId, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Sets a project's annual planned investment (年度计划投资) for a year: the first version, or the open draft
 * edited in place, or — once the latest version is frozen — a new version (年中调整) that must give a reason.
 * A frozen version is never changed. Answers the written version and whether it is new.
 */
export async function saveAnnualPlan({
  ctx,
  tx,
  projectId,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  input: Input;
}): Promise<{ row: AnnualPlanRow; created: boolean }> {
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.annual_plan');
  checkMonthlySum(input);
  if (!ANNUAL_PLAN_POOLS.includes(await lockedPool(tx, projectId))) throw new AppError(422, 'pool_not_eligible', 'annual_plan.pool');
  const [latest] = await listAnnualPlans(tx, projectId, input.year);
  const reason = input.reason ? input.reason : null;
  const audit = { recordType: 'annual_plan', regionCode: project.regionCode };

  if (latest && !latest.frozenAt) {
    await tx
      .update(annualPlans)
      .set({
        plannedYuan: input.plannedYuan,
        monthlyYuan: input.monthlyYuan,
        reason: reason ?? latest.reason,
        version: sql`${annualPlans.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(annualPlans.id, latest.id), isNull(annualPlans.frozenAt)));
    const row = await reload(tx, projectId, latest.id);
    await recordAudit(tx, ctx, {
      ...audit,
      action: 'annual_plans.update',
      recordId: row.id,
      ...changedFields(auditable(latest), auditable(row)),
    });
    return { row, created: false };
  }

  // An adjustment of a frozen version says why (年中调整); the first version may say so too.
  if (latest && !reason) throw invalidField('reason', 'annual_plan.reason_required');
  const [inserted] = await tx
    .insert(annualPlans)
    .values({
      projectId,
      year: input.year,
      versionNo: (latest?.versionNo ?? 0) + 1,
      plannedYuan: input.plannedYuan,
      monthlyYuan: input.monthlyYuan,
      reason,
      createdBy: ctx.actor.userId,
    })
    .returning({ id: annualPlans.id });
  if (!inserted) throw new Error('annual plan insert returned nothing');
  const row = await reload(tx, projectId, inserted.id);
  await recordAudit(tx, ctx, { ...audit, action: 'annual_plans.create', recordId: row.id, after: auditable(row) });
  return { row, created: true };
}

/**
 * Freezes a version as the year's baseline (or as the adjusted plan); from then on no route changes it.
 * Freezing a frozen version again changes nothing and answers it as it is (idempotent, no second audit event).
 */
export async function freezeAnnualPlan({ ctx, tx, projectId, planId }: { ctx: RequestContext; tx: Tx; projectId: string; planId: string }) {
  const project = await projectForWrite(tx, ctx.actor, projectId, 'project.freeze_plan');
  await lockProject(tx, projectId);
  const current = await reload(tx, projectId, planId);
  if (current.frozenAt) return current;
  await tx
    .update(annualPlans)
    .set({ frozenAt: sql`now()`, frozenBy: ctx.actor.userId, version: sql`${annualPlans.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(annualPlans.id, planId), isNull(annualPlans.frozenAt)));
  const row = await reload(tx, projectId, planId);
  await recordAudit(tx, ctx, {
    action: 'annual_plans.freeze',
    recordType: 'annual_plan',
    recordId: planId,
    regionCode: project.regionCode,
    after: { ...auditable(row), frozenAt: row.frozenAt?.toISOString() ?? null },
  });
  return row;
}
