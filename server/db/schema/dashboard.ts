import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
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

/** The twelve months of a year as bigint[] (index 1 = January). */
const months = (name: string) => bigint(name, { mode: 'number' }).array().notNull();

/**
 * The figures the computed indicators read (server/modules/targets, migration 0038), by their definitions rather than
 * the dashboard's: key projects of the year not withdrawn and their total investment (`listed`), 新开工 of projects not
 * withdrawn by the year of the actual start (`live_started`), and every month figure of the year whether or not the
 * project is one of the year's (`reported_months`). A project with month figures or a start in a year it is not a
 * project of has a plain row of that year holding only these.
 */
const indicatorColumns = () => ({
  listed: integer('listed').notNull().default(0),
  listedInvestmentYuan: bigint('listed_investment_yuan', { mode: 'number' }).notNull().default(0),
  liveStarted: integer('live_started').notNull().default(0),
  reportedMonths: months('reported_months').default(sql`'{0,0,0,0,0,0,0,0,0,0,0,0}'::bigint[]`),
});

/**
 * The dashboard's figures per district and lead unit (docs/performance.md "Dashboard figures"): for each year one row
 * per single dimension value — `total` (the unit's own total, key ''), `category`, `industry` (the section), `pool`,
 * `nature` (key '' for none) — with the projects counted, their total investment, colours, the annual plans' total and
 * the twelve months planned and completed. A project is counted in every year it is a project of (`projectOfYear`);
 * a project that stays on every list from some year on (started and not completed, or waiting without a planned
 * start) is counted once in an `onward` row of that year, which the reader adds to every later year up to 2100. Its
 * year-bound sums (plan, months, 新开工) stay in the plain row of their year. Written only by the projects module's
 * `refreshDashboardFigures` as additive upserts (rows are never rewritten whole), so a change locks only the rows it moves.
 */
export const dashboardFigures = pgTable(
  'dashboard_figures',
  {
    regionCode: text('region_code').notNull(),
    onward: boolean('onward').notNull(),
    year: integer('year').notNull(),
    unitId: uuid('unit_id').notNull(),
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    projects: integer('projects').notNull(),
    investmentYuan: bigint('investment_yuan', { mode: 'number' }).notNull(),
    plannedYuan: bigint('planned_yuan', { mode: 'number' }).notNull(),
    plannedMonths: months('planned_months'),
    completedMonths: months('completed_months'),
    red: integer('red').notNull(),
    yellow: integer('yellow').notNull(),
    green: integer('green').notNull(),
    live: integer('live').notNull(),
    started: integer('started').notNull(),
    ...indicatorColumns(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.onward, t.year, t.unitId, t.dim, t.key] })],
);

/**
 * Each project's share of `dashboard_figures` as last written (one row per year it counts in, and its `onward` row):
 * the writer subtracts it and adds the new share, so a change need not know what the project was before. Not read by
 * the dashboard. No foreign key: a project's share must outlive the project until it is taken out.
 */
export const dashboardProjectShares = pgTable(
  'dashboard_project_shares',
  {
    projectId: uuid('project_id').notNull(),
    onward: boolean('onward').notNull(),
    year: integer('year').notNull(),
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id').notNull(),
    category: text('category').notNull(),
    industry: text('industry').notNull(),
    pool: text('pool').notNull(),
    nature: text('nature').notNull(),
    projects: integer('projects').notNull(),
    investmentYuan: bigint('investment_yuan', { mode: 'number' }).notNull(),
    plannedYuan: bigint('planned_yuan', { mode: 'number' }).notNull(),
    plannedMonths: months('planned_months'),
    completedMonths: months('completed_months'),
    red: integer('red').notNull(),
    yellow: integer('yellow').notNull(),
    green: integer('green').notNull(),
    live: integer('live').notNull(),
    started: integer('started').notNull(),
    ...indicatorColumns(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.onward, t.year] })],
);
