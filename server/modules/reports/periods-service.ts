import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, compareDates, todayInChina } from '../../../common/domain/dates';
import type { periodCloseBody, periodOpenBody, periodReopenBody } from '../../../common/schemas/reports';
import type { Tx } from '../../db/client';
import { reportingPeriods } from '../../db/schema';
import type { Actor, RequestContext } from '../../lib/actor';
import { recordAudit, recordAudits } from '../../lib/audit';
import { AppError, conflict, invalidField, notFound, staleVersion } from '../../lib/errors';
import { districtInReach } from '../../lib/scope';
import { updateAtVersion } from '../../lib/versioned';
import { keepReportCounts, loadProject } from '../projects';
import { districtOf } from '../regions';
import { recomputePeriodWarnings, recomputeWarnings } from '../warnings';
import { type PeriodRow, countAwaitingReview, findPeriod, insertPeriod, lockPeriod } from './period-repository';
import { FILLABLE } from './policy';
import { type ProgressReportRecord, deleteReport, findReportOfProject, insertOwedReports, insertReport } from './report-repository';
import { auditableReport } from './report-audit';

type OpenInput = z.infer<typeof periodOpenBody>;

const auditablePeriod = (row: PeriodRow) => ({
  regionCode: row.regionCode,
  year: row.year,
  month: row.month,
  deadline: row.deadline,
  status: row.status,
});

const pad = (n: number) => String(n).padStart(2, '0');
const firstDayOf = (year: number, month: number) => `${year}-${pad(month)}-01`;
const nextMonthOf = (year: number, month: number) => (month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 });

/** The district a period is opened for: the one named, or the opener's own; one in his reach, else 400 on the field. */
async function periodDistrict(tx: Tx, actor: Actor, requested: string | undefined) {
  const district = await districtOf(tx, requested ?? actor.regionCode);
  const isDistrict = !requested || district?.code === requested;
  if (!district || !isDistrict || !districtInReach(actor, district.path)) throw invalidField('regionCode', 'period.region_not_district');
  return district;
}

