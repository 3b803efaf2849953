import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import type { Permission } from '../../../common/permissions';
import type { reportApproveBody, reportFillBody, reportReturnBody, reportSubmitBody } from '../../../common/schemas/reports';
import type { Tx } from '../../db/client';
import { type ReachedMilestone, progressReports } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { listMilestones, recordMilestonesReached } from '../project-tracks';
import { type ScopedProject, keepReportCounts, loadProject, lockProject } from '../projects';
import { recomputeWarnings } from '../warnings';
import { refreshProjectMonths } from './month-investment';
import { lockPeriodOfReport } from './period-repository';
import { FILLABLE } from './policy';
import { auditableReport } from './report-audit';
import { type ProgressReportRecord, type ReportForWrite, type ReportRow, findReportForWrite } from './report-repository';

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);
const wrongState = (messageKey: MessageKey) => new AppError(409, 'report_wrong_state', messageKey, {}, [{ path: 'status', messageKey }]);

/**
 * The report a write is about, read once under its lock, with its period locked shared before it (so the period
 * cannot close meanwhile) and its project: 404 when the report's project is out of the actor's sight, 403 when he sees
 * it but may not make this write to it (a leader in charge), 409 `period_closed` when the period is closed, 409
 * `version_conflict` when the report has changed since the version read (a second click of the same button), and
 * nothing written in any of these cases.
 */
async function loadForWrite(
  tx: Tx,
  ctx: RequestContext,
  id: string,
  permission: Permission,
  version: number,
): Promise<{ report: ReportForWrite; project: ScopedProject }> {
  const period = await lockPeriodOfReport(tx, id, 'share');
  const report = period ? await findReportForWrite(tx, ctx.actor, id) : null;
  if (!period || !report) throw notFound();
  const project = await loadProject(tx, ctx.actor, report.projectId, permission);
  if (period.status !== 'open')
    throw new AppError(409, 'period_closed', 'period.closed', {}, [{ path: 'periodId', messageKey: 'period.closed' }]);
  if (report.version !== version) throw staleVersion();
  return { report, project };
}

/** The report as the write left it: its row as written, with what the read joined to it (unchanged by the write). */
const asWritten = (report: ReportRow, written: ProgressReportRecord): ReportRow => ({ ...report, ...written });

/**
 * The milestones a report says were reached must be milestones of the project's plan, each named once, reached no
 * later than today and not before the milestone's actual start. Every problem is named by its path.
 */
async function checkMilestones(tx: Tx, projectId: string, reached: ReachedMilestone[]) {
  if (reached.length === 0) return;
  const plan = new Map((await listMilestones(tx, projectId)).map((m) => [m.id, m]));
  const today = todayInChina();
  const seen = new Set<string>();
  const details: Detail[] = [];
  reached.forEach((m, i) => {
    const milestone = plan.get(m.milestoneId);
    if (seen.has(m.milestoneId)) details.push({ path: `milestones.${i}.milestoneId`, messageKey: 'report.milestone_duplicate' });
    else if (!milestone) details.push({ path: `milestones.${i}.milestoneId`, messageKey: 'report.milestone_unknown' });
    seen.add(m.milestoneId);
    if (compareDates(m.reachedOn, today) > 0) details.push({ path: `milestones.${i}.reachedOn`, messageKey: 'report.milestone_in_future' });
    else if (milestone?.actualStart && compareDates(m.reachedOn, milestone.actualStart) < 0) {
      details.push({
        path: `milestones.${i}.reachedOn`,
        messageKey: 'report.milestone_before_start',
        params: { actualStart: milestone.actualStart },
      });
    }
  });
  if (details.length > 0) throw invalid(details);
}

const blankToNull = (value: string | null | undefined) => (value === undefined ? undefined : value === null || value === '' ? null : value);

/**
 * Fills a draft or a returned report at the version read: the fields sent are set (`null` clears one), the others
 * kept. Needs `report.fill` on the project (its lead unit in the filler's data scope) and an open period. Audited
 * with the fields changed.
 */
export async function fillReport({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof reportFillBody>;
}) {
  const { report } = await loadForWrite(tx, ctx, id, 'report.fill', input.version);
  if (!FILLABLE.includes(report.status)) throw wrongState('report.not_editable');
  if (input.milestones) await checkMilestones(tx, report.projectId, input.milestones);
  const values = {
    investmentYuan: input.investmentYuan,
    progressText: blankToNull(input.progressText),
    progressPercent: input.progressPercent,
    milestones: input.milestones,
    problems: blankToNull(input.problems),
  };
  const written = await updateAtVersion(
    tx,
    progressReports,
    { key: progressReports.id, keyValue: id, version: input.version },
    Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)),
  );
  await recordAudit(tx, ctx, {
    action: 'progress_reports.update',
    recordType: 'progress_report',
    recordId: id,
    regionCode: report.regionCode,
    ...changedFields(auditableReport(report), auditableReport(written)),
  });
  return asWritten(report, written);
}

/** Fields a report must have before it is submitted. */
function checkComplete(report: ReportRow) {
  const details: Detail[] = [];
  if (report.investmentYuan === null) details.push({ path: 'investmentYuan', messageKey: 'report.required' });
  if (!report.progressText?.trim()) details.push({ path: 'progressText', messageKey: 'report.required' });
  if (report.progressPercent === null) details.push({ path: 'progressPercent', messageKey: 'report.required' });
  if (details.length > 0) throw invalid(details);
}

