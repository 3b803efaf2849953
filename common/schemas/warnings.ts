/** The contract of the warnings (红黄绿灯): a district's thresholds. */
import { z } from 'zod';
import { WARNING_REASON_CODES } from '../domain/warnings';
import { WARNING_COLOURS } from '../enums';
import { projectListQuery } from './projects';

// Days are whole days up to ten years; points are percentage points with one decimal, the precision of the figure.
const days = z.number().int().min(0).max(3650);
const points = z.number().min(0).max(100).multipleOf(0.1);

/** A district's warning thresholds (see DEFAULT_WARNING_SETTINGS); a yellow threshold never exceeds its red one. */
export const warningSettingsSchema = z
  .strictObject({
    redMilestoneOverdueDays: days,
    yellowMilestoneOverdueDays: days,
    redBehindPoints: points,
    yellowBehindPoints: points,
    redMatterOverdueDays: days,
    yellowReportMissingDays: days,
  })
  .refine((s) => s.yellowMilestoneOverdueDays <= s.redMilestoneOverdueDays, {
    message: 'warningSettings.yellow_above_red',
    path: ['yellowMilestoneOverdueDays'],
  })
  .refine((s) => s.yellowBehindPoints <= s.redBehindPoints, { message: 'warningSettings.yellow_above_red', path: ['yellowBehindPoints'] });

/** The thresholds as the API shows them, with the district they belong to and the row's version (0: the defaults). */
export const warningSettingsResponse = z.object({
  regionCode: z.string(),
  thresholds: z.object({
    redMilestoneOverdueDays: z.number(),
    yellowMilestoneOverdueDays: z.number(),
    redBehindPoints: z.number(),
    yellowBehindPoints: z.number(),
    redMatterOverdueDays: z.number(),
    yellowReportMissingDays: z.number(),
  }),
  isDefault: z.boolean(),
  version: z.number().int(),
});

/** Changing a district's thresholds: all of them, with the version read (0 while the district uses the defaults). */
export const warningSettingsUpdateBody = z.strictObject({
  thresholds: warningSettingsSchema,
  version: z.number().int().min(0).max(2_147_483_647),
});

const colour = z.enum(WARNING_COLOURS);

/** One rule that fired, with its facts (common/domain/warnings.ts WarningReason) and the sentence that words it. */
export const warningReasonSchema = z
  .object({ code: z.enum(WARNING_REASON_CODES), colour, text: z.string() })
  .catchall(z.unknown())
  .meta({ description: 'code and colour, the facts of the rule (days, points, period, milestone…), and text: the reason in words' });

/** A project's colour now, with its reasons, and its colour at the end of each past month. */
export const projectWarningSchema = z.object({
  projectId: z.string(),
  colour: colour.nullable(),
  reasons: z.array(warningReasonSchema),
  asOf: z.string().nullable(),
  computedAt: z.string().nullable(),
  history: z.array(z.object({ year: z.number().int(), month: z.number().int(), colour, reasons: z.array(warningReasonSchema) })),
});

export const WARNING_SUMMARY_BY = ['unit', 'category', 'leader', 'street'] as const;

/** The dimension to count by, and any of the project list's filters (the counts are of the list's projects). */
export const warningSummaryQuery = projectListQuery
  .omit({ page: true, pageSize: true, sort: true })
  .extend({ by: z.enum(WARNING_SUMMARY_BY) });

/** The projects in the reader's scope counted by colour, per unit, category, leader in charge or street. */
export const warningSummarySchema = z.object({
  by: z.enum(WARNING_SUMMARY_BY),
  groups: z.array(
    z.object({
      key: z.string().nullable(),
      name: z.string().nullable(),
      red: z.number().int(),
      yellow: z.number().int(),
      green: z.number().int(),
      total: z.number().int(),
    }),
  ),
  totals: z.object({ red: z.number().int(), yellow: z.number().int(), green: z.number().int(), total: z.number().int() }),
});

export type WarningSummaryQuery = z.infer<typeof warningSummaryQuery>;
