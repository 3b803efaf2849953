import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ProjectListQuery } from '../../../common/schemas/projects';
import type { Locale } from '../../../common/locale';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { dashboardFigures, dictionaryItems, projectMonthInvestment, projectWarnings, projects, regions, units } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { visibleWhen } from '../../lib/scope';
import { currentAnnualPlan, listCondition, startedInYear } from '../projects';
import { findUnit } from '../units';

/** The project list's filters the dashboard narrows by (no paging): its drill-downs carry the same ones. */
export type ProjectFilter = Omit<ProjectListQuery, 'page' | 'pageSize' | 'sort'>;

export type FigureDimension = 'all' | 'unit' | 'category' | 'industry' | 'pool' | 'nature' | 'district';

/** One group's figures: projects, total investment, the year's annual plan and investment completed through a month. */
export type FigureRow = {
  dim: FigureDimension;
  key: string | null;
  name: string | null;
  count: number;
  investmentYuan: number;
  plannedYuan: number;
  completedYuan: number;
  red: number;
  yellow: number;
  green: number;
  /** Projects not withdrawn (the warnings' total: a withdrawn project carries no colour). */
  live: number;
  /** Projects that actually started (开工) in the year up to the day of the figures. */
  started: number;
};

/**
 * Every grouped figure of the dashboard in one pass over the projects of the list's filters in the actor's scope
 * (the list's own condition): by lead unit, category, industry section, pool, nature and district, and in all. The
 * investment completed is read from the month figures (project_month_investment), at most twelve rows a project,
 * never from the reports.
 */
export async function projectFigures(
  db: Executor,
  actor: Actor,
  filter: ProjectFilter,
  year: number,
  asOf: string,
  throughMonth: number,
  locale: Locale,
): Promise<FigureRow[]> {
  const result = await db.execute(sql`
    with p as (
      select ${projects.id} as id, ${projects.pool} as pool, ${projects.nature} as nature, ${projects.leadUnitId} as unit,
        ${projects.categoryCode} as category, ${projects.regionCode} as district, ${projects.warningLevel} as level,
        coalesce(di.parent_code, ${projects.industryCode}) as industry,
        ${projects.totalInvestmentYuan} as investment, coalesce(${startedInYear(year, asOf)}, false) as started,
        ${currentAnnualPlan(year, (plan) => sql`${plan}.planned_yuan`)} as planned,
        (select sum(m.completed_yuan) from ${projectMonthInvestment} m
          where m.project_id = ${projects.id} and m.year = ${year} and m.month <= ${throughMonth}) as completed
      from ${projects}
      -- The industry's section, joined once (not looked up row by row).
      left join ${dictionaryItems} di on di.type = 'industry' and di.code = ${projects.industryCode}
      where ${listCondition(db, actor, filter)}
    ), g as (
      select case when grouping(unit) = 0 then 'unit' when grouping(category) = 0 then 'category'
          when grouping(industry) = 0 then 'industry' when grouping(pool) = 0 then 'pool'
          when grouping(nature) = 0 then 'nature' when grouping(district) = 0 then 'district' else 'all' end as dim,
        coalesce(unit::text, category, industry, pool, nature, district) as key,
        count(*)::integer as count,
        coalesce(sum(investment), 0)::text as "investmentYuan",
        coalesce(sum(planned), 0)::text as "plannedYuan",
        coalesce(sum(completed), 0)::text as "completedYuan",
        (count(*) filter (where level = 3))::integer as red,
        (count(*) filter (where level = 2))::integer as yellow,
        (count(*) filter (where level = 1))::integer as green,
        (count(*) filter (where pool <> 'withdrawn'))::integer as live,
        (count(*) filter (where started))::integer as started
      from p group by grouping sets ((unit), (category), (industry), (pool), (nature), (district), ())
    )
    select g.*, ${groupName(locale)} as name
    from g`);
  return figureRowsOf(result);
}

/** The name of a group `g` (dim, key): the unit's, the category's or industry's in the reader's language, the district's. */
function groupName(locale: Locale) {
  const dictionaryName = locale === 'zh-CN' ? sql`d.name` : sql`coalesce(d.name_en, d.name)`;
  return sql`case g.dim
        when 'unit' then (select u.name from ${units} u where u.id::text = g.key)
        when 'category' then (select ${dictionaryName} from ${dictionaryItems} d where d.type = 'project_category' and d.code = g.key)
        when 'industry' then (select ${dictionaryName} from ${dictionaryItems} d where d.type = 'industry' and d.code = g.key)
        when 'district' then (select r.name from ${regions} r where r.code = g.key)
      end`;
}

