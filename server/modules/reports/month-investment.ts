import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { progressReports, projectMonthInvestment } from '../../db/schema';
import { rebuildDashboardFigures, refreshDashboardFigures } from '../projects';

// The one writer of project_month_investment (server/db/schema/dashboard.ts), the dashboard's pre-aggregate: SQL
// here because it is the table's writer. Each project's month figures are the sums of its approved reports,
// rewritten from that project's reports (one range of progress_reports_project_year_idx) in the transaction that
// changes what counts, under the project's lock, so the figures are never behind the reports.

/** Rewrites the month figures of these projects from their approved reports. */
export async function refreshProjectMonths(tx: Executor, projectIds: string[]): Promise<void> {
  if (projectIds.length === 0) return;
  const ids = sql.param(projectIds);
  await tx.execute(sql`delete from ${projectMonthInvestment} where ${projectMonthInvestment.projectId} = any(${ids}::uuid[])`);
  await tx.execute(sql`insert into ${projectMonthInvestment} (project_id, year, month, completed_yuan)
    select ${progressReports.projectId}, ${progressReports.year}, ${progressReports.month}, sum(${progressReports.investmentYuan})
    from ${progressReports}
    where ${progressReports.projectId} = any(${ids}::uuid[]) and ${progressReports.status} = 'approved'
      and ${progressReports.investmentYuan} is not null
    group by 1, 2, 3`);
  // The dashboard's figures sum these months: in the same transaction.
  await refreshDashboardFigures(tx, projectIds);
}

/** Every project's month figures from every approved report (a data load that bypassed the services: the demo, the bench). */
export async function rebuildAllProjectMonths(tx: Executor): Promise<void> {
  await tx.execute(sql`delete from ${projectMonthInvestment}`);
  await tx.execute(sql`insert into ${projectMonthInvestment} (project_id, year, month, completed_yuan)
    select project_id, year, month, sum(investment_yuan) from ${progressReports}
    where status = 'approved' and investment_yuan is not null group by 1, 2, 3`);
  await rebuildDashboardFigures(tx);
}
