import { and, asc, count, desc, eq, gte, inArray, lte, min, sql, sum } from 'drizzle-orm';
import type { FormulaVariableName, ProjectFieldValue } from '../../../common/domain/formula';
import type { Executor } from '../../db/client';
import {
  annualPlans,
  commitments,
  dictionaryItems,
  enterprises,
  indicatorBreakdowns,
  indicators,
  leadStageMoves,
  leads,
  matters,
  progressReports,
  projectMonthInvestment,
  projects,
  warningSnapshots,
} from '../../db/schema';
import { startedInYear } from '../projects';
import { lastDayOf } from '../warnings';

/*
 * The formula variables of one unit for one month (issue 15 "Scoring"), computed from Lantu's data — every variable
 * in one place, each documented below (docs/formulas.md "变量的数据来源" says the same to the project office). A unit's
 * projects are those it leads (projects.lead_unit_id), withdrawn ones left out; a month is a calendar month of China
 * time, "to date" means from January of the year to the month's end.
 *
 *   investment_completion         the investment its projects completed in the year to date (project_month_investment,
 *                                 the approved reports' figures, as the dashboard and the 通报 add them) ÷ their planned
 *                                 investment for the year (each project's current annual plan: its highest version);
 *                                 0 when the unit has no plan for the year (no target, no credit).
 *   new_starts_ratio              its projects actually started in the year to date (projects.actual_start, the
 *                                 indicators' 新开工 definition `startedInYear`) ÷ its new-start target: its share of
 *                                 the district's 新开工项目 indicator (computation new_starts) when the office broke that
 *                                 down to units (分解到单位; a unit left out of the breakdown has target 0); when it did
 *                                 not, the unit's own plan: its projects planned to start in the year. 0 when the target is 0.
 *   signed_value_ratio            contract value (leads.contract_value_yuan) of the leads the unit courts (leads.unit_id)
 *                                 that first reached 签约 in the year to date (lead_stage_moves, as the leads' conversion
 *                                 figures count) ÷ its share of the district's 签约项目合同额 indicator (computation
 *                                 contract_value) broken down to units. 0 when the unit has no such share: the note on
 *                                 the preview and the ranking says so (there is no other signing target in Lantu).
 *   pledges_done_ratio            the unit's pledges and 民生实事 of the year (commitments.unit_id) done by the month's
 *                                 end (done_on) ÷ those due by the month's end or done by then (an early finish counts
 *                                 on both sides, so the ratio never passes 1); 1 when none was due.
 *   reports_on_time_ratio         progress reports the unit owed for the month (progress_reports.responsible_unit_id)
 *                                 first submitted and not late ÷ reports owed; 1 when none was owed.
 *   late_reports                  the unit's reports of the year to date submitted late (late) or never submitted.
 *   matters_closed_on_time_ratio  matters the unit leads whose deadline fell in the year to date: closed (销号) on or
 *                                 before the deadline (China date) ÷ those matters; 1 when none fell due.
 *   red_months                    project-months shown red in the month-end snapshots (warning_snapshots) of the
 *                                 year to date, over the unit's projects.
 *   fortune500_projects           its projects linked by a lead (leads.project_id, set when a lead is signed into a
 *                                 project) to an enterprise tagged 世界500强, 中国500强 or 民营500强 (enterprises.tags).
 *   not_started_by_deadline       the unit's projects (not withdrawn or completed) whose planned start is on or
 *                                 before the month's end and that had not started by then.
 * Ratios whose denominator is a target read 0 without one; ratios of duties (reports, matters, pledges) read 1 when
 * nothing fell due — nothing was failed.
 *
 * Beside the variables, each unit keeps the figures behind its ratios (FIGURE_NAMES: plan and completed in 元, new
 * starts and target, signed value and target, pledges done and counted), stored with the snapshot's variables: they
 * explain a ratio and say, for the notes, which units had no target.
 *
 * A city's or province's ranking scores its districts on the same variables over all of a district's units
 * (groupMonthInputs → sumMonthInputs below): counts added, ratios divided over the sums (docs/formulas.md "区县的变量").
 *
 * Projects for count_projects(…) and sum(…): investment (total, 元), year_plan (current annual plan, 元),
 * year_completed (approved reports of the year to date, 元), tag (the codes of the linked enterprises' tags and their
 * dictionary names in Chinese and English, so `tag = "世界500强"` and `tag = "fortune500"` both match), pool,
 * category (category code), started (actual start on or before the month's end), start_overdue (as
 * not_started_by_deadline).
 */

