/** The contract of targets (目标考核): indicators with their monthly actuals and breakdown, pledges and 民生实事. */
import { z } from 'zod';
import { DECIMAL_PATTERN } from '../domain/decimal';
import {
  COMMITMENT_KINDS,
  TARGET_COMPUTATIONS,
  TARGET_DIRECTIONS,
  TARGET_KINDS,
  TARGET_MEASURES,
  TARGET_QUALIFIERS,
  TARGET_SOURCES,
} from '../enums';
import { isoDate } from './projects';
import { abilities, optionalText, text, uuid, version } from './shared';

export { COMMITMENT_KINDS, TARGET_COMPUTATIONS, TARGET_DIRECTIONS, TARGET_KINDS, TARGET_MEASURES, TARGET_QUALIFIERS, TARGET_SOURCES };

/** The longest note or evidence a month's entry takes. */
export const TARGET_NOTE_MAX = 2000;
/** At most this many units in one indicator's breakdown. */
export const BREAKDOWN_MAX = 200;

/** An exact decimal, as a string ("1200", "6.5", "-1.2"): up to 14 digits and 4 decimals. */
export const decimalValue = z.string().trim().regex(DECIMAL_PATTERN, 'target.decimal_format');
const year = z.coerce.number().int().min(2000).max(2100);
const month = z.coerce.number().int().min(1).max(12);

export const indicatorYearQuery = z.strictObject({ year: year.optional() });
export const indicatorParam = z.strictObject({ id: uuid });
export const indicatorMonthParam = z.strictObject({ id: uuid, month });

const indicatorFields = {
  name: text(100),
  measure: z.enum(TARGET_MEASURES),
  kind: z.enum(TARGET_KINDS),
  targetValue: decimalValue,
  qualifier: z.enum(TARGET_QUALIFIERS),
  direction: z.enum(TARGET_DIRECTIONS),
  ownerUnitId: uuid,
  source: z.enum(TARGET_SOURCES),
  computation: z.enum(TARGET_COMPUTATIONS).nullable(),
  note: optionalText(TARGET_NOTE_MAX).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};

const sourceRule = (body: { source: string; computation: string | null }, ctx: z.RefinementCtx) => {
  if (body.source === 'computed' && !body.computation)
    ctx.addIssue({ code: 'custom', path: ['computation'], message: 'target.computation_required' });
  if (body.source === 'entered' && body.computation)
    ctx.addIssue({ code: 'custom', path: ['computation'], message: 'target.computation_not_entered' });
};

export const indicatorCreateBody = z.strictObject({ year, ...indicatorFields }).superRefine(sourceRule);
export const indicatorUpdateBody = z.strictObject({ version, ...indicatorFields }).superRefine(sourceRule);

export const actualBody = z.strictObject({ value: decimalValue, note: optionalText(TARGET_NOTE_MAX).nullable().optional() });

export const breakdownBody = z.strictObject({
  version,
  items: z.array(z.strictObject({ unitId: uuid, targetValue: decimalValue })).max(BREAKDOWN_MAX),
});

export const targetProgressSchema = z.object({
  completionRate: z.number().nullable(),
  timeElapsedRate: z.number(),
  gapPoints: z.number().nullable(),
  status: z.enum(['ahead', 'on_pace', 'behind', 'no_plan']),
});

/**
 * A district's share of a city's indicator (分解到区县): its target, and its actual — for a computed indicator the same
 * computation over the district, for an entered one the latest figure the district entered on its own indicator of the
 * same name, kind and unit (null when it has none) — with its completion against time.
 */
export const districtShareSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** The district's unit the share is kept under (its top unit, 人民政府 in the demo): the breakdown's unitId. */
  unitId: z.string(),
  targetValue: z.string(),
  actual: z.string().nullable(),
  asOf: z.string().nullable(),
  /** An entered indicator the district has no indicator of its own for: no actual, and the reader is told why. */
  noCounterpart: z.boolean(),
  progress: targetProgressSchema.nullable(),
  standing: z.string(),
});

export const indicatorSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  /** The region whose indicator it is: a district's, a city's (broken down to its districts) or a province's (to its cities). */
  regionName: z.string(),
  regionLevel: z.enum(['district', 'city', 'province']),
  year: z.number().int(),
  name: z.string(),
  measure: z.enum(TARGET_MEASURES),
  kind: z.enum(TARGET_KINDS),
  targetValue: z.string(),
  qualifier: z.enum(TARGET_QUALIFIERS),
  direction: z.enum(TARGET_DIRECTIONS),
  ownerUnitId: z.string(),
  ownerUnitName: z.string(),
  source: z.enum(TARGET_SOURCES),
  computation: z.enum(TARGET_COMPUTATIONS).nullable(),
  note: z.string().nullable(),
  sortOrder: z.number().int(),
  /** The actual to date: computed now, or the latest month entered (year-to-date as of that month's end); null when none. */
  actual: z.string().nullable(),
  /** The month the actual stands at (entered), or null (computed: as of today). */
  actualMonth: z.number().int().nullable(),
  /** The day the actual stands at: today for a computed one, the month's last day for an entered one. */
  asOf: z.string().nullable(),
  /** A computation Lantu cannot make yet (it needs the attraction module): no actual, and why. */
  unavailableReason: z.string().nullable(),
  progress: targetProgressSchema.nullable(),
  /** How it stands, in the reader's language: 完成年度目标的45.5%，快于时间进度3.8个百分点. */
  standing: z.string(),
  version: z.number().int(),
  abilities,
  /**
   * A city's indicator: its districts' shares the reader may see (the city's readers every district's, a district's
   * readers its own), with their sum against the target; a province's: its cities' shares the same way; null for a
   * district's indicator.
   */
  districtShares: z
    .object({ items: z.array(districtShareSchema), sum: z.string().nullable(), sumMatches: z.boolean().nullable() })
    .nullable(),
});

