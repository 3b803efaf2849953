import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { yuan } from './columns';
import { projects } from './projects';

/**
 * The dashboard's pre-aggregate: a project's investment completed in one month — the sum of its approved reports of
 * that month. Kept exact in the transaction that approves a report (server/modules/reports `refreshProjectMonths`), so
 * the dashboard sums at most twelve rows a project instead of reading its reports. A month with nothing approved has
 * no row.
 */
export const projectMonthInvestment = pgTable(
  'project_month_investment',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    completedYuan: yuan('completed_yuan').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.year, t.month] }),
    // A year's figures of many projects: the year first, then the project (a join from the projects in scope).
    index('project_month_investment_year_idx').on(t.year, t.projectId, t.month),
    check('project_month_investment_month_ck', sql`${t.month} between 1 and 12`),
  ],
);