function figureRowsOf(result: Parameters<typeof rowsOf>[0]): FigureRow[] {
  return rowsOf<
    Omit<FigureRow, 'investmentYuan' | 'plannedYuan' | 'completedYuan'> & Record<'investmentYuan' | 'plannedYuan' | 'completedYuan', string>
  >(result).map((r) => ({
    ...r,
    count: Number(r.count),
    red: Number(r.red),
    yellow: Number(r.yellow),
    green: Number(r.green),
    live: Number(r.live),
    started: Number(r.started),
    investmentYuan: Number(r.investmentYuan),
    plannedYuan: Number(r.plannedYuan),
    completedYuan: Number(r.completedYuan),
  }));
}

/** Month by month (1–12) the annual plans' months and the investment completed, of the same projects. */
export async function monthlyFigures(db: Executor, actor: Actor, filter: ProjectFilter, year: number): Promise<MonthFigure[]> {
  const where = listCondition(db, actor, filter);
  const [planned, completed] = await Promise.all([
    // Each project's current plan is read once (offset 0 keeps the planner from repeating the lookup for every
    // month), then its months are unnested with their numbers.
    db.execute(sql`select m.month, sum(m.yuan)::text as yuan
      from (select ${currentAnnualPlan(year, (plan) => sql`${plan}.monthly_yuan`)} as months from ${projects} where ${where} offset 0) pl
      cross join lateral unnest(pl.months) with ordinality as m(yuan, month)
      group by m.month`),
    db.execute(sql`select m.month, sum(m.completed_yuan)::text as yuan from ${projectMonthInvestment} m
      where m.year = ${year} and m.project_id in (select ${projects.id} from ${projects} where ${where}) group by m.month`),
  ]);
  const byMonth = (rows: { month: number; yuan: string }[]) => new Map(rows.map((r) => [Number(r.month), Number(r.yuan)]));
  const plannedBy = byMonth(rowsOf(planned));
  const completedBy = byMonth(rowsOf(completed));
  return Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    plannedYuan: plannedBy.get(i + 1) ?? 0,
    completedYuan: completedBy.get(i + 1) ?? 0,
  }));
}

/**
 * Whether the reader may narrow the dashboard to the unit: it lies in his data scope, or it leads a project he sees
 * otherwise (a leader in charge of another unit's project).
 */
export async function unitInReach(db: Executor, actor: Actor, unitId: string): Promise<boolean> {
  if (await findUnit(db, actor, unitId)) return true;
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(listCondition(db, actor, { leadUnitId: [unitId] }))
    .limit(1);
  return row !== undefined;
}

/**
 * The red, then yellow, projects of the same filters, largest investment first (in `projects_warning_investment_idx`'s
 * order), with the reasons of their colour (project_warnings, joined: one statement, not a second round trip).
 */
export async function attentionProjects(db: Executor, actor: Actor, filter: ProjectFilter, limit: number) {
  return db
    .select({
      id: projects.id,
      name: projects.name,
      level: projects.warningLevel,
      leadUnitName: units.name,
      totalInvestmentYuan: projects.totalInvestmentYuan,
      reasons: projectWarnings.reasons,
    })
    .from(projects)
    .innerJoin(units, eq(units.id, projects.leadUnitId))
    .leftJoin(projectWarnings, eq(projectWarnings.projectId, projects.id))
    .where(and(listCondition(db, actor, filter), inArray(projects.warningLevel, [2, 3])))
    .orderBy(sql`${projects.warningLevel} desc nulls last`, sql`${projects.totalInvestmentYuan} desc nulls last`, asc(projects.id))
    .limit(limit);
}

/**
 * Whether the dashboard's figures (dashboard_figures) can answer for this reader and filter: rows are kept per district
 * and lead unit, so a reader whose scope is by unit and district (not `own`, not a leader in charge of projects he would
 * otherwise not see) and a filter by district and unit only. Everyone else is answered by the live statements.
 */
export function figuresServe(actor: Actor, filter: ProjectFilter, year: number): boolean {
  const onlyBy = Object.entries(filter).every(
    ([name, value]) => value === undefined || name === 'year' || name === 'leadUnitId' || name === 'regionCode',
  );
  return actor.dataScope !== 'own' && !actor.leadsProjects && onlyBy && year >= 2000 && year <= 2100;
}

