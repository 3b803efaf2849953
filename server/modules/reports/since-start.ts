import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { YearMonth } from '../../../common/domain/opening-investment';
import { progressReports, projects } from '../../db/schema';

/**
 * A project's investment completed since it started (开工以来累计完成), integer 元, as a column of a query over
 * `projects`: its opening amount (期初累计完成投资, what was done before its reports in Lantu) plus its approved reports
 * of the months after the opening's month-end, through `through` (every month when null). The opening counts once
 * its month is reached. Read through the reports' (project, year, month) index, never a scan of the reports table.
 */
export function completedSinceStart(through: YearMonth | null): SQL<number> {
  // Named with their table: in a query of `projects` alone Drizzle writes a bare column name, which inside the
  // subquery would mean the report's own column (its id).
  const column = (c: AnyPgColumn) => sql`${projects}.${sql.identifier(c.name)}`;
  const asOf = column(projects.openingCompletedAsOf);
  const inRange = through ? sql` and (r.year, r.month) <= (${through.year}::integer, ${through.month}::integer)` : sql``;
  const openingReached = through
    ? sql`${asOf} < make_date(${through.year}::integer, ${through.month}::integer, 1) + interval '1 month'`
    : sql`${asOf} is not null`;
  return sql<number>`((case when ${openingReached} then coalesce(${column(projects.openingCompletedYuan)}, 0) else 0 end)
    + (select coalesce(sum(r.investment_yuan), 0) from ${progressReports} r
       where r.project_id = ${column(projects.id)} and r.status = 'approved'${inRange}
         and (${asOf} is null or make_date(r.year, r.month, 1) > ${asOf})))`.mapWith(Number);
}
