import { type SQL, and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { PeriodStatus } from '../../../common/schemas/reports';
import type { Executor } from '../../db/client';
import { progressReports, projects, regions, reportingPeriods } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { districtRecordInReach } from '../../lib/scope';
import { projectScopeCondition, reportCountsInScope, reportCountsServe } from '../projects';
import { rowsOf } from '../../db/migrate';
import type { ReportStatus } from '../../../common/schemas/reports';

// Periods belong to a district: the people of the district, its streets and the city or province above it see them
// (lib/scope.ts decides). The counts of a period's reports are of the reports the reader may see, whose visibility is
// their project's.

export type PeriodRow = typeof reportingPeriods.$inferSelect;

/** The periods the actor may see: those of a district in his reach. */
export const periodScopeCondition = (actor: Actor): SQL => districtRecordInReach(actor, reportingPeriods.regionCode);

/** One period the actor may see, or null. */
export async function findPeriod(db: Executor, actor: Actor, id: string): Promise<PeriodRow | null> {
  const [row] = await db
    .select()
    .from(reportingPeriods)
    .where(and(eq(reportingPeriods.id, id), periodScopeCondition(actor)));
  return row ?? null;
}

/** The period of a district's month, if the actor may see it, or null. */
export async function findPeriodOfMonth(
  db: Executor,
  actor: Actor,
  regionCode: string,
  year: number,
  month: number,
): Promise<PeriodRow | null> {
  const [row] = await db
    .select()
    .from(reportingPeriods)
    .where(
      and(
        eq(reportingPeriods.regionCode, regionCode),
        eq(reportingPeriods.year, year),
        eq(reportingPeriods.month, month),
        periodScopeCondition(actor),
      ),
    );
  return row ?? null;
}

/**
 * Locks a period for the rest of the transaction: shared by every write to its reports (they need it open), exclusive
 * to close it, so a report cannot be submitted into a period being closed.
 */
export async function lockPeriod(tx: Executor, id: string, mode: 'share' | 'update'): Promise<PeriodRow | null> {
  const [row] = await tx.select().from(reportingPeriods).where(eq(reportingPeriods.id, id)).for(mode);
  return row ?? null;
}

/**
 * The period of a report, locked (a report never moves to another period, so it is found through the report without
 * reading the report first); null when there is no such report. No scope: the report is read in scope after it.
 */
export async function lockPeriodOfReport(tx: Executor, reportId: string, mode: 'share' | 'update'): Promise<PeriodRow | null> {
  const [row] = await tx
    .select()
    .from(reportingPeriods)
    .where(eq(reportingPeriods.id, sql`(select r.period_id from ${progressReports} r where r.id = ${reportId})`))
    .for(mode);
  return row ?? null;
}

/** The names of the periods' districts, by code. */
export async function districtNamesOf(db: Executor, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Inserts a period unless the district already has one for the month (then null: answered 409). */
export async function insertPeriod(tx: Executor, values: typeof reportingPeriods.$inferInsert): Promise<PeriodRow | null> {
  const [row] = await tx.insert(reportingPeriods).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

type PeriodListQuery = { year?: number; regionCode?: string; status?: PeriodStatus; page: number; pageSize: number };

/** A page of the periods the actor may see, newest month first. */
export async function listPeriods(db: Executor, actor: Actor, query: PeriodListQuery): Promise<{ rows: PeriodRow[]; total: number }> {
  const where = and(
    periodScopeCondition(actor),
    query.year ? eq(reportingPeriods.year, query.year) : undefined,
    query.regionCode ? eq(reportingPeriods.regionCode, query.regionCode) : undefined,
    query.status ? eq(reportingPeriods.status, query.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(reportingPeriods)
      .where(where)
      .orderBy(desc(reportingPeriods.year), desc(reportingPeriods.month), reportingPeriods.regionCode, reportingPeriods.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(reportingPeriods).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export type PeriodCounts = { owed: number; draft: number; submitted: number; approved: number; returned: number; late: number };

const NO_COUNTS: PeriodCounts = { owed: 0, draft: 0, submitted: 0, approved: 0, returned: 0, late: 0 };

type StateCount = { periodId: string; status: ReportStatus; n: number; late: number };

/** The counts by period and state from the kept counts (report_counts), in the actor's scope. */
async function keptStateCounts(db: Executor, actor: Actor, periodIds: string[]): Promise<StateCount[]> {
  const rows = rowsOf<{ periodId: string; status: ReportStatus; n: string | number; late: string | number }>(
    await db.execute(sql`select k.period_id as "periodId", k.status, sum(k.reports) as n, coalesce(sum(k.reports) filter (where k.late), 0) as late
      from (${reportCountsInScope(actor, { periodIds })}) k group by k.period_id, k.status`),
  );
  return rows.map((r) => ({ periodId: r.periodId, status: r.status, n: Number(r.n), late: Number(r.late) }));
}

/**
 * How many of each period's reports the actor may see are in each state: from the kept counts for every reader they
 * serve, from the reports for an `own` reader.
 */
export async function periodCounts(db: Executor, actor: Actor, periodIds: string[]): Promise<Map<string, PeriodCounts>> {
  const counts = new Map<string, PeriodCounts>(periodIds.map((id) => [id, { ...NO_COUNTS }]));
  if (periodIds.length === 0) return counts;
  const rows = reportCountsServe(actor) ? await keptStateCounts(db, actor, periodIds) : await liveStateCounts(db, actor, periodIds);
  for (const row of rows) {
    const c = counts.get(row.periodId);
    if (!c) continue;
    c[row.status] += row.n;
    c.owed += row.n;
    c.late += row.late;
  }
  return counts;
}

/** The counts by period and state from the reports themselves. */
async function liveStateCounts(db: Executor, actor: Actor, periodIds: string[]): Promise<StateCount[]> {
  return db
    .select({
      periodId: progressReports.periodId,
      status: progressReports.status,
      n: count(),
      late: sql<number>`count(*) filter (where ${progressReports.late})`.mapWith(Number),
    })
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .where(and(inArray(progressReports.periodId, periodIds), projectScopeCondition(actor)))
    .groupBy(progressReports.periodId, progressReports.status);
}

/** How many of the period's reports, whoever may see them, are submitted and wait for review. */
export async function countAwaitingReview(tx: Executor, periodId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(progressReports)
    .where(and(eq(progressReports.periodId, periodId), eq(progressReports.status, 'submitted')));
  return row?.n ?? 0;
}

/** Every open period, whoever may see it: what the scheduled deadline reminders look at. */
export async function openPeriods(db: Executor): Promise<PeriodRow[]> {
  return db.select().from(reportingPeriods).where(eq(reportingPeriods.status, 'open'));
}