/** The rows of dashboard_figures counting for the year in the reader's scope and the filter's districts and units. */
function figureRowsWhere(actor: Actor, filter: ProjectFilter, year: number) {
  return and(
    visibleWhen(actor, { district: dashboardFigures.regionCode, units: [dashboardFigures.unitId] }),
    filter.leadUnitId?.length ? inArray(dashboardFigures.unitId, filter.leadUnitId) : undefined,
    filter.regionCode?.length ? inArray(dashboardFigures.regionCode, filter.regionCode) : undefined,
    sql`((not ${dashboardFigures.onward} and ${dashboardFigures.year} = ${year}) or (${dashboardFigures.onward} and ${dashboardFigures.year} <= ${year}))`,
  );
}

/** Month by month (1–12): the annual plans' months and the investment completed. */
export type MonthFigure = { month: number; plannedYuan: number; completedYuan: number };

/**
 * `projectFigures` and `monthlyFigures` from the kept figures (≈ 40 rows a unit and year) instead of the projects, in
 * one statement: the units' totals grouped by unit, by district and in all (the whole also sums the months), the other
 * dimensions by value. 新开工 is kept by the year of the actual start; for a year not yet over, the whole's starts after
 * `asOf` (a date entered ahead) are taken off from the projects (few, through their actual-start index) — only the
 * whole's `started` is read.
 */
export async function keptFigures(
  db: Executor,
  actor: Actor,
  filter: ProjectFilter,
  year: number,
  asOf: string,
  throughMonth: number,
  locale: Locale,
): Promise<{ figures: FigureRow[]; monthly: MonthFigure[] }> {
  const completed =
    throughMonth > 0
      ? sql.join(
          Array.from({ length: throughMonth }, (_, i) => sql`f.completed_months[${sql.raw(String(i + 1))}]`),
          sql` + `,
        )
      : sql`0`;
  const sums = sql`coalesce(sum(f.projects), 0)::integer as count, coalesce(sum(f.investment_yuan), 0)::text as "investmentYuan",
    coalesce(sum(f.planned_yuan), 0)::text as "plannedYuan", coalesce(sum(${completed}), 0)::text as "completedYuan",
    coalesce(sum(f.red), 0)::integer as red, coalesce(sum(f.yellow), 0)::integer as yellow, coalesce(sum(f.green), 0)::integer as green,
    coalesce(sum(f.live), 0)::integer as live, coalesce(sum(f.started), 0)::integer as started`;
  const months = (name: string) =>
    sql.raw(`array[${Array.from({ length: 12 }, (_, i) => `coalesce(sum(f.${name}[${i + 1}]), 0)::text`).join(', ')}]`);
  const lastDay = `${year}-12-31`;
  const laterStarts =
    asOf < lastDay
      ? sql`(select count(*)::integer from ${projects} where ${projects.actualStart} > ${asOf} and ${projects.actualStart} <= ${lastDay}
          and ${listCondition(db, actor, filter)})`
      : sql`0`;
  const result = await db.execute(sql`
    with f as materialized (select * from ${dashboardFigures} where ${figureRowsWhere(actor, filter, year)}), g as (
      select case when grouping(f.unit_id) = 0 then 'unit' when grouping(f.region_code) = 0 then 'district' else 'all' end as dim,
        coalesce(f.unit_id::text, f.region_code) as key, ${sums},
        case when grouping(f.unit_id, f.region_code) = 3 then ${months('planned_months')} end as "plannedMonths",
        case when grouping(f.unit_id, f.region_code) = 3 then ${months('completed_months')} end as "completedMonths"
      from f where f.dim = 'total' group by grouping sets ((f.unit_id), (f.region_code), ())
      union all
      select f.dim, nullif(f.key, ''), ${sums}, null, null from f where f.dim <> 'total' group by f.dim, f.key
    )
    select g.dim, g.key, g.count, g."investmentYuan", g."plannedYuan", g."completedYuan", g.red, g.yellow, g.green, g.live,
      case when g.dim = 'all' then g.started - ${laterStarts} else g.started end as started,
      g."plannedMonths", g."completedMonths", ${groupName(locale)} as name
    from g where g.count > 0 or g.dim = 'all'`);
  const rows = rowsOf<{ plannedMonths: string[] | null; completedMonths: string[] | null }>(result);
  const whole = rows.find((r) => r.plannedMonths !== null);
  const monthly = Array.from({ length: 12 }, (_, i) => ({
    month: i + 1,
    plannedYuan: Number(whole?.plannedMonths?.[i] ?? 0),
    completedYuan: Number(whole?.completedMonths?.[i] ?? 0),
  }));
  return { figures: figureRowsOf(result), monthly };
}
