import type { z } from 'zod';
import { isIsoDate, minDate } from '../../../common/domain/dates';
import { type PlanMilestone, type ScheduleResult, schedulePlan } from '../../../common/domain/schedule';
import type { Locale } from '../../../common/locale';
import type {
  annualPlanSchema,
  approvalItemSchema,
  fundingLineSchema,
  planSchema,
  planTemplateSchema,
} from '../../../common/schemas/tracks';
import type { ProjectRow } from '../projects';
import type { AnnualPlanRow, ApprovalItemRow, DictionaryName, FundingLineRow, MilestoneRow, PlanTemplateRow } from './repository';
import { templateItems } from './template-items';

// A code whose dictionary item was removed still shows, as its code.
export const nameIn = (locale: Locale, name: DictionaryName, code: string) =>
  name ? (locale === 'en-US' ? name.nameEn : name.name) : code;

/** An approval item as the API shows it, its type named in the reader's language. */
export const presentApprovalItem = (locale: Locale, row: ApprovalItemRow): z.infer<typeof approvalItemSchema> => ({
  id: row.id,
  typeCode: row.typeCode,
  typeName: nameIn(locale, row.type, row.typeCode),
  status: row.status,
  appliedOn: row.appliedOn,
  approvedOn: row.approvedOn,
  documentNumber: row.documentNumber,
  note: row.note,
  version: row.version,
});

/** A funding line as the API shows it, its source named in the reader's language. */
export const presentFundingLine = (locale: Locale, row: FundingLineRow): z.infer<typeof fundingLineSchema> => ({
  id: row.id,
  sourceCode: row.sourceCode,
  sourceName: nameIn(locale, row.source, row.sourceCode),
  plannedYuan: row.plannedYuan,
  appliedYuan: row.appliedYuan,
  approvedYuan: row.approvedYuan,
  receivedYuan: row.receivedYuan,
  note: row.note,
  version: row.version,
});

/** The totals row of a funding plan (integer 元, exact). */
export const fundingTotals = (rows: FundingLineRow[]) => ({
  plannedYuan: rows.reduce((sum, r) => sum + r.plannedYuan, 0),
  appliedYuan: rows.reduce((sum, r) => sum + r.appliedYuan, 0),
  approvedYuan: rows.reduce((sum, r) => sum + r.approvedYuan, 0),
  receivedYuan: rows.reduce((sum, r) => sum + r.receivedYuan, 0),
});

// A plan whose dates would run past the year 9999 cannot be scheduled; it is shown unscheduled rather than failing.
function scheduleOrBlank(
  rows: PlanMilestone[],
  options: { startDate: string | null; deadline: string | null; today: string },
): ScheduleResult {
  try {
    return schedulePlan(rows, options);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return { milestones: [], earliestCompletion: null, feasible: false };
  }
}

const calendarDateOrNull = (value: string | null) => (value && isIsoDate(value) ? value : null);

/**
 * A project's plan scheduled by the critical path method: backwards from the planned completion (倒排工期) and
 * forwards from the first thing actually done — or from today when nothing is done yet, because work that has not
 * started cannot start in the past — with float, the critical path and what is overdue today.
 */
export function presentPlan(
  project: ProjectRow,
  rows: MilestoneRow[],
  today: string,
  approvals?: { locale: Locale; items: ApprovalItemRow[] },
): z.infer<typeof planSchema> {
  const byType = new Map((approvals?.items ?? []).map((item) => [item.typeCode, item]));
  const approvalOf = (code: string | null) => {
    const item = code ? byType.get(code) : undefined;
    if (!item || !approvals) return null;
    return { typeName: nameIn(approvals.locale, item.type, item.typeCode), status: item.status, approvedOn: item.approvedOn };
  };
  const actualDates = rows.flatMap((row) => [row.actualStart, row.actualFinish]).filter((d): d is string => !!d && isIsoDate(d));
  const [firstActual, ...otherActuals] = actualDates;
  const startDate = firstActual ? minDate(firstActual, ...otherActuals) : today;
  const deadline = calendarDateOrNull(project.plannedCompletion);
  const schedule = scheduleOrBlank(rows, { startDate, deadline, today });
  return {
    projectId: project.id,
    startDate,
    deadline,
    earliestCompletion: schedule.earliestCompletion,
    feasible: schedule.feasible,
    milestones: rows.map((row, i) => {
      const dates = schedule.milestones[i];
      return {
        id: row.id,
        name: row.name,
        kind: row.kind,
        durationDays: row.durationDays,
        predecessorIds: row.predecessorIds,
        actualStart: row.actualStart,
        actualFinish: row.actualFinish,
        approvalTypeCode: row.approvalTypeCode,
        approval: approvalOf(row.approvalTypeCode),
        plannedFinish: row.plannedFinish,
        sortOrder: row.sortOrder,
        earliestStart: dates?.earliestStart ?? null,
        earliestFinish: dates?.earliestFinish ?? null,
        latestStart: dates?.latestStart ?? null,
        latestFinish: dates?.latestFinish ?? null,
        floatDays: dates?.floatDays ?? null,
        critical: dates?.critical ?? false,
        overdue: dates?.overdue ?? false,
      };
    }),
    version: project.version,
  };
}

/** A plan template with its milestones, predecessors given as indexes of earlier items. */
export const presentPlanTemplate = (row: PlanTemplateRow): z.infer<typeof planTemplateSchema> => ({
  id: row.id,
  name: row.name,
  categoryCode: row.categoryCode,
  items: templateItems(row),
  version: row.version,
});

/** One version of an annual plan; a frozen version is the baseline or an adjustment that can no longer change. */
export const presentAnnualPlan = (row: AnnualPlanRow): z.infer<typeof annualPlanSchema> => ({
  id: row.id,
  year: row.year,
  versionNo: row.versionNo,
  plannedYuan: row.plannedYuan,
  monthlyYuan: row.monthlyYuan,
  reason: row.reason,
  frozen: row.frozenAt !== null,
  frozenAt: row.frozenAt?.toISOString() ?? null,
  version: row.version,
});