export const indicatorActualSchema = z.object({
  month: z.number().int(),
  value: z.string(),
  note: z.string().nullable(),
  enteredByName: z.string().nullable(),
  updatedAt: z.string(),
});

export const breakdownItemSchema = z.object({ unitId: z.string(), unitName: z.string(), targetValue: z.string() });

export const indicatorDetailSchema = indicatorSchema.extend({
  actuals: z.array(indicatorActualSchema),
  breakdown: z.array(breakdownItemSchema),
  /**
   * A city's (a province's) indicator, for a reader who may break it down: the districts (the cities) it can go to,
   * each under its unit.
   */
  breakdownDistricts: z.array(z.object({ regionCode: z.string(), regionName: z.string(), unitId: z.string() })).nullable(),
});

export const indicatorListSchema = z.object({
  year: z.number().int(),
  items: z.array(indicatorSchema),
  abilities,
});

/**
 * The indicators of several districts side by side (a city or province reader): one row per indicator present in any
 * of them (same name, kind, unit of measure and computation), a cell per district (null where it has none), and the
 * districts' sum where adding up is meaningful (a level indicator every district has, in the same unit, with actuals
 * standing at the same day).
 */
export const indicatorComparisonSchema = z.object({
  year: z.number().int(),
  districts: z.array(z.object({ code: z.string(), name: z.string() })),
  rows: z.array(
    z.object({
      name: z.string(),
      measure: z.enum(TARGET_MEASURES),
      kind: z.enum(TARGET_KINDS),
      source: z.enum(TARGET_SOURCES),
      computation: z.enum(TARGET_COMPUTATIONS).nullable(),
      cells: z.array(indicatorSchema.nullable()),
      total: z
        .object({
          targetValue: z.string(),
          actual: z.string(),
          asOf: z.string(),
          progress: targetProgressSchema.nullable(),
          standing: z.string(),
        })
        .nullable(),
    }),
  ),
});

export const computationSchema = z.object({
  key: z.enum(TARGET_COMPUTATIONS),
  name: z.string(),
  measure: z.enum(TARGET_MEASURES),
  available: z.boolean(),
  description: z.string(),
});

// Pledges (军令状 / 目标责任书) and 民生实事.

export const commitmentListQuery = z.strictObject({ kind: z.enum(COMMITMENT_KINDS), year: year.optional() });
export const commitmentParam = z.strictObject({ id: uuid });
export const commitmentMonthParam = z.strictObject({ id: uuid, month });

const commitmentFields = {
  unitId: uuid,
  title: text(500),
  targetValue: decimalValue,
  measure: z.enum(TARGET_MEASURES),
  deadline: isoDate,
  publicWording: optionalText(1000).nullable().optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
};

export const commitmentCreateBody = z.strictObject({ kind: z.enum(COMMITMENT_KINDS), year, ...commitmentFields });
export const commitmentUpdateBody = z.strictObject({ version, ...commitmentFields });
export const commitmentProgressBody = z.strictObject({ value: decimalValue, evidence: text(TARGET_NOTE_MAX) });
export const commitmentDoneBody = z.strictObject({ version, done: z.boolean() });
export const raiseMatterBody = z.strictObject({
  version,
  /** The matter's deadline (today or later). */
  deadline: isoDate,
  description: optionalText(4000).optional(),
});

export const commitmentProgressSchema = z.object({
  month: z.number().int(),
  value: z.string(),
  evidence: z.string(),
  enteredByName: z.string().nullable(),
  enteredAt: z.string(),
});

export const commitmentSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  year: z.number().int(),
  kind: z.enum(COMMITMENT_KINDS),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  targetValue: z.string(),
  measure: z.enum(TARGET_MEASURES),
  deadline: z.string(),
  publicWording: z.string().nullable(),
  done: z.boolean(),
  doneOn: z.string().nullable(),
  /** Past its deadline and not done. */
  late: z.boolean(),
  /** The latest month's cumulative quantity, and the month. */
  latestValue: z.string().nullable(),
  latestMonth: z.number().int().nullable(),
  /** latestValue ÷ target, as a fraction; null with no progress yet. */
  completionRate: z.number().nullable(),
  matterId: z.string().nullable(),
  version: z.number().int(),
  abilities,
});

export const commitmentDetailSchema = commitmentSchema.extend({ progress: z.array(commitmentProgressSchema) });

export const commitmentListSchema = z.object({
  year: z.number().int(),
  kind: z.enum(COMMITMENT_KINDS),
  items: z.array(commitmentSchema),
  abilities,
});
