import { type SQL, and, exists, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { annualPlans, projects } from '../../db/schema';

/**
 * The projects of a year's list (年度重点项目): the one definition the project list's year filter, the dashboard,
 * the indicators and the 通报 count by. A project belongs to a year when
 * - its planned span [start, completion] overlaps the year, or
 * - its actual span [start, completion, or still open] does, or
 * - it has an annual plan for the year, or
 * - it waits in the library to start during the year: not started, in 策划库 or 推进库, entered by the year's end and
 *   not planned to start before it began (a reserve project planned for next year is on this year's list as 储备).
 * A span with one date is that day. Withdrawn projects are the caller's to leave out or keep.
 */
export function projectOfYear(year: number | SQL): SQL {
  // A year given as SQL (the dashboard figures' writer tries every year of a series at once) takes its days from it.
  const first = typeof year === 'number' ? `${year}-01-01` : sql`make_date(${year}, 1, 1)`;
  const last = typeof year === 'number' ? `${year}-12-31` : sql`make_date(${year}, 12, 31)`;
  const next = typeof year === 'number' ? sql`${`${year + 1}-01-01`}` : sql`make_date(${year} + 1, 1, 1)`;
  return or(
    and(
      lte(sql`coalesce(${projects.plannedStart}, ${projects.plannedCompletion})`, last),
      gte(sql`coalesce(${projects.plannedCompletion}, ${projects.plannedStart})`, first),
    ),
    and(
      lte(sql`coalesce(${projects.actualStart}, ${projects.actualCompletion})`, last),
      or(isNull(projects.actualCompletion), gte(projects.actualCompletion, first)),
    ),
    exists(sql`(select 1 from ${annualPlans} ap where ap.project_id = ${projects.id} and ap.year = ${year})`),
    and(
      isNull(projects.actualStart),
      inArray(projects.pool, ['planning', 'advancing']),
      sql`${projects.createdAt} < (${next}::date)`,
      or(isNull(projects.plannedStart), gte(projects.plannedStart, first)),
    ),
  ) as SQL;
}

/**
 * The first year `projectOfYear` can hold for the outer `projects` row, read from the same four conditions: each
 * needs a year no earlier than its planned start (or completion), its actual start (or completion), its earliest
 * annual plan, or the year it was entered (extracted in the session's time zone, as the condition compares). The
 * earliest of these (never null: every project has an entry time), so a series of years can begin there.
 */
export function earliestYearOf(): SQL {
  const yearOf = (date: SQL) => sql`extract(year from ${date})::integer`;
  return sql`least(
    ${yearOf(sql`coalesce(${projects.plannedStart}, ${projects.plannedCompletion})`)},
    ${yearOf(sql`coalesce(${projects.actualStart}, ${projects.actualCompletion})`)},
    (select min(ap.year) from ${annualPlans} ap where ap.project_id = ${projects.id}),
    ${yearOf(sql`${projects.createdAt}`)})`;
}

/**
 * 新开工 as counted (DOMAIN.md: derived, not typed): a project whose actual start — the day its 开工 milestone was
 * reached — falls in the year, up to the day asked. The nature 新开工 is the plan; this is what happened.
 */
export function startedInYear(year: number, asOf = `${year}-12-31`): SQL {
  const last = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
  return and(gte(projects.actualStart, `${year}-01-01`), lte(projects.actualStart, last)) as SQL;
}

/** The alias the current version goes by inside `currentAnnualPlan`: what `pick` names its columns through. */
const CURRENT = sql.raw('cap');

/**
 * A project's current annual plan of a year — its highest version, frozen or not — as a scalar subquery of the outer
 * `projects` row, answering what `pick` takes of it (`plan => sql`${plan}.planned_yuan``). The one definition of "the
 * year's annual plan" that the ledger sums in its 年度计划投资 column, the district's annual-plan page lists, the list's totals and the
 * dashboard add up.
 */
export const currentAnnualPlan = (year: number | SQL, pick: (plan: SQL) => SQL): SQL =>
  sql`(select ${pick(CURRENT)} from ${annualPlans} cap where cap.project_id = ${projects.id} and cap.year = ${year}
    order by cap.version_no desc limit 1)`;
