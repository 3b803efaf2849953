import { type SQL, and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { ReportStatus } from '../../../common/schemas/reports';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { progressReports, projects, reportCounts, reportingPeriods, units } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { MISSING } from './policy';
import { completedSinceStart } from './since-start';
import { manageableFlag, projectScopeCondition, reportCountsInScope, reportCountsServe } from '../projects';

// A report is visible exactly when its project is (lib/scope.ts through the projects module's condition): whoever sees
// the project sees its reports, and nobody else. Every query below that answers reports to a person joins the project
// and applies that condition, so a report out of scope is not found and absent from every list.

export type ProgressReportRecord = typeof progressReports.$inferSelect;

/** A report as the services and the presenter use it: the period's month, deadline and state, the names joined in. */
export type ReportRow = ProgressReportRecord & {
  regionCode: string;
  deadline: string;
  periodStatus: 'open' | 'closed';
  projectName: string;
  responsibleUnitName: string;
  /** Whether the reader may write to the project (its lead unit in his data scope). */
  manageable: boolean;
};

const reportSelection = (actor: Actor) => ({
  ...getTableColumns(progressReports),
  regionCode: reportingPeriods.regionCode,
  deadline: reportingPeriods.deadline,
  periodStatus: reportingPeriods.status,
  projectName: projects.name,
  responsibleUnitName: units.name,
  manageable: manageableFlag(actor),
});

const scopedReports = (db: Executor, actor: Actor) =>
  db
    .select(reportSelection(actor))
    .from(progressReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .innerJoin(units, eq(units.id, progressReports.responsibleUnitId));

const asReport = <T extends { manageable: unknown }>(row: T) => ({ ...row, manageable: !!row.manageable });

/** One report the actor may see (its project in his scope), or null. */
export async function findReport(db: Executor, actor: Actor, id: string): Promise<ReportRow | null> {
  const [row] = await scopedReports(db, actor).where(and(eq(progressReports.id, id), projectScopeCondition(actor)));
  return row ? asReport(row) : null;
}

/** A report read for a write, with everything completed on its project so far: its opening amount and its approved
 * reports after it, all months (what its total investment has left is the rest: the submission's amount check). */
export type ReportForWrite = ReportRow & { projectCompletedYuan: number };

/**
 * One report the actor may see, its row locked for a write (the row alone: not its period, project or unit), or null.
 * Lock its period first (lockPeriodOfReport), as every write of a period's reports does.
 */
export async function findReportForWrite(tx: Executor, actor: Actor, id: string): Promise<ReportForWrite | null> {
  const [row] = await tx
    .select({ ...reportSelection(actor), projectCompletedYuan: completedSinceStart(null) })
    .from(progressReports)
    .innerJoin(reportingPeriods, eq(reportingPeriods.id, progressReports.periodId))
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .innerJoin(units, eq(units.id, progressReports.responsibleUnitId))
    .where(and(eq(progressReports.id, id), projectScopeCondition(actor)))
    .for('update', { of: progressReports });
  return row ? asReport(row) : null;
}

/** The report a project owes in a period, if the actor may see it. */
export async function findReportOfProject(db: Executor, actor: Actor, periodId: string, projectId: string): Promise<ReportRow | null> {
  const [row] = await scopedReports(db, actor).where(
    and(eq(progressReports.periodId, periodId), eq(progressReports.projectId, projectId), projectScopeCondition(actor)),
  );
  return row ? asReport(row) : null;
}

type ReportListQuery = {
  periodId?: string;
  projectId?: string;
  responsibleUnitId?: string;
  status?: ReportStatus;
  late?: boolean;
  year?: number;
  page: number;
  pageSize: number;
};

/** A page of the reports the actor may see, newest month first, then by responsible unit and project. */
export async function listReports(db: Executor, actor: Actor, query: ReportListQuery): Promise<{ rows: ReportRow[]; total: number }> {
  const where = and(
    projectScopeCondition(actor),
    query.periodId ? eq(progressReports.periodId, query.periodId) : undefined,
    query.projectId ? eq(progressReports.projectId, query.projectId) : undefined,
    query.responsibleUnitId ? eq(progressReports.responsibleUnitId, query.responsibleUnitId) : undefined,
    query.status ? eq(progressReports.status, query.status) : undefined,
    query.late === undefined ? undefined : eq(progressReports.late, query.late),
    query.year ? eq(progressReports.year, query.year) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    scopedReports(db, actor)
      .where(where)
      .orderBy(desc(progressReports.year), desc(progressReports.month), asc(units.name), asc(projects.name), asc(progressReports.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(progressReports).innerJoin(projects, eq(projects.id, progressReports.projectId)).where(where),
  ]);
  return { rows: rows.map(asReport), total: total?.n ?? 0 };
}

/**
 * Creates the reports a period owes when it opens: one per project of the district's implementing pool (实施库), owed
 * by the project's lead unit. The projects are locked (shared, in id order) until the commit, so none moves to another
 * unit or district while its report is counted (report_counts). Answers the reports created.
 */
export async function insertOwedReports(
  tx: Executor,
  period: { id: string; regionCode: string; year: number; month: number },
): Promise<Pick<ProgressReportRecord, 'id' | 'projectId' | 'responsibleUnitId'>[]> {
  const result = await tx.execute(sql`
    insert into ${progressReports} (period_id, project_id, responsible_unit_id, year, month)
    select ${period.id}, p.id, p.lead_unit_id, ${period.year}::integer, ${period.month}::integer
    from ${projects} p
    where p.region_code = ${period.regionCode} and p.pool = 'implementing'
    order by p.id
    for share of p
    on conflict do nothing
    returning id, project_id as "projectId", responsible_unit_id as "responsibleUnitId"`);
  return rowsOf(result);
}

/** Adds one project's owed report to a period; null when the project already owes one there (answered 409). */
export async function insertReport(tx: Executor, values: typeof progressReports.$inferInsert): Promise<ProgressReportRecord | null> {
  const [row] = await tx.insert(progressReports).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Removes a report from its period's list. */
export async function deleteReport(tx: Executor, id: string) {
  await tx.delete(progressReports).where(eq(progressReports.id, id));
}

/** Investment completed of a project, integer 元: this year's approved reports, and since start with its opening amount. */
export type ApprovedInvestment = { yearToDateYuan: number; sinceStartYuan: number; openingYuan: number | null; openingAsOf: string | null };

/**
 * A project's investment completed: the sum of its approved reports of `year` through `throughMonth` (year to date),
 * and since start as of `asOf` (year and month): its opening amount (期初累计完成投资) and the approved reports of the
 * months after it (since-start.ts). Read through the (project, year, month) index: a few rows per project and year.
 */
export async function approvedInvestment(
  db: Executor,
  projectId: string,
  options: { year: number; throughMonth: number; asOf: { year: number; month: number } },
): Promise<ApprovedInvestment> {
  const { year, throughMonth, asOf } = options;
  const [row] = await db
    .select({
      yearToDate: sql<number>`(select coalesce(sum(r.investment_yuan), 0) from ${progressReports} r
        where r.project_id = ${projects}.id and r.status = 'approved' and r.year = ${year}::integer and r.month <= ${throughMonth}::integer)`.mapWith(
        Number,
      ),
      sinceStart: completedSinceStart(asOf),
      openingYuan: projects.openingCompletedYuan,
      openingAsOf: projects.openingCompletedAsOf,
    })
    .from(projects)
    .where(eq(projects.id, projectId));
  return {
    yearToDateYuan: row?.yearToDate ?? 0,
    sinceStartYuan: row?.sinceStart ?? 0,
    openingYuan: row?.openingYuan ?? null,
    openingAsOf: row?.openingAsOf ?? null,
  };
}

/** A report owed and not submitted, with its responsible unit: a line of 未报送. */
export type MissingReportRow = {
  id: string;
  projectId: string;
  projectName: string;
  status: ReportStatus;
  unitId: string;
  unitName: string;
};

/** The period's owed reports still in draft or returned (`MISSING`) whose project the actor may see. */
const missingInScope = (actor: Actor, periodId: string): SQL =>
  and(eq(progressReports.periodId, periodId), inArray(progressReports.status, [...MISSING]), projectScopeCondition(actor)) as SQL;

/**
 * 未报送's order within a unit: by project name as the project list sorts names (their pinyin, the order officials
 * expect), then id (one report a project and period). Through projects_name_order_idx, a unit's first page walks the
 * projects in that order and stops after the page — instead of reading and sorting all the unit's reports (32,113 at
 * the province's largest unit).
 */
const projectOrder = [asc(projects.namePinyin), asc(projects.name), asc(projects.id)];
/** 未报送's order: by unit (the units' order), then project. */
const missingOrder = [asc(units.sortOrder), asc(units.name), asc(units.id), ...projectOrder];

const missingSelection = {
  id: progressReports.id,
  projectId: progressReports.projectId,
  projectName: projects.name,
  status: progressReports.status,
  unitId: units.id,
  unitName: units.name,
};

/** Every report of 未报送 the actor may see, by unit (in the units' order) and project: the 通报's list of a district. */
export async function missingReports(db: Executor, actor: Actor, periodId: string): Promise<MissingReportRow[]> {
  return db
    .select(missingSelection)
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .innerJoin(units, eq(units.id, progressReports.responsibleUnitId))
    .where(missingInScope(actor, periodId))
    .orderBy(...missingOrder);
}

/** A responsible unit's count on 未报送. */
export type MissingUnitCount = { unitId: string; unitName: string; count: number };

/**
 * 未报送 by unit: how many of the period's reports still missing the actor may see each responsible unit owes, most
 * first (then in the units' order). Summed from the kept counts (report_counts: a few rows a unit, whatever the number
 * of reports) for every reader they serve; an `own` reader's are counted from the reports in one grouped statement.
 */
export async function missingByUnit(db: Executor, actor: Actor, periodId: string): Promise<MissingUnitCount[]> {
  const owing = reportCountsServe(actor)
    ? db
        .select({ unitId: sql<string>`k.responsible_unit_id`.as('unit_id'), owed: sql<number>`sum(k.reports)`.as('owed') })
        .from(sql`(${reportCountsInScope(actor, { periodIds: [periodId], statuses: MISSING })}) k`)
        .groupBy(sql`k.responsible_unit_id`)
        .having(sql`sum(k.reports) > 0`)
        .as('owing')
    : db
        .select({ unitId: sql<string>`${progressReports.responsibleUnitId}`.as('unit_id'), owed: count().as('owed') })
        .from(progressReports)
        .innerJoin(projects, eq(projects.id, progressReports.projectId))
        .where(missingInScope(actor, periodId))
        .groupBy(progressReports.responsibleUnitId)
        .as('owing');
  const rows = await db
    .select({ unitId: units.id, unitName: units.name, count: owing.owed })
    .from(owing)
    .innerJoin(units, eq(units.id, owing.unitId))
    .orderBy(desc(owing.owed), asc(units.sortOrder), asc(units.name), asc(units.id));
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}

/** How many of 未报送's reports the actor sees (of one responsible unit, or of all): the kept counts when they serve. */
async function missingTotal(db: Executor, actor: Actor, periodId: string, where: SQL, unitId?: string): Promise<number> {
  if (reportCountsServe(actor)) {
    const counted = reportCountsInScope(actor, { periodIds: [periodId], statuses: MISSING, responsibleUnitId: unitId });
    const [row] = rowsOf<{ n: number | string | null }>(await db.execute(sql`select sum(k.reports) as n from (${counted}) k`));
    return Number(row?.n ?? 0);
  }
  const [total] = await db
    .select({ n: count() })
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .where(where);
  return total?.n ?? 0;
}

/** One page of 未报送's reports the actor may see: of one responsible unit, or of all, in 未报送's order. */
export async function missingReportsPage(
  db: Executor,
  actor: Actor,
  periodId: string,
  query: { unitId?: string; page: number; pageSize: number },
): Promise<{ rows: MissingReportRow[]; total: number }> {
  const where = and(missingInScope(actor, periodId), query.unitId ? eq(progressReports.responsibleUnitId, query.unitId) : undefined) as SQL;
  const rows = await db
    .select(missingSelection)
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .innerJoin(units, eq(units.id, progressReports.responsibleUnitId))
    .where(where)
    // One unit's page: the unit's columns are the same on every line, so its order is the projects' alone.
    .orderBy(...(query.unitId ? projectOrder : missingOrder))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  // A first page shorter than the page size is the whole list: no count needed.
  if (query.page === 1 && rows.length < query.pageSize) return { rows, total: rows.length };
  return { rows, total: await missingTotal(db, actor, periodId, where, query.unitId) };
}

/** Whether a report of the period the actor sees (in any state) is owed by the unit. */
export async function unitOwesVisibleReport(db: Executor, actor: Actor, periodId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: progressReports.id })
    .from(progressReports)
    .innerJoin(projects, eq(projects.id, progressReports.projectId))
    .where(and(eq(progressReports.periodId, periodId), eq(progressReports.responsibleUnitId, unitId), projectScopeCondition(actor)))
    .limit(1);
  return row !== undefined;
}

/**
 * Every unit that still owes reports of the period (draft or returned), with how many, whoever may see them: what the
 * scheduled deadline reminders go to (a system job, not a person's view). Summed from the kept counts.
 */
export async function unitsOwingReports(db: Executor, periodId: string): Promise<{ unitId: string; unitName: string; count: number }[]> {
  const rows = await db
    .select({ unitId: units.id, unitName: units.name, count: sql<number>`sum(${reportCounts.reports})` })
    .from(reportCounts)
    .innerJoin(units, eq(units.id, reportCounts.responsibleUnitId))
    .where(and(eq(reportCounts.periodId, periodId), inArray(reportCounts.status, [...MISSING])))
    .groupBy(units.id, units.name)
    .having(sql`sum(${reportCounts.reports}) > 0`)
    .orderBy(asc(units.name), asc(units.id));
  return rows.map((row) => ({ ...row, count: Number(row.count) }));
}
