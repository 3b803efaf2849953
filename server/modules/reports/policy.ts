import type { PeriodStatus, ReportStatus } from '../../../common/schemas/reports';
import { type Actor, can } from '../../lib/actor';

/** What the policy needs to know of a report: its state, its period's, and whether the reader may write to its project. */
export type ReportAccess = { status: ReportStatus; periodStatus: PeriodStatus; manageable: boolean };

/** The states a report can be filled and submitted in: a draft, or one returned for correction. */
export const FILLABLE: readonly ReportStatus[] = ['draft', 'returned'];
/** Owed and not (yet, or again) submitted: what 未报送 lists. */
export const MISSING: readonly ReportStatus[] = FILLABLE;

/** The buttons of a report the reader may use now. */
export type ReportAbilities = { fill: boolean; submit: boolean; approve: boolean; return: boolean };

/**
 * A report is filled and submitted by someone with `report.fill` who may write to its project (its lead unit in his
 * data scope: a leader in charge reads his projects' reports but does not fill them), while it is a draft or returned;
 * approved or returned by someone with `report.review` who may write to the project, once submitted. Nothing changes
 * in a closed period.
 */
export function reportAbilities(actor: Actor, report: ReportAccess): ReportAbilities {
  const open = report.periodStatus === 'open';
  const fill = open && report.manageable && can(actor, 'report.fill') && FILLABLE.includes(report.status);
  const review = open && report.manageable && can(actor, 'report.review') && report.status === 'submitted';
  return { fill, submit: fill, approve: review, return: review };
}

/**
 * What the reader may do to a period: close it, and change its list of owed reports, while it is open; reopen it once
 * closed (a month's late corrections, with a reason).
 */
export function periodAbilities(actor: Actor, period: { status: PeriodStatus }) {
  const mayManage = can(actor, 'report.manage_period');
  const manage = period.status === 'open' && mayManage;
  return { close: manage, reopen: period.status === 'closed' && mayManage, addProject: manage, removeProject: manage };
}

/** What the reader may do on the list of periods. */
export const periodListAbilities = (actor: Actor) => ({ open: can(actor, 'report.manage_period') });
