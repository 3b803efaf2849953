import { sql } from 'drizzle-orm';
import { todayInChina } from '../../../common/domain/dates';
import type { ProjectListQuery, ProjectTotals } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import { projects } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { PROJECT_LIST_EXACT_TOTAL, listCondition } from './list-repository';
import { currentAnnualPlan } from './year-condition';

/**
 * The count and the sums of the projects the list's filters match in the actor's scope: total investment, and the
 * year's annual-plan investment (each project's current version, the year filtered on or this year). Past the
 * list's exact-count cap the sums would be of an arbitrary part, so they are left out (`capped`).
 */
export async function projectTotals(
  db: Executor,
  actor: Actor,
  query: ProjectListQuery,
  cap = PROJECT_LIST_EXACT_TOTAL,
): Promise<ProjectTotals> {
  const year = query.year ?? Number(todayInChina().slice(0, 4));
  const annual = sql<string | null>`${currentAnnualPlan(year, (plan) => sql`${plan}.planned_yuan`)}`;
  const matched = db
    .select({ investment: projects.totalInvestmentYuan, annual: annual.as('annual') })
    .from(projects)
    .where(listCondition(db, actor, query))
    .limit(cap + 1)
    .as('matched');
  const [row] = await db
    .select({
      n: sql<number>`count(*)::int`,
      investment: sql<string | null>`sum(${matched.investment})::text`,
      annual: sql<string | null>`sum(${matched.annual})::text`,
    })
    .from(matched);
  const n = row?.n ?? 0;
  const capped = n > cap;
  return {
    count: Math.min(n, cap),
    capped,
    year,
    totalInvestmentYuan: capped ? null : Number(row?.investment ?? 0),
    annualPlanYuan: capped ? null : Number(row?.annual ?? 0),
  };
}
