import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Locale } from '../../../common/locale';
import type { Pool } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import { annualPlans, dictionaryItems, projects, units } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { currentAnnualPlan, listCondition } from '../projects';

/** What the page narrows by: the year, a district, the list's search. */
export type AnnualPlanFilter = { year: number; regionCode?: string | undefined; q?: string | undefined };

/** The pools whose projects are given an annual plan (those being built and those about to be). */
const OWING_POOLS: Pool[] = ['advancing', 'implementing'];

const yearList = (db: Executor, actor: Actor, { year, regionCode, q }: AnnualPlanFilter) =>
  listCondition(db, actor, { year, q, regionCode: regionCode ? [regionCode] : undefined });

const current = alias(annualPlans, 'current_plan');
const baseline = alias(annualPlans, 'baseline_plan');

/**
 * The year's projects in the actor's scope that have a plan for it (the project list's own scoped condition with the
 * year, as the ledger reads it), each with its current version and the baseline — version 1 once frozen.
 */
export async function annualPlanRows(db: Executor, actor: Actor, filter: AnnualPlanFilter, locale: Locale) {
  const { year } = filter;
  return db
    .select({
      projectId: projects.id,
      name: projects.name,
      pool: projects.pool,
      leadUnitId: projects.leadUnitId,
      leadUnitName: units.name,
      categoryCode: projects.categoryCode,
      categoryName: locale === 'zh-CN' ? dictionaryItems.name : dictionaryItems.nameEn,
      categoryOrder: dictionaryItems.sortOrder,
      versionNo: current.versionNo,
      frozenAt: current.frozenAt,
      currentYuan: current.plannedYuan,
      monthlyYuan: current.monthlyYuan,
      reason: current.reason,
      baselineYuan: baseline.plannedYuan,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.leadUnitId))
    .innerJoin(
      current,
      eq(
        current.id,
        currentAnnualPlan(year, (plan) => sql`${plan}.id`),
      ),
    )
    .leftJoin(
      baseline,
      and(eq(baseline.projectId, projects.id), eq(baseline.year, year), eq(baseline.versionNo, 1), isNotNull(baseline.frozenAt)),
    )
    .leftJoin(dictionaryItems, and(eq(dictionaryItems.type, 'project_category'), eq(dictionaryItems.code, projects.categoryCode)))
    .where(yearList(db, actor, filter))
    .orderBy(desc(current.plannedYuan), asc(projects.namePinyin), asc(projects.id));
}

/**
 * 未填报: the year's projects in the actor's scope that owe a plan and have none — those being built (实施库), and
 * those in 推进库 not planned to start after the year (a reserve project planned for next year owes next year's).
 */
export async function projectsWithoutPlan(db: Executor, actor: Actor, filter: AnnualPlanFilter) {
  const { year } = filter;
  return db
    .select({
      id: projects.id,
      name: projects.name,
      pool: projects.pool,
      plannedStart: projects.plannedStart,
      unitId: units.id,
      unitName: units.name,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.leadUnitId))
    .where(
      and(
        yearList(db, actor, filter),
        inArray(projects.pool, OWING_POOLS),
        or(eq(projects.pool, 'implementing'), isNull(projects.plannedStart), lte(projects.plannedStart, `${year}-12-31`)),
        sql`not exists (select 1 from ${annualPlans} ap where ap.project_id = ${projects.id} and ap.year = ${year})`,
      ),
    )
    .orderBy(asc(units.name), asc(projects.namePinyin), asc(projects.id));
}
