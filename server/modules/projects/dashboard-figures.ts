import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { dashboardFigures, dashboardProjectShares, dictionaryItems, projectMonthInvestment, projects } from '../../db/schema';
import { currentAnnualPlan, earliestYearOf, projectOfYear } from './year-condition';

// The one writer of dashboard_figures and dashboard_project_shares (server/db/schema/dashboard.ts): SQL here because
// it is the tables' writer. Every change that moves a figure — a project created or edited (unit, district, category,
// industry, pool, nature, investment, dates), moved or withdrawn, its colour recomputed, its annual plan saved, frozen
// or adjusted, a report approved (the month figures) — calls `refreshDashboardFigures` with the projects it changed,
// after the change and in its transaction. The refresh takes each project's share as last written (its shares rows)
// out and puts its new share (computed from the project's rows now) in, as additive upserts, under the projects'
// row locks: only the figure rows the difference touches are locked, never anything installation-wide, and a change
// that moves no figure (a version bump, a name) writes none.

/** The years a project's share is kept for: the dashboard's query accepts these (common/schemas/dashboard.ts). */
export const FIGURE_FIRST_YEAR = 2000;
export const FIGURE_LAST_YEAR = 2100;

const FIRST = sql.raw(String(FIGURE_FIRST_YEAR));
const LAST = sql.raw(String(FIGURE_LAST_YEAR));
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const FIGURE_COLUMNS = [
  'projects',
  'investment_yuan',
  'planned_yuan',
  'red',
  'yellow',
  'green',
  'live',
  'started',
  'listed',
  'listed_investment_yuan',
  'live_started',
] as const;
const MONTH_COLUMNS = ['planned_months', 'completed_months', 'reported_months'] as const;
const DIMENSIONS = ['category', 'industry', 'pool', 'nature'] as const;

/** bigint[12] of the twelve sums (`at(m)` the SQL of month m). */
const monthArray = (at: (m: number) => SQL) => sql`array[${sql.join(MONTHS.map(at), sql`, `)}]::bigint[]`;
const NO_MONTHS = monthArray(() => sql`0`);

/**
 * The shares of the projects the condition picks, as rows of dashboard_project_shares: for each year the project is
 * a project of (`projectOfYear`, tried for every year from its `earliestYearOf`, FIGURE_FIRST_YEAR at the earliest,
 * to FIGURE_LAST_YEAR), a plain row; the years from `from` on, when the project is one of every year from some year to
 * the last, are one `onward` row holding what does not depend on the year (count, investment, colour), their plain
 * rows only the year's plan, months and 新开工 (and left out when those are nothing). The computed indicators' columns
 * (server/db/schema/dashboard.ts) count by their own definitions: a year the project has month figures or its actual
 * start in without being one of its projects gets a plain row holding only `reported_months` and `live_started`.
 */
