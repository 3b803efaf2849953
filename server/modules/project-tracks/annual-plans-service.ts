import { todayInChina } from '../../../common/domain/dates';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Pool } from '../../../common/schemas/projects';
import type { annualPlanBody } from '../../../common/schemas/tracks';
import type { annualPlanFreezeBody } from '../../../common/schemas/tracks';
import type { Tx } from '../../db/client';
import { annualPlans, projects } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import { updateAtVersion } from '../../lib/versioned';
import { lockProject, refreshDashboardFigures } from '../projects';
import { recomputeWarnings } from '../warnings';
import { loadProject } from '../projects';
import { type AnnualPlanRow, findAnnualPlan, listAnnualPlans } from './repository';

type Input = z.infer<typeof annualPlanBody>;
type FreezeInput = z.infer<typeof annualPlanFreezeBody>;

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

/** A save must be based on the year's current version as it now stands (none: null); else 409, nothing written. */
function checkBasedOn(latest: AnnualPlanRow | undefined, basedOn: Input['basedOn']) {
  if (latest?.id !== basedOn?.id || latest?.version !== basedOn?.version) throw staleVersion();
}

async function reload(tx: Tx, projectId: string, id: string) {
  const row = await findAnnualPlan(tx, projectId, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Sets a project's annual planned investment (年度计划投资) for a year: the first version, or the open draft
 * edited in place, or — once the latest version is frozen — a new version (年中调整) that must give a reason.
 * The save names the version it is based on (`basedOn`); any other current version answers 409. A frozen version
 * is never changed. Answers the written version and whether it is new.
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
  const project = await loadProject(tx, ctx.actor, projectId, 'project.annual_plan');
  checkMonthlySum(input);
  if (!ANNUAL_PLAN_POOLS.includes(await lockedPool(tx, projectId))) throw new AppError(422, 'pool_not_eligible', 'annual_plan.pool');
  const [latest] = await listAnnualPlans(tx, projectId, input.year);
  checkBasedOn(latest, input.basedOn);
  const reason = input.reason ? input.reason : null;
  const audit = { recordType: 'annual_plan', regionCode: project.regionCode };

  if (latest && !latest.frozenAt) {
    const row = await updateAtVersion(
      tx,
      annualPlans,
      { key: annualPlans.id, keyValue: latest.id, version: latest.version },
      { plannedYuan: input.plannedYuan, monthlyYuan: input.monthlyYuan, reason: reason ?? latest.reason },
    );
    await recordAudit(tx, ctx, {
      ...audit,
      action: 'annual_plans.update',
      recordId: row.id,
      ...changedFields(auditable(latest), auditable(row)),
    });
    // The year's plan is what completion is measured against: the project's colour, in this transaction.
    await recomputeWarnings(tx, [projectId], todayInChina());
    // The plan's total and months are figures of the dashboard.
    await refreshDashboardFigures(tx, [projectId]);
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
  // The year's plan is what completion is measured against: the project's colour, in this transaction.
  await recomputeWarnings(tx, [projectId], todayInChina());
  await refreshDashboardFigures(tx, [projectId]);
  return { row, created: true };
}

/**
 * Freezes a version as the year's baseline (or as the adjusted plan) at the `version` the person freezing read;
 * from then on no route changes it. A draft at another version answers 409 (they would freeze figures unseen).
 * Freezing a frozen version again changes nothing and answers it as it is (idempotent, no second audit event)
 * when the caller read either the frozen version or the very draft that was frozen — a retry or a second click:
 * the freeze is the only change a frozen version ever had, and it bumped the version by one. Any older version
 * answers 409.
 */
export async function freezeAnnualPlan({
  ctx,
  tx,
  projectId,
  planId,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  projectId: string;
  planId: string;
  input: FreezeInput;
}) {
  const project = await loadProject(tx, ctx.actor, projectId, 'project.freeze_plan');
  await lockProject(tx, projectId);
  const current = await reload(tx, projectId, planId);
  if (current.frozenAt) {
    if (input.version === current.version || input.version === current.version - 1) return current;
    throw staleVersion();
  }
  const row = await updateAtVersion(
    tx,
    annualPlans,
    { key: annualPlans.id, keyValue: planId, version: input.version },
    { frozenAt: sql`now()`, frozenBy: ctx.actor.userId },
  );
  await recordAudit(tx, ctx, {
    action: 'annual_plans.freeze',
    recordType: 'annual_plan',
    recordId: planId,
    regionCode: project.regionCode,
    after: { ...auditable(row), frozenAt: row.frozenAt?.toISOString() ?? null },
  });
  return row;
}
