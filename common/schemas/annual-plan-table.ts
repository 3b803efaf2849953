/** The contract of the district's annual-plan page (年度投资计划): the year's plans by project, unit, category, month. */
import { z } from 'zod';
import { POOLS } from '../enums';
import { listQuery } from './shared';

/**
 * GET /annual-plans: a year (this year by default) of the reader's scope, narrowed to a district (a city or province
 * reader's drill-down, as the dashboard's `regionCode`) or to projects found by name, pinyin initials or code (`q`).
 */
export const annualPlanTableQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: z
    .string()
    .regex(/^\d{6}$/, 'format.regionCode')
    .optional(),
  q: listQuery.shape.q,
});
export type AnnualPlanTableQuery = z.infer<typeof annualPlanTableQuery>;

/** Twelve amounts in 元, January first. */
const months = z.array(z.number()).length(12);

/** One project's plan of the year: its current version (the ledger's figure) beside the frozen baseline. */
export const annualPlanTableRowSchema = z.object({
  projectId: z.string(),
  name: z.string(),
  pool: z.enum(POOLS),
  leadUnitId: z.string(),
  leadUnitName: z.string(),
  categoryCode: z.string().nullable(),
  categoryName: z.string().nullable(),
  /** The current version's number (2 and up: adjusted, 年中调整) and whether it is frozen. */
  versionNo: z.number(),
  frozen: z.boolean(),
  /** Version 1 once frozen (年初基准); null while the year's first version is a draft. */
  baselineYuan: z.number().nullable(),
  currentYuan: z.number(),
  /** current − baseline; null without a baseline. */
  changeYuan: z.number().nullable(),
  /** The current version's reason (年中调整的原因). */
  reason: z.string().nullable(),
  monthlyYuan: months,
});
export type AnnualPlanTableRow = z.infer<typeof annualPlanTableRowSchema>;

/** The plans of a group (a lead unit, a category, or all): sums of its rows' columns. */
export const annualPlanGroupSchema = z.object({
  key: z.string().nullable(),
  name: z.string().nullable(),
  count: z.number(),
  /** Σ baselines, over the rows that have one. */
  baselineYuan: z.number(),
  currentYuan: z.number(),
  /** Σ (current − baseline), over the rows with a baseline. */
  changeYuan: z.number(),
  /** Rows whose first version is not frozen yet: their current amount is in currentYuan, not in baselineYuan. */
  draftCount: z.number(),
  draftYuan: z.number(),
  monthlyYuan: months,
});
export type AnnualPlanGroup = z.infer<typeof annualPlanGroupSchema>;

export const annualPlanTableSchema = z.object({
  year: z.number(),
  /** Whose plans: the district picked, else the reader's district (or his own region above district level). */
  regionName: z.string(),
  items: z.array(annualPlanTableRowSchema),
  /** key null: every row; its currentYuan is the ledger's annual-plan total for the same reader and year. */
  total: annualPlanGroupSchema.extend({ adjustedCount: z.number() }),
  byUnit: z.array(annualPlanGroupSchema),
  byCategory: z.array(annualPlanGroupSchema),
  byMonth: z.array(z.object({ month: z.number(), plannedYuan: z.number(), cumulativeYuan: z.number() })),
  /**
   * 未填报: projects that owe a plan for the year and have none — on the year's list, in 实施库, or in 推进库 and not
   * planned to start after the year — by lead unit.
   */
  missing: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      projects: z.array(z.object({ id: z.string(), name: z.string(), pool: z.enum(POOLS), plannedStart: z.string().nullable() })),
    }),
  ),
  missingCount: z.number(),
});
export type AnnualPlanTable = z.infer<typeof annualPlanTableSchema>;
