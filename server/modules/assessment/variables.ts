import { and, count, eq, gte, inArray, lte, sql, sum } from 'drizzle-orm';
import type { FormulaVariableName, ProjectFieldValue } from '../../../common/domain/formula';
import type { Executor } from '../../db/client';
import { matters, progressReports, projectMonthInvestment, projects, warningSnapshots } from '../../db/schema';
import { lastDayOf } from '../warnings';

/*
 * The formula variables of one unit for one month (issue 15 "Scoring"), computed from Lantu's data where it can —
 * every variable in one place, each documented below. A unit's projects are those it leads (projects.lead_unit_id);
 * a month is a calendar month of China time, "to date" means from January of the year to the month's end.
 *
 *   reports_on_time_ratio         progress reports the unit owed for the month (progress_reports.responsible_unit_id)
 *                                 first submitted and not late ÷ reports owed; 1 when none was owed.
 *   late_reports                  the unit's reports of the year to date submitted late (late) or never submitted.
 *   matters_closed_on_time_ratio  matters the unit leads whose deadline fell in the year to date: closed (销号) on or
 *                                 before the deadline (China date) ÷ those matters; 1 when none fell due.
 *   red_months                    project-months shown red in the month-end snapshots (warning_snapshots) of the
 *                                 year to date, over the unit's projects.
 *   not_started_by_deadline       the unit's projects (not withdrawn or completed) whose planned start is on or
 *                                 before the month's end and that had not started by then.
 *   investment_completion, new_starts_ratio, signed_value_ratio, pledges_done_ratio, fortune500_projects:
 *                                 no source yet (the year's plan per unit, new-start targets per unit, the attraction
 *                                 module, pledge evidence per month and enterprise tags are not joined up yet): 0, and
 *                                 the preview names them.
 *
 * Projects for count_projects(…) and sum(…): investment (total, 元), year_completed (approved reports of the year to
 * date, 元, from project_month_investment), pool; year_plan and tag have no source yet (0 and no tags).
 */
export const VARIABLES_WITHOUT_SOURCE: readonly FormulaVariableName[] = [
  'investment_completion',
  'new_starts_ratio',
  'signed_value_ratio',
  'pledges_done_ratio',
  'fortune500_projects',
];
export const PROJECT_FIELDS_WITHOUT_SOURCE = ['year_plan', 'tag'] as const;

export type UnitProject = { investment: number; yearCompleted: number; pool: string };
export type UnitMonthInputs = { variables: Record<FormulaVariableName, number>; projects: UnitProject[] };

const ratio = (done: number, owed: number) => (owed === 0 ? 1 : done / owed);
const n = (value: unknown) => Number(value ?? 0);

/** The variables and projects of each unit, by unit id; every id given gets an entry. */
export async function unitMonthInputs(db: Executor, unitIds: string[], year: number, month: number): Promise<Map<string, UnitMonthInputs>> {
  const monthEnd = lastDayOf(year, month);
  const yearStart = `${year}-01-01`;
  const inputs = new Map<string, UnitMonthInputs>();
  for (const id of unitIds) {
    inputs.set(id, {
      variables: {
        investment_completion: 0,
        new_starts_ratio: 0,
        signed_value_ratio: 0,
        pledges_done_ratio: 0,
        reports_on_time_ratio: 1,
        matters_closed_on_time_ratio: 1,
        red_months: 0,
        fortune500_projects: 0,
        not_started_by_deadline: 0,
        late_reports: 0,
      },
      projects: [],
    });
  }
  if (unitIds.length === 0) return inputs;
  const of = (id: string | null) => (id ? inputs.get(id)?.variables : undefined);

  const reports = await db
    .select({
      unitId: progressReports.responsibleUnitId,
      owed: sql<number>`count(*) filter (where ${progressReports.month} = ${month})`,
      onTime: sql<number>`count(*) filter (where ${progressReports.month} = ${month} and ${progressReports.firstSubmittedAt} is not null and not ${progressReports.late})`,
      late: sql<number>`count(*) filter (where ${progressReports.late} or ${progressReports.firstSubmittedAt} is null)`,
    })
    .from(progressReports)
    .where(and(inArray(progressReports.responsibleUnitId, unitIds), eq(progressReports.year, year), lte(progressReports.month, month)))
    .groupBy(progressReports.responsibleUnitId);
  for (const r of reports) {
    const v = of(r.unitId);
    if (!v) continue;
    v.reports_on_time_ratio = ratio(n(r.onTime), n(r.owed));
    v.late_reports = n(r.late);
  }

  const closedOnTime = sql<number>`count(*) filter (where ${matters.closedAt} is not null and (${matters.closedAt} at time zone 'Asia/Shanghai')::date <= ${matters.deadline})`;
  const due = await db
    .select({ unitId: matters.leadUnitId, due: count(), closedOnTime })
    .from(matters)
    .where(and(inArray(matters.leadUnitId, unitIds), gte(matters.deadline, yearStart), lte(matters.deadline, monthEnd)))
    .groupBy(matters.leadUnitId);
  for (const r of due) {
    const v = of(r.unitId);
    if (v) v.matters_closed_on_time_ratio = ratio(n(r.closedOnTime), n(r.due));
  }

  const red = await db
    .select({ unitId: projects.leadUnitId, months: count() })
    .from(warningSnapshots)
    .innerJoin(projects, eq(projects.id, warningSnapshots.projectId))
    .where(
      and(
        inArray(projects.leadUnitId, unitIds),
        eq(warningSnapshots.year, year),
        lte(warningSnapshots.month, month),
        eq(warningSnapshots.colour, 'red'),
      ),
    )
    .groupBy(projects.leadUnitId);
  for (const r of red) {
    const v = of(r.unitId);
    if (v) v.red_months = n(r.months);
  }

  const yearCompleted = db
    .select({ projectId: projectMonthInvestment.projectId, completed: sum(projectMonthInvestment.completedYuan).as('completed') })
    .from(projectMonthInvestment)
    .where(and(eq(projectMonthInvestment.year, year), lte(projectMonthInvestment.month, month)))
    .groupBy(projectMonthInvestment.projectId)
    .as('year_completed');
  const rows = await db
    .select({
      id: projects.id,
      unitId: projects.leadUnitId,
      investment: projects.totalInvestmentYuan,
      pool: projects.pool,
      completed: yearCompleted.completed,
      lateStart: sql<boolean>`${projects.pool} not in ('withdrawn', 'completed') and ${projects.plannedStart} <= ${monthEnd} and (${projects.actualStart} is null or ${projects.actualStart} > ${monthEnd})`,
    })
    .from(projects)
    .leftJoin(yearCompleted, eq(yearCompleted.projectId, projects.id))
    .where(inArray(projects.leadUnitId, unitIds))
    .orderBy(projects.id);
  for (const r of rows) {
    const unit = inputs.get(r.unitId);
    if (!unit) continue;
    if (r.pool !== 'withdrawn') unit.projects.push({ investment: n(r.investment), yearCompleted: n(r.completed), pool: r.pool });
    if (r.lateStart) unit.variables.not_started_by_deadline += 1;
  }
  return inputs;
}

/** A project's field for count_projects(…) and sum(…) filters; fields without a source read 0 or no tags. */
export function unitProjectField(project: UnitProject, name: string): ProjectFieldValue {
  switch (name) {
    case 'investment':
    case '总投资':
      return project.investment;
    case 'year_completed':
    case '年度完成投资':
      return project.yearCompleted;
    case 'pool':
    case '项目库':
      return project.pool;
    case 'tag':
    case '企业标签':
      return [];
    default:
      return 0;
  }
}