/** A period may be opened for any month up to next month; its deadline lies in the month or the month after it. */
function checkMonthAndDeadline(year: number, month: number, deadline: string) {
  const today = todayInChina();
  const next = nextMonthOf(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
  if (year * 12 + month > next.year * 12 + next.month) throw invalidField('month', 'period.month_too_far');
  const after = nextMonthOf(year, month);
  const afterNext = nextMonthOf(after.year, after.month);
  const lastDay = addDays(firstDayOf(afterNext.year, afterNext.month), -1);
  if (compareDates(deadline, firstDayOf(year, month)) < 0 || compareDates(deadline, lastDay) > 0) {
    throw invalidField('deadline', 'period.deadline_out_of_range');
  }
}

/**
 * Opens a district's reporting period for a month with its deadline, and with it the reports owed: one per project of
 * the district's implementing pool (实施库), owed by the project's lead unit, as drafts. One period per district and
 * month (a second answers 409 naming the month). Audited: the period, and each report created.
 */
export async function openPeriod({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: OpenInput }) {
  const year = Number(input.month.slice(0, 4));
  const month = Number(input.month.slice(5, 7));
  const district = await periodDistrict(tx, ctx.actor, input.regionCode);
  checkMonthAndDeadline(year, month, input.deadline);
  const period = await insertPeriod(tx, { regionCode: district.code, year, month, deadline: input.deadline, openedBy: ctx.actor.userId });
  if (!period) throw conflict('period.duplicate', 'month');
  // The period's counts, from the reports just created (their projects locked by the insert).
  const reports = await keepReportCounts(tx, { periodId: period.id }, () => insertOwedReports(tx, period));
  // The colours of the projects now owing a report (reports missing after a deadline are yellow), in this transaction.
  await recomputeWarnings(
    tx,
    reports.map((r) => r.projectId),
    todayInChina(),
  );
  await recordAudits(tx, ctx, [
    {
      action: 'reporting_periods.open',
      recordType: 'reporting_period',
      recordId: period.id,
      regionCode: period.regionCode,
      after: { ...auditablePeriod(period), reportCount: reports.length },
    },
    ...reports.map((r) => ({
      action: 'progress_reports.create' as const,
      recordType: 'progress_report',
      recordId: r.id,
      regionCode: period.regionCode,
      after: { periodId: period.id, projectId: r.projectId, responsibleUnitId: r.responsibleUnitId, status: 'draft' },
    })),
  ]);
  return period;
}

/** The period the request names, locked, when the actor may see it (else 404); 409 when closed. */
async function openPeriodLocked(tx: Tx, actor: Actor, id: string, mode: 'share' | 'update'): Promise<PeriodRow> {
  if (!(await findPeriod(tx, actor, id))) throw notFound();
  const period = await lockPeriod(tx, id, mode);
  if (!period) throw notFound();
  if (period.status !== 'open') throw new AppError(409, 'period_closed', 'period.closed');
  return period;
}

/**
 * Closes a period at the version read: from then on none of its reports changes. Refused (409) while any report awaits
 * review — approve or return it first — so closing never strands a submitted report. Audited.
 */
export async function closePeriod({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof periodCloseBody>;
}) {
  const period = await openPeriodLocked(tx, ctx.actor, id, 'update');
  if (period.version !== input.version) throw staleVersion();
  const pending = await countAwaitingReview(tx, id);
  if (pending > 0) throw new AppError(409, 'period_has_pending_reports', 'period.pending_reviews', { count: pending });
  const closed = await updateAtVersion(
    tx,
    reportingPeriods,
    { key: reportingPeriods.id, keyValue: id, version: input.version },
    { status: 'closed', closedAt: sql`now()`, closedBy: ctx.actor.userId },
  );
  await recordAudit(tx, ctx, {
    action: 'reporting_periods.close',
    recordType: 'reporting_period',
    recordId: id,
    regionCode: period.regionCode,
    before: { status: period.status },
    after: { status: closed.status, closedAt: closed.closedAt?.toISOString() ?? null },
  });
  await recomputePeriodWarnings(tx, id, todayInChina());
  return closed;
}

/**
 * Reopens a closed period at the version read, with the reason: its draft and returned reports can be filled and
 * submitted again, and reviewed (late, since the deadline stays). What was approved stays approved, and the month's
 * ranking snapshot does not change (docs/status.md, issue 14). Audited with the reason; the colours recomputed.
 */
export async function reopenPeriod({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof periodReopenBody>;
}) {
  if (!(await findPeriod(tx, ctx.actor, id))) throw notFound();
  const period = await lockPeriod(tx, id, 'update');
  if (!period) throw notFound();
  if (period.status !== 'closed') throw new AppError(409, 'period_not_closed', 'period.not_closed');
  if (period.version !== input.version) throw staleVersion();
  const reopened = await updateAtVersion(
    tx,
    reportingPeriods,
    { key: reportingPeriods.id, keyValue: id, version: input.version },
    { status: 'open', closedAt: null, closedBy: null },
  );
  await recordAudit(tx, ctx, {
    action: 'reporting_periods.reopen',
    recordType: 'reporting_period',
    recordId: id,
    regionCode: period.regionCode,
    before: { status: period.status, closedAt: period.closedAt?.toISOString() ?? null },
    after: { status: reopened.status, reason: input.reason },
  });
  await recomputePeriodWarnings(tx, id, todayInChina());
  return reopened;
}

/**
 * Adds a project of the period's district to an open period's list (a project outside the implementing pool that the
 * office wants reported on): its report is owed, as a draft, by its lead unit. A project the actor may not see is not
 * found; one of another district or withdrawn is refused naming `projectId`; one already on the list answers 409.
 */
export async function addProjectToPeriod({
  ctx,
  tx,
  periodId,
  projectId,
}: {
  ctx: RequestContext;
  tx: Tx;
  periodId: string;
  projectId: string;
}): Promise<ProgressReportRecord> {
  const period = await openPeriodLocked(tx, ctx.actor, periodId, 'share');
  const project = await loadProject(tx, ctx.actor, projectId);
  if (project.regionCode !== period.regionCode) throw invalidField('projectId', 'period.project_other_district');
  if (project.pool === 'withdrawn') throw invalidField('projectId', 'period.project_withdrawn');
  const report = await keepReportCounts(tx, { projectIds: [projectId] }, () =>
    insertReport(tx, {
      periodId,
      projectId,
      responsibleUnitId: project.leadUnitId,
      year: period.year,
      month: period.month,
    }),
  );
  if (!report) throw conflict('period.project_already_owed', 'projectId');
  await recordAudit(tx, ctx, {
    action: 'progress_reports.create',
    recordType: 'progress_report',
    recordId: report.id,
    regionCode: period.regionCode,
    after: auditableReport(report),
  });
  await recomputeWarnings(tx, [projectId], todayInChina());
  return report;
}

/**
 * Takes a project off an open period's list: its report is deleted, while it is a draft or returned (a report
 * submitted or approved stays: 409). Audited with what the report held.
 */
export async function removeProjectFromPeriod({
  ctx,
  tx,
  periodId,
  projectId,
}: {
  ctx: RequestContext;
  tx: Tx;
  periodId: string;
  projectId: string;
}) {
  const period = await openPeriodLocked(tx, ctx.actor, periodId, 'share');
  const report = await keepReportCounts(tx, { projectIds: [projectId] }, async () => {
    const owed = await findReportOfProject(tx, ctx.actor, periodId, projectId);
    if (!owed) throw notFound();
    if (!FILLABLE.includes(owed.status)) throw new AppError(409, 'report_wrong_state', 'period.report_under_way');
    await deleteReport(tx, owed.id);
    return owed;
  });
  await recordAudit(tx, ctx, {
    action: 'progress_reports.delete',
    recordType: 'progress_report',
    recordId: report.id,
    regionCode: period.regionCode,
    before: auditableReport(report),
  });
  await recomputeWarnings(tx, [projectId], todayInChina());
}
