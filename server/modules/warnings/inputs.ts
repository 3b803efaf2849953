import { sql } from 'drizzle-orm';
import { isIsoDate, minDate } from '../../../common/domain/dates';
import { type PlanMilestone, type ScheduleResult, schedulePlan } from '../../../common/domain/schedule';
import {
  DEFAULT_WARNING_SETTINGS,
  type WarningInput,
  type WarningSettings,
  colourOfLevel,
  warningMilestones,
} from '../../../common/domain/warnings';
import type { WarningColour } from '../../../common/enums';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { projectProblemsOverdueOn } from '../matters';
import { annualPlans, milestones, progressReports, projects, reportingPeriods, warningSettings, warningSnapshots } from '../../db/schema';

// The inputs of the warning function for many projects at once (the recompute's repository): one query per kind of
// input for the whole batch, never one per project. SQL lives here and in repository.ts.

/** A project as the recompute reads it, with the inputs of its colour. */
export type GatheredProject = {
  id: string;
  regionCode: string;
  pool: string;
  /** The colour stored now (from projects.warning_level), null before the first recompute. */
  storedColour: WarningColour | null;
  input: WarningInput;
};

const ids = (projectIds: string[]) => sql`${sql.param(projectIds)}::uuid[]`;
// A timestamp's calendar day in China Standard Time, whatever the session's time zone.
const chinaDay = (column: unknown) => sql`((${column} at time zone 'UTC') + interval '8 hours')::date::text`;

/** The previous calendar month of a `YYYY-MM-DD` day. */
export function previousMonth(day: string): { year: number; month: number } {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
}

/** Every input of each project's colour as of `asOf` (a China Standard Time day); unknown ids are left out. */
export async function gatherWarningInputs(db: Executor, projectIds: string[], asOf: string): Promise<GatheredProject[]> {
  if (projectIds.length === 0) return [];
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const previous = previousMonth(asOf);
  const projectRows = rowsOf<{ id: string; regionCode: string; pool: string; plannedCompletion: string | null; level: number | null }>(
    // Transaction control: the projects are locked (in id order, as every recompute takes them) so two recomputes of a
    // project — two reports submitted at once — cannot each store a colour computed without the other's change.
    await db.execute(sql`select id, region_code as "regionCode", pool, planned_completion::text as "plannedCompletion",
      warning_level as level from ${projects} where id = any(${ids(projectIds)}) order by id for update`),
  );
  if (projectRows.length === 0) return [];
  const found = projectRows.map((p) => p.id);
  const regionCodes = [...new Set(projectRows.map((p) => p.regionCode))];
  const [plans, investments, reports, matters, previousColours, settings] = await Promise.all([
    plansOf(db, found, asOf),
    investmentsOf(db, found, year, month),
    owedReportsOf(db, found, asOf),
    overdueMattersOf(db, found, asOf),
    snapshotColours(db, found, previous.year, previous.month),
    settingsOf(db, regionCodes),
  ]);
  return projectRows.map((p) => ({
    id: p.id,
    regionCode: p.regionCode,
    pool: p.pool,
    storedColour: colourOfLevel(p.level),
    input: {
      today: asOf,
      milestones: plans.get(p.id)?.(p.plannedCompletion) ?? [],
      investment: investments.get(p.id) ?? null,
      report: reports.get(p.id) ?? null,
      matters: matters.get(p.id) ?? [],
      previousColour: previousColours.get(p.id) ?? null,
      settings: settings.get(p.regionCode) ?? { ...DEFAULT_WARNING_SETTINGS },
    },
  }));
}

type MilestoneRow = PlanMilestone & { projectId: string; actualStart: string | null; actualFinish: string | null };

/** Each project's plan milestones, scheduled as the plan page schedules them (presentPlan): due by their latest finish. */
async function plansOf(db: Executor, projectIds: string[], asOf: string) {
  const rows = rowsOf<MilestoneRow>(
    await db.execute(sql`select project_id as "projectId", id, name, duration_days as "durationDays",
      predecessor_ids::text[] as "predecessorIds", actual_start::text as "actualStart", actual_finish::text as "actualFinish"
      from ${milestones} where project_id = any(${ids(projectIds)}) order by project_id, sort_order, id`),
  );
  const byProject = new Map<string, MilestoneRow[]>();
  for (const row of rows) {
    const list = byProject.get(row.projectId);
    if (list) list.push(row);
    else byProject.set(row.projectId, [row]);
  }
  const result = new Map<string, (plannedCompletion: string | null) => WarningInput['milestones']>();
  for (const [projectId, plan] of byProject) {
    result.set(projectId, (plannedCompletion) => {
      const actualDates = plan.flatMap((m) => [m.actualStart, m.actualFinish]).filter((d): d is string => !!d && isIsoDate(d));
      const [first, ...rest] = actualDates;
      const startDate = first ? minDate(first, ...rest) : asOf;
      const deadline = plannedCompletion && isIsoDate(plannedCompletion) ? plannedCompletion : null;
      return warningMilestones(plan, scheduleOrNothing(plan, { startDate, deadline, today: asOf }));
    });
  }
  return result;
}