function sharesOf(which: SQL): SQL {
  const y = sql.raw('g.y');
  const picked = sql`select ${projects.id} from ${projects} where ${which}`;
  const isKey = sql`(${projects.isDistrictKey} or ${projects.isCityKey} or ${projects.isProvincialKey})`;
  return sql`
    with member as materialized (
      -- Each project's years from the first it can count in (not every year from FIGURE_FIRST_YEAR: a quarter less).
      select ${projects.id} as id, ${y} as y
      from ${projects} cross join lateral generate_series(greatest(${FIRST}, ${earliestYearOf()}), ${LAST}) g(y)
      where ${which} and ${projectOfYear(y)}
    ), years as materialized (
      -- The member years, and the years of month figures or of the actual start outside them (member false).
      select id, y, bool_or(member) as member from (
        select id, y, true as member from member
        union all
        select ${projectMonthInvestment.projectId}, ${projectMonthInvestment.year}, false from ${projectMonthInvestment}
        where ${projectMonthInvestment.projectId} in (${picked}) and ${projectMonthInvestment.year} between ${FIRST} and ${LAST}
        union all
        select ${projects.id}, extract(year from ${projects.actualStart})::integer, false from ${projects}
        where ${which} and extract(year from ${projects.actualStart}) between ${FIRST} and ${LAST}
      ) u group by id, y
    ), runs as (
      -- Consecutive years share y − rank; the project's last run, when it reaches the last year, is its onward span.
      select id, y, y - row_number() over (partition by id order by y) as run from member
    ), onward as (
      select id, min(y) as from_year from (
        select id, y, run, first_value(run) over (partition by id order by y desc) as last_run,
          max(y) over (partition by id) as last_year
        from runs
      ) r where run = last_run and last_year = ${sql.raw(String(FIGURE_LAST_YEAR))} group by id
    ), p as (
      select ${projects.id} as id, ${projects.regionCode} as region_code, ${projects.leadUnitId} as unit_id,
        coalesce(${projects.categoryCode}, '') as category, coalesce(di.parent_code, ${projects.industryCode}, '') as industry,
        ${projects.pool} as pool, coalesce(${projects.nature}, '') as nature,
        coalesce(${projects.totalInvestmentYuan}, 0) as investment, ${projects.warningLevel} as level,
        ${projects.actualStart} as actual_start, o.from_year, coalesce(${isKey}, false) as is_key
      from ${projects}
      left join ${dictionaryItems} di on di.type = 'industry' and di.code = ${projects.industryCode}
      left join onward o on o.id = ${projects.id}
      where ${projects.id} in (select id from years)
    ), plain as (
      select p.*, m.y as year, m.member, m.member and (p.from_year is null or m.y < p.from_year) as counted,
        ${currentAnnualPlan(sql`m.y`, (plan) => sql`${plan}.planned_yuan`)} as planned,
        ${currentAnnualPlan(sql`m.y`, (plan) => sql`${plan}.monthly_yuan`)} as plan_months,
        coalesce(extract(year from p.actual_start) = m.y, false) as starts_here
      from years m join p on p.id = m.id join ${projects} on ${projects.id} = m.id
    ), plain_full as (
      select pl.*, pl.member and pl.starts_here as started_here, pl.plan_months as planned_months,
        (select ${monthArray((m) => sql`coalesce(sum(${projectMonthInvestment.completedYuan}) filter (where ${projectMonthInvestment.month} = ${sql.raw(String(m))}), 0)`)}
          from ${projectMonthInvestment} where ${projectMonthInvestment.projectId} = pl.id and ${projectMonthInvestment.year} = pl.year) as reported_months
      from plain pl
    )
    select id as project_id, false as onward, year, region_code, unit_id, category, industry, pool, nature,
      case when counted then 1 else 0 end as projects,
      case when counted then investment else 0 end as investment_yuan,
      coalesce(planned, 0) as planned_yuan,
      ${monthArray((m) => sql`coalesce(planned_months[${sql.raw(String(m))}], 0)`)} as planned_months,
      case when member then reported_months else ${NO_MONTHS} end as completed_months,
      case when counted and level = 3 then 1 else 0 end as red,
      case when counted and level = 2 then 1 else 0 end as yellow,
      case when counted and level = 1 then 1 else 0 end as green,
      case when counted and pool <> 'withdrawn' then 1 else 0 end as live,
      case when started_here then 1 else 0 end as started,
      case when counted and pool <> 'withdrawn' and is_key then 1 else 0 end as listed,
      case when counted and pool <> 'withdrawn' and is_key then investment else 0 end as listed_investment_yuan,
      case when starts_here and pool <> 'withdrawn' then 1 else 0 end as live_started,
      reported_months
    from plain_full
    where counted or planned is not null or starts_here or reported_months <> ${NO_MONTHS}
    union all
    select id, true, from_year, region_code, unit_id, category, industry, pool, nature, 1, investment, 0,
      ${NO_MONTHS}, ${NO_MONTHS},
      case when level = 3 then 1 else 0 end, case when level = 2 then 1 else 0 end, case when level = 1 then 1 else 0 end,
      case when pool <> 'withdrawn' then 1 else 0 end, 0,
      case when pool <> 'withdrawn' and is_key then 1 else 0 end, case when pool <> 'withdrawn' and is_key then investment else 0 end,
      0, ${NO_MONTHS}
    from p where from_year is not null`;
}