/** Variables that have no source in Lantu's data: none since every one of the catalogue got one (kept for the notes). */
export const VARIABLES_WITHOUT_SOURCE: readonly FormulaVariableName[] = [];
/** The variables that had no source before issue 15's sources landed: a snapshot taken then read 0 for them. */
export const VARIABLES_SOURCED_LATE: readonly FormulaVariableName[] = [
  'investment_completion',
  'new_starts_ratio',
  'signed_value_ratio',
  'pledges_done_ratio',
  'fortune500_projects',
];
export const PROJECT_FIELDS_WITHOUT_SOURCE: readonly string[] = [];

/** The 500强 tags (codes of the enterprise_tag dictionary) that make a project count in fortune500_projects. */
export const TOP500_TAGS = ['fortune500', 'china500', 'private500'] as const;

/** The figures behind the ratios, stored with a snapshot's variables (numbers; money in 元). */
export const FIGURE_NAMES = [
  'year_plan_yuan',
  'year_completed_yuan',
  'new_starts',
  'new_starts_target',
  /** 1 when the target is the unit's share of the broken-down 新开工项目 indicator, 0 when it is the unit's own plan. */
  'new_starts_target_broken_down',
  'signed_value_yuan',
  'signed_target_yuan',
  'pledges_done',
  'pledges_counted',
] as const;
export type FigureName = (typeof FIGURE_NAMES)[number];

/**
 * The duties behind the duty ratios (reports owed for the month and submitted on time; matters fallen due and closed
 * on time): kept beside the variables so that a district's ratio is its units' sums divided, not an average of ratios.
 */
const DUTY_COUNT_NAMES = ['reports_owed', 'reports_on_time', 'matters_due', 'matters_closed_on_time'] as const;
type DutyCountName = (typeof DUTY_COUNT_NAMES)[number];

export type UnitProject = {
  investment: number;
  yearPlan: number;
  yearCompleted: number;
  pool: string;
  category: string | null;
  started: boolean;
  startOverdue: boolean;
  tags: readonly string[];
};
export type UnitMonthInputs = {
  variables: Record<FormulaVariableName, number>;
  figures: Record<FigureName, number>;
  counts: Record<DutyCountName, number>;
  projects: UnitProject[];
};

const ratio = (done: number, owed: number) => (owed === 0 ? 1 : done / owed);
const ofTarget = (done: number, target: number) => (target > 0 ? done / target : 0);
const n = (value: unknown) => Number(value ?? 0);
/** A breakdown's target (numeric in the indicator's unit of measure) in 元 for money, as is otherwise. */
const inYuan = (value: string, measure: string) => Number(value) * (measure === 'yi_yuan' ? 1e8 : measure === 'wan_yuan' ? 1e4 : 1);

/**
 * A unit's inputs before anything is counted: the duty ratios read 1 (nothing fell due), every other variable,
 * figure and count 0, no projects.
 */
function emptyMonthInputs(): UnitMonthInputs {
  return {
    variables: {
      investment_completion: 0,
      new_starts_ratio: 0,
      signed_value_ratio: 0,
      pledges_done_ratio: 1,
      reports_on_time_ratio: 1,
      matters_closed_on_time_ratio: 1,
      red_months: 0,
      fortune500_projects: 0,
      not_started_by_deadline: 0,
      late_reports: 0,
    },
    figures: Object.fromEntries(FIGURE_NAMES.map((name) => [name, 0])) as Record<FigureName, number>,
    counts: Object.fromEntries(DUTY_COUNT_NAMES.map((name) => [name, 0])) as Record<DutyCountName, number>,
    projects: [],
  };
}

