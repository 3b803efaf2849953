import { type SQL, sql } from 'drizzle-orm';
import type { ReportStatus } from '../../../common/schemas/reports';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { projectLeaders, projects, reportCounts } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { dataScopeCondition, districtRecordInReach, visibleWhen } from '../../lib/scope';

// The one writer of report_counts (server/db/schema/reports.ts): how many of a period's reports each responsible unit
// owes in each state, split by the district and lead unit of their projects — what decides who sees a report. Kept
// here, beside the dashboard's figures, because they follow the projects' placement as well as the reports' states,
// and the reports module (which uses this one) writes the states. Every write that creates or deletes a report,
// changes its state (or lateness), or moves a project to another lead unit or district runs inside `keepReportCounts`:
// the rows its reports counted in before the write are taken out and the rows they count in after it put in, as one
// additive upsert in key order (so two writes lock the rows they share in the same order, and never deadlock).
//
// The locks that make the before/after exact: a report's state changes only under its project's row lock (the reports
// service takes it before the report's write), and a project's district or lead unit changes only under the same lock
// (`keepReportCounts` with `projectIds` takes it): so the reports read before a write cannot change under it.

const COLUMNS = sql.raw('period_id, responsible_unit_id, status, late, region_code, unit_id');

/** The reports the write is about: by id, of these projects, or of one period. */
export type CountedReports = { reportIds: string[] } | { projectIds: string[] } | { periodId: string };

const whereOf = (which: CountedReports): SQL =>
  'reportIds' in which
    ? sql`r.id = any(${sql.param(which.reportIds)}::uuid[])`
    : 'projectIds' in which
      ? sql`r.project_id = any(${sql.param(which.projectIds)}::uuid[])`
      : sql`r.period_id = ${which.periodId}`;

/** The reports the condition picks, counted by the kept rows' key (their projects' district and lead unit now). */
const countsOf = (where: SQL): SQL => sql`
  select r.period_id, r.responsible_unit_id, r.status, r.late, p.region_code, p.lead_unit_id as unit_id, count(*)::integer as reports
  from progress_reports r join projects p on p.id = r.project_id
  where ${where}
  group by 1, 2, 3, 4, 5, 6`;

/** Every report counted: a rebuild, a check, and the bench's generation (bench/ledger.ts) run this one statement. */
export const RECOUNT_ALL_REPORTS = `insert into report_counts (period_id, responsible_unit_id, status, late, region_code, unit_id, reports)
  select r.period_id, r.responsible_unit_id, r.status, r.late, p.region_code, p.lead_unit_id, count(*)::integer
  from progress_reports r join projects p on p.id = r.project_id
  group by 1, 2, 3, 4, 5, 6`;

type CountRow = {
  period_id: string;
  responsible_unit_id: string;
  status: string;
  late: boolean;
  region_code: string;
  unit_id: string;
  reports: number;
};

/**
 * Runs a write of reports (or of projects' placement) and keeps the counts with it, in the caller's transaction: the
 * picked reports' rows before the write out, after it in. With `projectIds` the projects are locked first (in id
 * order); with report ids or a period, the caller holds the reports' projects locked (see above).
 */
export async function keepReportCounts<T>(tx: Executor, which: CountedReports, write: () => Promise<T>): Promise<T> {
  if ('projectIds' in which) {
    const ids = [...new Set(which.projectIds)].sort();
    if (ids.length === 0) return write();
    await tx.execute(
      sql`select 1 from ${projects} where ${projects.id} = any(${sql.param(ids)}::uuid[]) order by ${projects.id} for update`,
    );
  }
  if ('reportIds' in which && which.reportIds.length === 0) return write();
  const where = whereOf(which);
  const before = rowsOf<CountRow>(await tx.execute(countsOf(where)));
  const result = await write();
  const column = <K extends keyof CountRow>(key: K) => sql.param(before.map((row) => row[key]));
  const out =
    before.length === 0
      ? sql``
      : sql`union all select b.period_id, b.responsible_unit_id, b.status, b.late, b.region_code, b.unit_id, -b.reports
        from unnest(${column('period_id')}::uuid[], ${column('responsible_unit_id')}::uuid[], ${column('status')}::text[],
          ${column('late')}::boolean[], ${column('region_code')}::text[], ${column('unit_id')}::uuid[], ${column('reports')}::integer[])
          as b(period_id, responsible_unit_id, status, late, region_code, unit_id, reports)`;
  await tx.execute(sql`
    insert into ${reportCounts} (${COLUMNS}, reports)
    select ${COLUMNS}, sum(d.reports)::integer from (${countsOf(where)} ${out}) d
    group by ${COLUMNS} having sum(d.reports) <> 0
    order by ${COLUMNS}
    on conflict (${COLUMNS}) do update set reports = ${reportCounts}.reports + excluded.reports`);
  return result;
}