/** The sums of signed share rows (`sign` −1 or 1) per figure row: each share counts in its unit's total and each dimension. */
function figureDeltas(signed: SQL): SQL {
  const dims = sql.join([sql`('total', '')`, ...DIMENSIONS.map((d) => sql`(${d}, s.${sql.raw(d)})`)], sql`, `);
  const sums = sql.join(
    FIGURE_COLUMNS.map((c) => sql`sum(s.sign * s.${sql.raw(c)})::${sql.raw(c.endsWith('yuan') ? 'bigint' : 'integer')} as ${sql.raw(c)}`),
    sql`, `,
  );
  const monthSums = (column: string) => monthArray((m) => sql`coalesce(sum(s.sign * s.${sql.raw(column)}[${sql.raw(String(m))}]), 0)`);
  const nonZero = sql.join(
    [
      ...FIGURE_COLUMNS.map((c) => sql`sum(s.sign * s.${sql.raw(c)}) <> 0`),
      ...MONTHS.flatMap((m) => MONTH_COLUMNS.map((c) => sql`sum(s.sign * s.${sql.raw(c)}[${sql.raw(String(m))}]) <> 0`)),
    ],
    sql` or `,
  );
  return sql`select s.region_code, s.onward, s.year, s.unit_id, d.dim, d.key, ${sums},
      ${sql.join(
        MONTH_COLUMNS.map((c) => sql`${monthSums(c)} as ${sql.raw(c)}`),
        sql`, `,
      )}
    from (${signed}) s cross join lateral (values ${dims}) d(dim, key)
    group by s.region_code, s.onward, s.year, s.unit_id, d.dim, d.key
    having ${nonZero}`;
}

/** The shares' columns in the order `sharesOf` answers them. */
const SHARE_COLUMNS = sql.raw(
  'project_id, onward, year, region_code, unit_id, category, industry, pool, nature, projects, investment_yuan, planned_yuan, planned_months, completed_months, red, yellow, green, live, started, listed, listed_investment_yuan, live_started, reported_months',
);
/** The figure rows' columns in the order `figureDeltas` answers them. */
const FIGURE_ROW_COLUMNS = sql.raw(`region_code, onward, year, unit_id, dim, key, ${[...FIGURE_COLUMNS, ...MONTH_COLUMNS].join(', ')}`);

/**
 * Puts the projects' figures right after a change to them (or to their plans or month figures), in the change's
 * transaction: their shares as last written out, their shares now in. Locks the projects' rows first (in id order),
 * so two changes to one project queue and the second reads the first's shares.
 */
export async function refreshDashboardFigures(tx: Executor, projectIds: string[]): Promise<void> {
  const ids = [...new Set(projectIds)].sort();
  if (ids.length === 0) return;
  const param = sql`${sql.param(ids)}::uuid[]`;
  await tx.execute(sql`select 1 from ${projects} where ${projects.id} = any(${param}) order by ${projects.id} for update`);
  const added = sql`${projects.id} = any(${param})`;
  await tx.execute(sql`
    with old as (delete from ${dashboardProjectShares} where ${dashboardProjectShares.projectId} = any(${param}) returning ${SHARE_COLUMNS}),
    signed as (select 1 as sign, n.* from (${sharesOf(added)}) n union all select -1 as sign, o.* from old o)
    insert into ${dashboardFigures} (${FIGURE_ROW_COLUMNS})
    select * from (${figureDeltas(sql`select * from signed`)}) d order by 1, 2, 3, 4, 5, 6
    on conflict (region_code, onward, year, unit_id, dim, key) do update set
      ${sql.join(
        FIGURE_COLUMNS.map((c) => sql`${sql.raw(c)} = ${dashboardFigures}.${sql.raw(c)} + excluded.${sql.raw(c)}`),
        sql`, `,
      )},
      ${sql.join(
        MONTH_COLUMNS.map(
          (c) =>
            sql`${sql.raw(c)} = ${monthArray((m) => sql`${dashboardFigures}.${sql.raw(c)}[${sql.raw(String(m))}] + excluded.${sql.raw(c)}[${sql.raw(String(m))}]`)}`,
        ),
        sql`, `,
      )}`);
  await tx.execute(sql`insert into ${dashboardProjectShares} (${SHARE_COLUMNS}) ${sharesOf(added)}`);
}

