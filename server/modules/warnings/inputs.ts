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
import { type ProjectProblemDates, projectProblemsOverdueColumn } from '../matters';
import { annualPlans, milestones, progressReports, projects, reportingPeriods, warningSettings, warningSnapshots } from '../../db/schema';

// The inputs of the warning function for many projects at once (the recompute's repository): two statements for the
// whole batch, never one per project. SQL lives here and in repository.ts.

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

/**
 * Every input of each project's colour as of `asOf` (a China Standard Time day); unknown ids are left out. Two
 * statements for the whole batch: the projects locked, then everything else about them read at once.
 */
export async function gatherWarningInputs(db: Executor, projectIds: string[], asOf: string): Promise<GatheredProject[]> {
  if (projectIds.length === 0) return [];
  const projectRows = rowsOf<{ id: string; regionCode: string; pool: string; plannedCompletion: string | null; level: number | null }>(
    // Transaction control: the projects are locked (in id order, as every recompute takes them) so two recomputes of a
    // project — two reports submitted at once — cannot each store a colour computed without the other's change. The
    // inputs are read by the next statement: under READ COMMITTED a statement sees what was committed when it began,
    // so one that waited here for another recompute would read the inputs as they were before it.
    await db.execute(sql`select id, region_code as "regionCode", pool, planned_completion::text as "plannedCompletion",
      warning_level as level from ${projects} where id = any(${ids(projectIds)}) order by id for update`),
  );
  if (projectRows.length === 0) return [];
  const inputs = await inputsOf(
    db,
    projectRows.map((p) => p.id),
    asOf,
  );
  return projectRows.map((p) => {
    const row = inputs.get(p.id);
    return {
      id: p.id,
      regionCode: p.regionCode,
      pool: p.pool,
      storedColour: colourOfLevel(p.level),
      input: {
        today: asOf,
        milestones: row?.milestones ? milestonesDue(row.milestones, p.plannedCompletion, asOf) : [],
        investment: investmentOf(row, asOf),
        report: row?.report ? { period: periodKey(row.report), deadline: row.report.deadline, submittedOn: row.report.submittedOn } : null,
        matters: row?.matters ?? [],
        previousColour: row?.previousColour ?? null,
        settings: { ...DEFAULT_WARNING_SETTINGS, ...row?.thresholds },
      },
    };
  });
}

type MilestoneRow = PlanMilestone & { actualStart: string | null; actualFinish: string | null };

/** What one statement reads about each project besides the project itself (JSON columns for the lists). */
type InputRow = {
  id: string;
  /** Its plan milestones in the plan's order; null when it has none. */
  milestones: MilestoneRow[] | null;
  /** The year's current annual plan's amount (highest version); null when it has none. */
  plannedYuan: string | null;
  completedYuan: string | null;
  report: { year: number; month: number; deadline: string; submittedOn: string | null } | null;
  matters: ProjectProblemDates[] | null;
  previousColour: WarningColour | null;
  /** The district's own thresholds, null when it has set none. */
  thresholds: Partial<WarningSettings> | null;
};

/**
 * The inputs of the projects' colours in one statement, each kind a sub-select per project through its index:
 * - the plan's milestones, in the plan's order;
 * - the year's current annual plan (highest version) and the sum of its approved reports up to the month of asOf;
 * - the report each project owes as of asOf: of the periods up to asOf's month still open on that day (open now, or
 *   closed after it), the report not yet submitted with the earliest deadline, else the latest one; submitted means
 *   submitted or approved (a returned report is owed again), on the day it was last submitted;
 * - its problems (matters) past their deadline and not closed as of the day (`matter_overdue`), through the matters
 *   module's face;
 * - the colour it had at the end of the month before (its snapshot), for the recovery rule;
 * - its district's thresholds, when the district has set its own.
 */
async function inputsOf(db: Executor, projectIds: string[], asOf: string): Promise<Map<string, InputRow>> {
  const year = Number(asOf.slice(0, 4));
  const month = Number(asOf.slice(5, 7));
  const previous = previousMonth(asOf);
  const submitted = sql`r.status in ('submitted', 'approved')`;
  const rows = rowsOf<InputRow>(
    await db.execute(sql`select p.id,
      (select json_agg(json_build_object('id', m.id, 'name', m.name, 'durationDays', m.duration_days,
          'predecessorIds', m.predecessor_ids::text[], 'actualStart', m.actual_start::text, 'actualFinish', m.actual_finish::text)
          order by m.sort_order, m.id)
        from ${milestones} m where m.project_id = p.id) as milestones,
      (select ap.planned_yuan::text from ${annualPlans} ap where ap.project_id = p.id and ap.year = ${year}
        order by ap.version_no desc limit 1) as "plannedYuan",
      (select sum(r.investment_yuan)::text from ${progressReports} r where r.project_id = p.id and r.status = 'approved'
        and r.year = ${year} and r.month <= ${month}) as "completedYuan",
      (select json_build_object('year', rp.year, 'month', rp.month, 'deadline', rp.deadline::text,
          'submittedOn', case when ${submitted} then ${chinaDay(sql`r.submitted_at`)} end)
        from ${progressReports} r join ${reportingPeriods} rp on rp.id = r.period_id
        where r.project_id = p.id and (rp.year, rp.month) <= (${year}, ${month})
          and (rp.status = 'open' or ${chinaDay(sql`rp.closed_at`)} > ${asOf})
        order by (${submitted} and ${chinaDay(sql`r.submitted_at`)} <= ${asOf}) asc, rp.deadline asc
        limit 1) as report,
      ${projectProblemsOverdueColumn(sql`p.id`, asOf)} as matters,
      (select s.colour from ${warningSnapshots} s where s.project_id = p.id and s.year = ${previous.year}
        and s.month = ${previous.month}) as "previousColour",
      (select ws.thresholds from ${warningSettings} ws where ws.region_code = p.region_code) as thresholds
      from ${projects} p where p.id = any(${ids(projectIds)})`),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

const periodKey = (report: { year: number; month: number }) => `${report.year}-${String(report.month).padStart(2, '0')}`;

/** The year's annual plan and what approved reports completed of it; null without an annual plan of the year. */
function investmentOf(row: InputRow | undefined, asOf: string): WarningInput['investment'] {
  if (!row || row.plannedYuan === null) return null;
  return { year: Number(asOf.slice(0, 4)), plannedYuan: Number(row.plannedYuan), completedYuan: Number(row.completedYuan ?? 0) };
}

/** A plan's milestones scheduled as the plan page schedules them (presentPlan): due by their latest finish. */
function milestonesDue(plan: MilestoneRow[], plannedCompletion: string | null, asOf: string): WarningInput['milestones'] {
  const actualDates = plan.flatMap((m) => [m.actualStart, m.actualFinish]).filter((d): d is string => !!d && isIsoDate(d));
  const [first, ...rest] = actualDates;
  const startDate = first ? minDate(first, ...rest) : asOf;
  const deadline = plannedCompletion && isIsoDate(plannedCompletion) ? plannedCompletion : null;
  return warningMilestones(plan, scheduleOrNothing(plan, { startDate, deadline, today: asOf }));
}

// A plan that cannot be scheduled (a cycle, dates past 9999) gives no milestone rule rather than failing the batch.
function scheduleOrNothing(plan: PlanMilestone[], options: { startDate: string; deadline: string | null; today: string }): ScheduleResult {
  try {
    return schedulePlan(plan, options);
  } catch {
    return { milestones: [], earliestCompletion: null, feasible: false };
  }
}