/** The variables and projects of each unit, by unit id; every id given gets an entry. */
export async function unitMonthInputs(db: Executor, unitIds: string[], year: number, month: number): Promise<Map<string, UnitMonthInputs>> {
  const monthEnd = lastDayOf(year, month);
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const inputs = new Map<string, UnitMonthInputs>();
  for (const id of unitIds) {
    inputs.set(id, emptyMonthInputs());
  }
  if (unitIds.length === 0) return inputs;
  const of = (id: string | null) => (id ? inputs.get(id)?.variables : undefined);
  const countsOf = (id: string | null) => (id ? inputs.get(id)?.counts : undefined);
  const figuresOf = (id: string | null) => (id ? inputs.get(id)?.figures : undefined);

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
    const c = countsOf(r.unitId);
    if (!v || !c) continue;
    c.reports_owed = n(r.owed);
    c.reports_on_time = n(r.onTime);
    v.late_reports = n(r.late);
  }

  const closedOnTime = sql<number>`count(*) filter (where ${matters.closedAt} is not null and (${matters.closedAt} at time zone 'Asia/Shanghai')::date <= ${matters.deadline})`;
  const due = await db
    .select({ unitId: matters.leadUnitId, due: count(), closedOnTime })
    .from(matters)
    .where(and(inArray(matters.leadUnitId, unitIds), gte(matters.deadline, yearStart), lte(matters.deadline, monthEnd)))
    .groupBy(matters.leadUnitId);
  for (const r of due) {
    const c = countsOf(r.unitId);
    if (!c) continue;
    c.matters_due = n(r.due);
    c.matters_closed_on_time = n(r.closedOnTime);
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

  // The unit's projects in one pass: total investment, the year's completed investment to date and its current plan,
  // whether it started (this year, or at all) by the month's end, whether its start is overdue, planned to start this year.
  const yearCompleted = db
    .select({ projectId: projectMonthInvestment.projectId, completed: sum(projectMonthInvestment.completedYuan).as('completed') })
    .from(projectMonthInvestment)
    .where(and(eq(projectMonthInvestment.year, year), lte(projectMonthInvestment.month, month)))
    .groupBy(projectMonthInvestment.projectId)
    .as('year_completed');
  const yearPlan = db
    .selectDistinctOn([annualPlans.projectId], { projectId: annualPlans.projectId, planned: annualPlans.plannedYuan })
    .from(annualPlans)
    .where(eq(annualPlans.year, year))
    .orderBy(annualPlans.projectId, desc(annualPlans.versionNo))
    .as('year_plan');
  const rows = await db
    .select({
      id: projects.id,
      unitId: projects.leadUnitId,
      investment: projects.totalInvestmentYuan,
      pool: projects.pool,
      category: projects.categoryCode,
      completed: yearCompleted.completed,
      planned: yearPlan.planned,
      started: sql<boolean>`coalesce(${projects.actualStart} <= ${monthEnd}, false)`,
      startedThisYear: sql<boolean>`coalesce(${startedInYear(year, monthEnd)}, false)`,
      plannedThisYear: sql<boolean>`coalesce(${projects.plannedStart} between ${yearStart} and ${yearEnd}, false)`,
      lateStart: sql<boolean>`${projects.pool} not in ('withdrawn', 'completed') and ${projects.plannedStart} <= ${monthEnd} and (${projects.actualStart} is null or ${projects.actualStart} > ${monthEnd})`,
    })
    .from(projects)
    .leftJoin(yearCompleted, eq(yearCompleted.projectId, projects.id))
    .leftJoin(yearPlan, eq(yearPlan.projectId, projects.id))
    .where(inArray(projects.leadUnitId, unitIds))
    .orderBy(projects.id);

  // The tags of the enterprises linked to the units' projects through leads (a lead signed into a project), by project.
  const tagRows = await db
    .selectDistinct({ projectId: leads.projectId, tag: sql<string>`t.tag` })
    .from(leads)
    .innerJoin(projects, eq(projects.id, leads.projectId))
    .innerJoin(enterprises, eq(enterprises.id, leads.enterpriseId))
    .innerJoin(sql`unnest(${enterprises.tags}) as t(tag)`, sql`true`)
    .where(inArray(projects.leadUnitId, unitIds));
  const tagNames = new Map<string, string[]>();
  if (tagRows.length) {
    const dictionary = await db
      .select({ code: dictionaryItems.code, name: dictionaryItems.name, nameEn: dictionaryItems.nameEn })
      .from(dictionaryItems)
      .where(eq(dictionaryItems.type, 'enterprise_tag'));
    for (const d of dictionary) tagNames.set(d.code, [d.name, d.nameEn]);
  }
  const tagsOf = new Map<string, string[]>();
  for (const r of tagRows) {
    if (!r.projectId) continue;
    const list = tagsOf.get(r.projectId) ?? [];
    list.push(r.tag, ...(tagNames.get(r.tag) ?? []));
    tagsOf.set(r.projectId, list);
  }
  const top500 = new Set<string>(TOP500_TAGS);

  for (const r of rows) {
    const unit = inputs.get(r.unitId);
    if (!unit) continue;
    if (r.lateStart) unit.variables.not_started_by_deadline += 1;
    if (r.pool === 'withdrawn') continue;
    const tags = tagsOf.get(r.id) ?? [];
    const project: UnitProject = {
      investment: n(r.investment),
      yearPlan: n(r.planned),
      yearCompleted: n(r.completed),
      pool: r.pool,
      category: r.category,
      started: r.started,
      startOverdue: r.lateStart,
      tags,
    };
    unit.projects.push(project);
    unit.figures.year_plan_yuan += project.yearPlan;
    unit.figures.year_completed_yuan += project.yearCompleted;
    if (r.startedThisYear) unit.figures.new_starts += 1;
    if (r.plannedThisYear) unit.figures.new_starts_target += 1;
    if (tags.some((tag) => top500.has(tag))) unit.variables.fortune500_projects += 1;
  }

  // The targets broken down to units: the 新开工项目 and 签约项目合同额 indicators of the year (by their computation).
  // When a district has two such indicators, the first in its order that is broken down is the target.
  const breakdowns = await db
    .select({
      indicatorId: indicators.id,
      computation: indicators.computation,
      measure: indicators.measure,
      unitId: indicatorBreakdowns.unitId,
      target: indicatorBreakdowns.targetValue,
    })
    .from(indicatorBreakdowns)
    .innerJoin(indicators, eq(indicators.id, indicatorBreakdowns.indicatorId))
    .where(
      and(
        inArray(indicatorBreakdowns.unitId, unitIds),
        eq(indicators.year, year),
        inArray(indicators.computation, ['new_starts', 'contract_value']),
      ),
    )
    .orderBy(asc(indicators.sortOrder), asc(indicators.id));
  const chosen = new Map<string, string>();
  for (const b of breakdowns) if (b.computation && !chosen.has(b.computation)) chosen.set(b.computation, b.indicatorId);
  if (chosen.has('new_starts'))
    for (const figures of Array.from(inputs.values(), (i) => i.figures)) {
      figures.new_starts_target = 0;
      figures.new_starts_target_broken_down = 1;
    }
  for (const b of breakdowns) {
    const figures = figuresOf(b.unitId);
    if (!figures || !b.computation || chosen.get(b.computation) !== b.indicatorId) continue;
    if (b.computation === 'new_starts') figures.new_starts_target = Number(b.target);
    else figures.signed_target_yuan = inYuan(b.target, b.measure);
  }

  // Contract value signed in the year to date: leads whose first move to 签约 falls in it, by the unit courting them.
  const signedOn = db
    .select({ leadId: leadStageMoves.leadId, on: min(leadStageMoves.on).as('signed_on') })
    .from(leadStageMoves)
    .where(eq(leadStageMoves.toStage, 'signed'))
    .groupBy(leadStageMoves.leadId)
    .as('signed');
  const signed = await db
    .select({ unitId: leads.unitId, value: sum(leads.contractValueYuan) })
    .from(leads)
    .innerJoin(signedOn, eq(signedOn.leadId, leads.id))
    .where(and(inArray(leads.unitId, unitIds), gte(signedOn.on, yearStart), lte(signedOn.on, monthEnd)))
    .groupBy(leads.unitId);
  for (const r of signed) {
    const figures = figuresOf(r.unitId);
    if (figures) figures.signed_value_yuan = n(r.value);
  }

  // Pledges and 民生实事 of the year: due by the month's end or done by then, and of those done by then.
  const doneByThen = sql`${commitments.done} and coalesce(${commitments.doneOn} <= ${monthEnd}, true)`;
  const pledges = await db
    .select({
      unitId: commitments.unitId,
      counted: sql<number>`count(*) filter (where ${commitments.deadline} <= ${monthEnd} or ${doneByThen})`,
      done: sql<number>`count(*) filter (where ${doneByThen})`,
    })
    .from(commitments)
    .where(and(inArray(commitments.unitId, unitIds), eq(commitments.year, year)))
    .groupBy(commitments.unitId);
  for (const r of pledges) {
    const figures = figuresOf(r.unitId);
    if (!figures) continue;
    figures.pledges_counted = n(r.counted);
    figures.pledges_done = n(r.done);
  }

  for (const input of inputs.values()) settleRatios(input);
  return inputs;
}