/**
 * Rewrites both tables from every project (a data load that bypassed the services — the demo, the bench, a restore
 * from before the tables — or `lantu dashboard rebuild`). Takes the tables' own locks: writers of figures wait.
 */
export async function rebuildDashboardFigures(tx: Executor): Promise<void> {
  await tx.execute(sql`lock table ${dashboardProjectShares}, ${dashboardFigures} in exclusive mode`);
  await tx.execute(sql`delete from ${dashboardProjectShares}`);
  await tx.execute(sql`delete from ${dashboardFigures}`);
  await tx.execute(sql`insert into ${dashboardProjectShares} (${SHARE_COLUMNS}) ${sharesOf(sql`true`)}`);
  await tx.execute(sql`insert into ${dashboardFigures} (${FIGURE_ROW_COLUMNS})
    ${figureDeltas(sql`select 1 as sign, * from ${dashboardProjectShares}`)}`);
}

/** A figure row as kept and as recomputed, when they differ (either side null when the row is missing there). */
export type FigureDifference = { key: string; kept: string | null; recomputed: string | null };

/**
 * Compares the kept figures with a full recomputation from the projects, plans and month figures (rows that sum to
 * nothing are as good as missing). No difference: the figures are exact.
 */
export async function checkDashboardFigures(db: Executor): Promise<FigureDifference[]> {
  const text = (source: SQL) => sql`select concat_ws('/', region_code, onward, year, unit_id, dim, key) as key,
      concat_ws(' ', ${sql.raw([...FIGURE_COLUMNS, ...MONTH_COLUMNS].join(', '))}) as figures
    from (${source}) f`;
  const [kept, recomputed] = await Promise.all([
    db.execute(
      text(
        sql`select * from ${dashboardFigures} where not (${sql.join(
          [...FIGURE_COLUMNS.map((c) => sql`${sql.raw(c)} = 0`), ...MONTH_COLUMNS.map((c) => sql`${sql.raw(c)} = ${NO_MONTHS}`)],
          sql` and `,
        )})`,
      ),
    ),
    db.execute(text(figureDeltas(sql`select 1 as sign, * from (${sharesOf(sql`true`)}) s`))),
  ]);
  const keptRows = new Map(rowsOf<{ key: string; figures: string }>(kept).map((r) => [r.key, r.figures]));
  const recomputedRows = new Map(rowsOf<{ key: string; figures: string }>(recomputed).map((r) => [r.key, r.figures]));
  const differences: FigureDifference[] = [];
  for (const key of new Set([...keptRows.keys(), ...recomputedRows.keys()])) {
    const a = keptRows.get(key) ?? null;
    const b = recomputedRows.get(key) ?? null;
    if (a !== b) differences.push({ key, kept: a, recomputed: b });
  }
  return differences.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Builds the figures once on an installation that has projects but no figures yet (one upgraded past migration 0037,
 * or restored from a backup taken before it); otherwise does nothing. Run at start-up after the migrations.
 */
export async function fillDashboardFiguresIfEmpty(tx: Executor): Promise<boolean> {
  const [row] = rowsOf<{ missing: boolean }>(
    await tx.execute(sql`select exists (select 1 from ${projects}) and not exists (select 1 from ${dashboardProjectShares}) as missing`),
  );
  if (!row?.missing) return false;
  await rebuildDashboardFigures(tx);
  return true;
}
