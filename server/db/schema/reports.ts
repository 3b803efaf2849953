import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PERIOD_STATUSES, REPORT_STATUSES } from '../../../common/enums';
import { timestamps, versioned, yuan } from './columns';
import { regions, units } from './organisation';
import { projects } from './projects';

/** A milestone of the project's plan reported reached, with the day it was (its actual finish once approved). */
export type ReachedMilestone = { milestoneId: string; reachedOn: string };

/**
 * A reporting period (填报期) of a district: one calendar month, with the deadline its reports are due by. The project
 * office opens it (which creates the reports owed) and closes it; a closed period takes no more reports.
 */
export const reportingPeriods = pgTable(
  'reporting_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** The last China Standard Time calendar day a report counts as on time. */
    deadline: date('deadline').notNull(),
    status: text('status', { enum: PERIOD_STATUSES }).notNull().default('open'),
    openedBy: uuid('opened_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reporting_periods_region_month_uq').on(t.regionCode, t.year, t.month),
    check('reporting_periods_month_ck', sql`${t.month} between 1 and 12`),
  ],
);

/**
 * A project's monthly progress report (工作台账) for a period: owed by the project's responsible unit from the moment
 * the period opens (as a draft), filled, submitted, then approved or returned with a reason and submitted again.
 * Only approved reports count: year-to-date and since-start investment completed are sums of them.
 */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** The unit that owes the report: the project's lead unit when the report came to be owed. */
    responsibleUnitId: uuid('responsible_unit_id')
      .notNull()
      .references(() => units.id),
    // The period's year and month, kept on the report so the sums read one project's year through one index.
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    /** Investment completed in the period, integer 元; null until filled in. */
    investmentYuan: yuan('investment_yuan'),
    /** 形象进度 in words, and as a percentage 0–100. */
    progressText: text('progress_text'),
    progressPercent: integer('progress_percent'),
    milestones: jsonb('milestones').$type<ReachedMilestone[]>().notNull().default(sql`'[]'::jsonb`),
    /** New problems, as text (the matters module takes them over later). */
    problems: text('problems'),
    /** Submitted (first) after the period's deadline. */
    late: boolean('late').notNull().default(false),
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by'),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    returnedBy: uuid('returned_by'),
    returnReason: text('return_reason'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by'),
    ...versioned,
    ...timestamps,
  },
  (t) => [
    uniqueIndex('progress_reports_period_project_uq').on(t.periodId, t.projectId),
    // Year-to-date and since-start sums of one project: a range of this index, never a scan of all reports.
    index('progress_reports_project_year_idx').on(t.projectId, t.year, t.month),
    // A period's lists and counts (未报送) by state and by responsible unit.
    // Migration 0036 adds INCLUDE (responsible_unit_id, project_id): 未报送's count per unit reads the index alone.
    index('progress_reports_period_status_idx').on(t.periodId, t.status),
    // A unit's reports: of a period in a state (未报送's page of one unit, migration 0039), or any (a unit's deletion).
    index('progress_reports_unit_idx').on(t.responsibleUnitId, t.periodId, t.status),
  ],
);

/**
 * 未报送's and the periods' counts, kept (migration 0039, docs/performance.md "未报送: counts kept"): how many of a
 * period's reports each responsible unit owes in each state (and late or not), split by the district and lead unit of
 * their projects now — what decides who sees a report (its project's visibility), so a reader's scope is applied to
 * these rows instead of to the reports. Written only by the projects module's `keepReportCounts` as additive upserts
 * in the transaction of every write that creates, deletes or changes the state of a report or moves its project to
 * another district or unit; rows counting nothing stay (the readers skip them).
 */
export const reportCounts = pgTable(
  'report_counts',
  {
    periodId: uuid('period_id')
      .notNull()
      .references(() => reportingPeriods.id, { onDelete: 'cascade' }),
    responsibleUnitId: uuid('responsible_unit_id').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull(),
    late: boolean('late').notNull(),
    /** The project's district and lead unit now (not when the report came to be owed). */
    regionCode: text('region_code').notNull(),
    unitId: uuid('unit_id').notNull(),
    reports: integer('reports').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.responsibleUnitId, t.status, t.late, t.regionCode, t.unitId] })],
);
