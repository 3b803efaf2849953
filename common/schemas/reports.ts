/** The contract of the monthly cycle's ledger (工作台账): reporting periods and progress reports. */
import { z } from 'zod';
import { PERIOD_STATUSES, REPORT_STATUSES } from '../enums';
import { reportMatterSchema } from './matters';
import { isoDate, yuanAmount } from './projects';
import { abilities, optionalText, uuid, version } from './shared';

export { PERIOD_STATUSES, REPORT_STATUSES };
export type { PeriodStatus, ReportStatus } from '../enums';

/** The longest 形象进度 text and problem text a report takes. */
export const REPORT_TEXT_MAX = 2000;
/** At most this many milestones reached in one report. */
export const REPORT_MILESTONES_MAX = 50;

/** A calendar month, `YYYY-MM`, between 2000 and 2100. */
export const monthText = z.string().regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'format.month');
const districtCode = z.string().regex(/^\d{6}$/, 'format.regionCode');
const year = z.coerce.number().int().min(2000).max(2100);
const page = z.coerce.number().int().min(1).max(100_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);

/** How many of a period's reports the reader may see are in each state (missing: draft or returned). */
export const periodCountsSchema = z.object({
  owed: z.number(),
  draft: z.number(),
  submitted: z.number(),
  approved: z.number(),
  returned: z.number(),
  missing: z.number(),
  late: z.number(),
});

export const reportingPeriodSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  /** The district's name: a city or province reader's list holds several districts' periods of a month. */
  regionName: z.string(),
  year: z.number(),
  month: z.number(),
  /** The month as `YYYY-MM`. */
  period: z.string(),
  deadline: z.string(),
  status: z.enum(PERIOD_STATUSES),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  counts: periodCountsSchema,
  version: z.number(),
  /** close, reopen, addProject, removeProject: the project office's, by the period's state. */
  abilities,
});

/** Opening a period: the month, its deadline, and the district (the opener's own unless named). */
export const periodOpenBody = z.strictObject({
  month: monthText,
  deadline: isoDate,
  regionCode: districtCode.optional(),
});
/** Closing a period at the version read. */
export const periodCloseBody = z.strictObject({ version });
/** Reopening a closed period at the version read, with the reason (kept in the audit log; required). */
export const periodReopenBody = z.strictObject({
  version,
  reason: z.string({ error: 'period.reopen_reason_required' }).trim().min(1, 'period.reopen_reason_required').max(500),
});
/** Adding a project to an open period's list of owed reports. */
export const periodProjectBody = z.strictObject({ projectId: uuid });

export const periodParam = z.strictObject({ id: uuid });
export const periodProjectParam = z.strictObject({ id: uuid, projectId: uuid });

export const periodListQuery = z.strictObject({
  year: year.optional(),
  regionCode: districtCode.optional(),
  status: z.enum(PERIOD_STATUSES).optional(),
  page,
  pageSize,
});

/** A milestone of the project's plan reported reached, with its plan name (null when no longer in the plan). */
export const reachedMilestoneSchema = z.object({ milestoneId: z.string(), reachedOn: z.string(), name: z.string().nullable() });

export const progressReportSchema = z.object({
  id: z.string(),
  periodId: z.string(),
  period: z.string(),
  year: z.number(),
  month: z.number(),
  deadline: z.string(),
  periodStatus: z.enum(PERIOD_STATUSES),
  projectId: z.string(),
  projectName: z.string(),
  responsibleUnitId: z.string(),
  responsibleUnitName: z.string(),
  status: z.enum(REPORT_STATUSES),
  investmentYuan: z.number().nullable(),
  progressText: z.string().nullable(),
  progressPercent: z.number().nullable(),
  milestones: z.array(reachedMilestoneSchema),
  problems: z.string().nullable(),
  late: z.boolean(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number(),
  /** fill (save the draft), submit, approve, return: what the reader may do to this report now. */
  abilities,
});

/** One report as its page shows it: with the matters raised from its problems that the reader sees, oldest first. */
export const progressReportDetailSchema = progressReportSchema.extend({ raisedMatters: z.array(reportMatterSchema) });

/** Filling a draft (or a returned report): the fields sent are set, `null` clears one; at the version read. */
export const reportFillBody = z.strictObject({
  version,
  investmentYuan: yuanAmount.nullable().optional(),
  progressText: optionalText(REPORT_TEXT_MAX).nullable().optional(),
  progressPercent: z.number().int('format.percent').min(0, 'format.percent').max(100, 'format.percent').nullable().optional(),
  milestones: z
    .array(z.strictObject({ milestoneId: uuid, reachedOn: isoDate }))
    .max(REPORT_MILESTONES_MAX)
    .optional(),
  problems: optionalText(REPORT_TEXT_MAX).nullable().optional(),
});
/**
 * Submitting at the version read. An amount above the project's remaining investment (total investment less every
 * approved report) needs `confirmLarge: true`.
 */
export const reportSubmitBody = z.strictObject({ version, confirmLarge: z.boolean().optional() });
export const reportApproveBody = z.strictObject({ version });
/** Returning a submitted report at the version read, with the reason the unit reads (required). */
export const reportReturnBody = z.strictObject({
  version,
  reason: z.string({ error: 'report.reason_required' }).trim().min(1, 'report.reason_required').max(500),
});

export const reportParam = z.strictObject({ id: uuid });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const reportListQuery = z.strictObject({
  periodId: uuid.optional(),
  projectId: uuid.optional(),
  responsibleUnitId: uuid.optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  late: flag.optional(),
  year: year.optional(),
  page,
  pageSize,
});

/**
 * 未报送, what a person needs first: how many of the period's owed reports not yet submitted (draft or returned) the
 * reader sees, per responsible unit, most first. The reports themselves come a page at a time (`missingReportsQuery`).
 */
export const missingReportsSchema = z.object({
  periodId: z.string(),
  period: z.string(),
  deadline: z.string(),
  /** True once the deadline has passed (China Standard Time). */
  overdue: z.boolean(),
  total: z.number(),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), count: z.number() })),
});

/** One page of 未报送's reports: of one responsible unit (`unitId`), or of every unit, by unit then project name. */
export const missingReportsQuery = z.strictObject({ unitId: uuid.optional(), page, pageSize });

/** A report owed and not submitted: a line of a unit's 未报送 list. */
export const missingReportSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  status: z.enum(REPORT_STATUSES),
  unitId: z.string(),
  unitName: z.string(),
});