/**
 * More than the project's remaining investment — its total investment less everything completed so far (the opening
 * amount before Lantu and the approved reports after it) — is most
 * likely a slip (元 typed as 万元); it goes through only when the person submitting confirms it.
 */
function checkAmount(project: ScopedProject, completedYuan: number, amount: number, confirmed: boolean) {
  if (confirmed || project.totalInvestmentYuan === null) return;
  const remaining = Math.max(0, project.totalInvestmentYuan - completedYuan);
  if (amount <= remaining) return;
  const params = { amount, remaining };
  throw new AppError(422, 'large_amount_unconfirmed', 'report.large_amount', params, [
    { path: 'investmentYuan', messageKey: 'report.large_amount', params },
  ]);
}

/**
 * Submits a draft or a returned report at the version read: it must be complete, its milestones in the plan, and its
 * amount within the project's remaining investment unless `confirmLarge`. A first submission after the period's
 * deadline (China Standard Time calendar dates) marks it late; a resubmission after a return keeps what the first
 * submission decided. Audited.
 */
export async function submitReport({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof reportSubmitBody>;
}) {
  const { report, project } = await loadForWrite(tx, ctx, id, 'report.fill', input.version);
  if (!FILLABLE.includes(report.status)) throw wrongState('report.not_submittable');
  checkComplete(report);
  await checkMilestones(tx, report.projectId, report.milestones);
  checkAmount(project, report.projectCompletedYuan, report.investmentYuan ?? 0, input.confirmLarge === true);
  const late = report.firstSubmittedAt ? report.late : compareDates(todayInChina(), report.deadline) > 0;
  // 未报送 and the period's counts follow the state, in this transaction (under the project's lock).
  const written = await keepReportCounts(tx, { projectIds: [report.projectId] }, () =>
    updateAtVersion(
      tx,
      progressReports,
      { key: progressReports.id, keyValue: id, version: input.version },
      {
        status: 'submitted',
        late,
        submittedAt: sql`now()`,
        submittedBy: ctx.actor.userId,
        firstSubmittedAt: sql`coalesce(${progressReports.firstSubmittedAt}, now())`,
      },
    ),
  );
  // A report submitted is no longer missing: the project's colour, in this transaction.
  await recomputeWarnings(tx, [report.projectId], todayInChina());
  // Audited last: the audit chain's lock is held from the audit row to the commit (lib/audit-chain.ts), and every
  // audited write of the installation queues on it — at the month's end, hundreds of submissions.
  await recordAudit(tx, ctx, {
    action: 'progress_reports.submit',
    recordType: 'progress_report',
    recordId: id,
    regionCode: report.regionCode,
    before: { status: report.status },
    after: { ...auditableReport(written), confirmedLarge: input.confirmLarge === true },
  });
  return asWritten(report, written);
}

/**
 * Approves a submitted report at the version read: from now on it counts (year-to-date and since-start investment
 * completed), and the milestones it reports reached get their actual finish in the plan. Needs `report.review` on
 * the project. Audited, with the plan's change audited beside it.
 */
export async function approveReport({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof reportApproveBody>;
}) {
  const { report, project } = await loadForWrite(tx, ctx, id, 'report.review', input.version);
  if (report.status !== 'submitted') throw wrongState('report.not_reviewable');
  // The plan is changed under the project's lock, as a plan save is; its milestones are checked again under it.
  await lockProject(tx, project.id);
  await checkMilestones(tx, project.id, report.milestones);
  const written = await keepReportCounts(tx, { projectIds: [project.id] }, () =>
    updateAtVersion(
      tx,
      progressReports,
      { key: progressReports.id, keyValue: id, version: input.version },
      { status: 'approved', approvedAt: sql`now()`, approvedBy: ctx.actor.userId },
    ),
  );
  await recordMilestonesReached({ ctx, tx, project, reached: report.milestones, reportId: id });
  // The dashboard's month figures count it from now on, under the project's lock taken above.
  await refreshProjectMonths(tx, [project.id]);
  // Its investment now counts and its milestones are reached: the project's colour, in this transaction.
  await recomputeWarnings(tx, [project.id], todayInChina());
  // Audited last (see submitReport); recordMilestonesReached above audits the plan's change, so the lock is already
  // held when milestones were reached.
  await recordAudit(tx, ctx, {
    action: 'progress_reports.approve',
    recordType: 'progress_report',
    recordId: id,
    regionCode: report.regionCode,
    before: { status: report.status },
    after: { status: 'approved', investmentYuan: report.investmentYuan },
  });
  return asWritten(report, written);
}

/** Returns a submitted report to its unit with the reason, at the version read; the unit corrects and submits it again. Audited. */
export async function returnReport({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof reportReturnBody>;
}) {
  const { report } = await loadForWrite(tx, ctx, id, 'report.review', input.version);
  if (report.status !== 'submitted') throw wrongState('report.not_reviewable');
  const written = await keepReportCounts(tx, { projectIds: [report.projectId] }, () =>
    updateAtVersion(
      tx,
      progressReports,
      { key: progressReports.id, keyValue: id, version: input.version },
      { status: 'returned', returnedAt: sql`now()`, returnedBy: ctx.actor.userId, returnReason: input.reason },
    ),
  );
  await recordAudit(tx, ctx, {
    action: 'progress_reports.return',
    recordType: 'progress_report',
    recordId: id,
    regionCode: report.regionCode,
    before: { status: report.status },
    after: { status: 'returned', returnReason: input.reason },
  });
  // A returned report is owed again: the project's colour, in this transaction.
  await recomputeWarnings(tx, [report.projectId], todayInChina());
  return asWritten(report, written);
}