/** The ratios from the figures and duty counts behind them (a unit's, or a district's sums): the one place they are divided. */
function settleRatios({ variables, figures, counts }: UnitMonthInputs) {
  variables.investment_completion = ofTarget(figures.year_completed_yuan, figures.year_plan_yuan);
  variables.new_starts_ratio = ofTarget(figures.new_starts, figures.new_starts_target);
  variables.signed_value_ratio = ofTarget(figures.signed_value_yuan, figures.signed_target_yuan);
  variables.pledges_done_ratio = ratio(figures.pledges_done, figures.pledges_counted);
  variables.reports_on_time_ratio = ratio(counts.reports_on_time, counts.reports_owed);
  variables.matters_closed_on_time_ratio = ratio(counts.matters_closed_on_time, counts.matters_due);
}

/** The variables that count things (projects, reports, months): a district's is the sum of its units'. */
const COUNTED_VARIABLES = ['late_reports', 'red_months', 'fortune500_projects', 'not_started_by_deadline'] as const;

/**
 * One district's month inputs from its units' (issue 15 "Regions above districts"): the figures, the duty counts and
 * the counted variables added up, the projects put together (count_projects(…) counts the district's), and the
 * ratios divided again over the sums — a district that completed 60 of 100 planned reads 0.6 whatever its units'
 * ratios were. The new-start target reads as broken down when any unit's share came from the breakdown.
 */
