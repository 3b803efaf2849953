import { and, gt, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { dashboardFigures, projects } from '../../db/schema';
import { inRegionTree } from '../regions';
import { FIGURE_FIRST_YEAR, FIGURE_LAST_YEAR } from './dashboard-figures';
import { startedInYear } from './year-condition';

/**
 * What the computed indicators count of a region's projects in a year as of a day (server/modules/targets
 * `computations.ts` says what each figure means): the key projects of the year not withdrawn and their total
 * investment, 新开工 of projects not withdrawn up to the day, the investment completed through the month (every month
 * figure of the year's months, whether or not the project is one of the year's).
 */
export type IndicatorFigures = {
  keyProjects: number;
  keyProjectsInvestmentYuan: bigint;
  newStarts: number;
  completedYuan: bigint;
};

/** The month the investment completed is counted through as of the day: the day's month, or all twelve after the year. */
const throughMonthOf = (year: number, asOf: string) => (Number(asOf.slice(0, 4)) > year ? 12 : Number(asOf.slice(5, 7)));

/**
 * The region's indicator figures from the kept figures (`dashboard_figures`, exact after every write that moves them:
 * see dashboard-figures.ts): the units' `total` rows of the region's districts for the year, plus the `onward` rows of
 * earlier years — a few rows a unit instead of the projects and their month figures. 新开工 is kept by the year of the
 * actual start; the starts after the day within the year (a date entered ahead) are taken off from the projects
 * through their actual-start index. The region is a district, or a city or province: its districts' rows
 * (`inRegionTree`). Years outside the figures' range are answered with nothing, as no project is kept there.
 */
export async function indicatorFigures(
  db: Executor,
  { regionCode, year, asOf }: { regionCode: string; year: number; asOf: string },
): Promise<IndicatorFigures> {
  if (year < FIGURE_FIRST_YEAR || year > FIGURE_LAST_YEAR)
    return { keyProjects: 0, keyProjectsInvestmentYuan: 0n, newStarts: 0, completedYuan: 0n };
  const throughMonth = throughMonthOf(year, asOf);
  const completed =
    throughMonth > 0
      ? sql.join(
          Array.from({ length: throughMonth }, (_, i) => sql`${dashboardFigures.reportedMonths}[${sql.raw(String(i + 1))}]`),
          sql` + `,
        )
      : sql`0`;
  const lastDay = `${year}-12-31`;
  const laterStarts =
    asOf < lastDay
      ? sql`(select count(*) from ${projects} where ${and(
          gt(projects.actualStart, asOf),
          startedInYear(year),
          ne(projects.pool, 'withdrawn'),
          inRegionTree(projects.regionCode, regionCode),
        )})`
      : sql`0`;
  const [row] = rowsOf<{ listed: string; listedYuan: string; started: string; completed: string }>(
    await db.execute(sql`select coalesce(sum(${dashboardFigures.listed}), 0)::text as listed,
        coalesce(sum(${dashboardFigures.listedInvestmentYuan}), 0)::text as "listedYuan",
        (coalesce(sum(${dashboardFigures.liveStarted}), 0) - ${laterStarts})::text as started,
        coalesce(sum(${completed}), 0)::text as completed
      from ${dashboardFigures}
      where ${dashboardFigures.dim} = 'total' and ${inRegionTree(dashboardFigures.regionCode, regionCode)}
        and ((not ${dashboardFigures.onward} and ${dashboardFigures.year} = ${year})
          or (${dashboardFigures.onward} and ${lte(dashboardFigures.year, year)}))`),
  );
  return {
    keyProjects: Number(row?.listed ?? 0),
    keyProjectsInvestmentYuan: BigInt(row?.listedYuan ?? 0),
    newStarts: Number(row?.started ?? 0),
    completedYuan: BigInt(row?.completed ?? 0),
  };
}