/**
 * Rewrites the counts from every report (a data load that bypassed the services — the demo, a restore from before the
 * table — or `lantu dashboard rebuild`). Takes the table's own lock: writers of reports wait.
 */
export async function rebuildReportCounts(tx: Executor): Promise<void> {
  await tx.execute(sql`lock table ${reportCounts} in exclusive mode`);
  await tx.execute(sql`delete from ${reportCounts}`);
  await tx.execute(sql.raw(RECOUNT_ALL_REPORTS));
}

/** A kept count as kept and as recounted from the reports, when they differ (null: no such row, or zero). */
export type CountDifference = { key: string; kept: number | null; recounted: number | null };

/** Compares the kept counts with a recount of every report. No difference: the counts are exact. */
export async function checkReportCounts(db: Executor): Promise<CountDifference[]> {
  const keyed = (source: SQL) => sql`select concat_ws('/', ${COLUMNS}) as key, reports from (${source}) c where reports <> 0`;
  const [kept, recounted] = await Promise.all([
    db.execute(keyed(sql`select * from ${reportCounts}`)),
    db.execute(keyed(countsOf(sql`true`))),
  ]);
  const keptRows = new Map(rowsOf<{ key: string; reports: number }>(kept).map((r) => [r.key, Number(r.reports)]));
  const recountedRows = new Map(rowsOf<{ key: string; reports: number }>(recounted).map((r) => [r.key, Number(r.reports)]));
  const differences: CountDifference[] = [];
  for (const key of new Set([...keptRows.keys(), ...recountedRows.keys()])) {
    const a = keptRows.get(key) ?? null;
    const b = recountedRows.get(key) ?? null;
    if (a !== b) differences.push({ key, kept: a, recounted: b });
  }
  return differences.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Builds the counts once on an installation that has reports but no counts yet (one upgraded past migration 0039, or
 * restored from a backup taken before it); otherwise does nothing. Run at start-up after the migrations.
 */
export async function fillReportCountsIfEmpty(tx: Executor): Promise<boolean> {
  const [row] = rowsOf<{ missing: boolean }>(
    await tx.execute(sql`select exists (select 1 from progress_reports) and not exists (select 1 from ${reportCounts}) as missing`),
  );
  if (!row?.missing) return false;
  await rebuildReportCounts(tx);
  return true;
}

/**
 * Whether the kept counts answer for this reader: rows are kept by district and lead unit, so any scope by region or
 * unit; not `own` (his projects are those he created), who is counted from the reports.
 */
export const reportCountsServe = (actor: Actor): boolean => actor.dataScope !== 'own';

/** Which counts: of these periods, in these states, of one responsible unit. */
export type ReportCountFilter = { periodIds: string[]; statuses?: readonly ReportStatus[]; responsibleUnitId?: string };

/**
 * SQL (for a reader `reportCountsServe` accepts): the reports he sees as rows (period_id, responsible_unit_id,
 * status, late, reports) to be summed — the kept rows of the districts and lead units in his scope, and for a leader
 * in charge of projects, the reports of the projects he leads outside that scope, counted from the reports (a few
 * projects, through the leaders' index): together exactly the reports whose project he sees (projectScopeCondition).
 */
export function reportCountsInScope(actor: Actor, filter: ReportCountFilter): SQL {
  const narrow = (prefix: string) =>
    sql.join(
      [
        sql`${sql.raw(prefix)}.period_id = any(${sql.param(filter.periodIds)}::uuid[])`,
        ...(filter.statuses ? [sql`${sql.raw(prefix)}.status = any(${sql.param([...filter.statuses])}::text[])`] : []),
        ...(filter.responsibleUnitId ? [sql`${sql.raw(prefix)}.responsible_unit_id = ${filter.responsibleUnitId}`] : []),
      ],
      sql` and `,
    );
  const kept = sql`select c.period_id, c.responsible_unit_id, c.status, c.late, c.reports from ${reportCounts} c
    where ${narrow('c')} and ${visibleWhen(actor, { district: sql`c.region_code`, units: [sql`c.unit_id`] })}`;
  if (!actor.leadsProjects) return kept;
  const led = sql`select r.period_id, r.responsible_unit_id, r.status, r.late, 1 from progress_reports r
    join ${projects} on ${projects.id} = r.project_id
    where ${narrow('r')}
      and r.project_id in (select ${projectLeaders.projectId} from ${projectLeaders} where ${projectLeaders.userId} = ${actor.userId})
      and ${districtRecordInReach(actor, projects.regionCode)}
      and not coalesce(${dataScopeCondition(actor, { unitId: projects.leadUnitId, ownerId: projects.createdBy })}, false)`;
  return sql`${kept} union all ${led}`;
}