export function sumMonthInputs(parts: Iterable<UnitMonthInputs>): UnitMonthInputs {
  const total = emptyMonthInputs();
  for (const part of parts) {
    for (const name of COUNTED_VARIABLES) total.variables[name] += part.variables[name];
    for (const name of FIGURE_NAMES)
      total.figures[name] =
        name === 'new_starts_target_broken_down'
          ? Math.max(total.figures[name], part.figures[name])
          : total.figures[name] + part.figures[name];
    for (const name of DUTY_COUNT_NAMES) total.counts[name] += part.counts[name];
    total.projects.push(...part.projects);
  }
  settleRatios(total);
  return total;
}

/**
 * The month inputs of groups of units, each group's the sum of its units' (a city's ranking of its districts: a group
 * is a district's units). Each group's units are computed together as a district's are for its own ranking — one
 * district at a time, so that which 新开工项目 indicator is broken down is decided within the district, as it is there.
 */
export async function groupMonthInputs(
  db: Executor,
  groups: readonly { key: string; unitIds: string[] }[],
  year: number,
  month: number,
): Promise<Map<string, UnitMonthInputs>> {
  const sums = new Map<string, UnitMonthInputs>();
  for (const group of groups) {
    const inputs = await unitMonthInputs(db, group.unitIds, year, month);
    sums.set(group.key, sumMonthInputs(inputs.values()));
  }
  return sums;
}

/** A project's field for count_projects(…) and sum(…) filters (the catalogue's English or Chinese name). */
export function unitProjectField(project: UnitProject, name: string): ProjectFieldValue {
  switch (name) {
    case 'investment':
    case '总投资':
      return project.investment;
    case 'year_plan':
    case '年度计划投资':
      return project.yearPlan;
    case 'year_completed':
    case '年度完成投资':
      return project.yearCompleted;
    case 'tag':
    case '企业标签':
      return project.tags;
    case 'pool':
    case '项目库':
      return project.pool;
    case 'category':
    case '项目类别':
      return project.category;
    case 'started':
    case '已开工':
      return project.started;
    case 'start_overdue':
    case '逾期未开工':
      return project.startOverdue;
    default:
      return 0;
  }
}