// A plan that cannot be scheduled (a cycle, dates past 9999) gives no milestone rule rather than failing the batch.
function scheduleOrNothing(plan: PlanMilestone[], options: { startDate: string; deadline: string | null; today: string }): ScheduleResult {
  try {
    return schedulePlan(plan, options);
  } catch {
    return { milestones: [], earliestCompletion: null, feasible: false };
  }
}

/** The year's current annual plan (highest version) and the sum of its approved reports up to the month of asOf. */
async function investmentsOf(db: Executor, projectIds: string[], year: number, month: number) {
  const rows = rowsOf<{ projectId: string; plannedYuan: string; completedYuan: string | null }>(
    await db.execute(sql`select ap.project_id as "projectId", ap.planned_yuan::text as "plannedYuan",
      (select sum(r.investment_yuan)::text from ${progressReports} r where r.project_id = ap.project_id and r.status = 'approved'
        and r.year = ${year} and r.month <= ${month}) as "completedYuan"
      from (select distinct on (project_id) project_id, planned_yuan from ${annualPlans}
        where project_id = any(${ids(projectIds)}) and year = ${year} order by project_id, version_no desc) ap`),
  );
  return new Map(
    rows.map((r) => [r.projectId, { year, plannedYuan: Number(r.plannedYuan), completedYuan: Number(r.completedYuan ?? 0) }] as const),
  );
}

/**
 * The report each project owes as of asOf: of the periods up to asOf's month still open on that day (open now, or
 * closed after it), the report not yet submitted with the earliest deadline, else the latest one; submitted means
 * submitted or approved (a returned report is owed again), on the day it was last submitted.
 */
async function owedReportsOf(db: Executor, projectIds: string[], asOf: string) {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const rows = rowsOf<{ projectId: string; year: number; month: number; deadline: string; submittedOn: string | null }>(
    await db.execute(sql`select distinct on (r.project_id) r.project_id as "projectId", p.year, p.month, p.deadline::text as deadline,
        case when r.status in ('submitted', 'approved') then ${chinaDay(sql`r.submitted_at`)} end as "submittedOn"
      from ${progressReports} r join ${reportingPeriods} p on p.id = r.period_id
      where r.project_id = any(${ids(projectIds)}) and (p.year, p.month) <= (${year}, ${month})
        and (p.status = 'open' or ${chinaDay(sql`p.closed_at`)} > ${asOf})
      order by r.project_id,
        (r.status in ('submitted', 'approved') and ${chinaDay(sql`r.submitted_at`)} <= ${asOf}) asc,
        p.deadline asc`),
  );
  return new Map(
    rows.map((r) => [
      r.projectId,
      { period: `${r.year}-${String(r.month).padStart(2, '0')}`, deadline: r.deadline, submittedOn: r.submittedOn },
    ]),
  );
}

/**
 * The project's problems (matters) past their deadline and not closed as of the day, with their deadlines and the day
 * each was closed (销号), null while open: `matter_overdue` fires from them. Read through the matters module's face
 * (one batched query).
 */
const overdueMattersOf = (db: Executor, projectIds: string[], asOf: string) => projectProblemsOverdueOn(db, projectIds, asOf);

/** The colour each project had at the end of a month (its snapshot), for the recovery rule. */
export async function snapshotColours(db: Executor, projectIds: string[], year: number, month: number) {
  const rows = rowsOf<{ projectId: string; colour: WarningColour }>(
    await db.execute(sql`select project_id as "projectId", colour from ${warningSnapshots}
      where project_id = any(${ids(projectIds)}) and year = ${year} and month = ${month}`),
  );
  return new Map(rows.map((r) => [r.projectId, r.colour]));
}

/** The thresholds of each district that has set its own. */
async function settingsOf(db: Executor, regionCodes: string[]): Promise<Map<string, WarningSettings>> {
  const rows = rowsOf<{ regionCode: string; thresholds: WarningSettings }>(
    await db.execute(sql`select region_code as "regionCode", thresholds from ${warningSettings}
      where region_code = any(${sql.param(regionCodes)}::text[])`),
  );
  return new Map(rows.map((r) => [r.regionCode, { ...DEFAULT_WARNING_SETTINGS, ...r.thresholds }]));
}
