import { z } from 'zod';
import { MATTER_STATUSES, POOLS, WARNING_COLOURS } from '../enums';
import { uuid } from './shared';

const districtCode = z.string().regex(/^\d{6}$/, 'format.regionCode');

/** GET /dashboard: the reader's scope, narrowed by year, district, lead unit, or to the projects he leads (`leader=me`). */
export const dashboardQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: districtCode.optional(),
  unitId: uuid.optional(),
  leader: z.enum(['me']).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

/**
 * Where a figure drills into: the web path of the list with its filters (`/projects?year=2026&warning=red`), whose
 * total equals the figure.
 */
const drill = z.string();

const timeProgress = z.object({
  plannedYuan: z.number(),
  completedYuan: z.number(),
  completionRate: z.number().nullable(),
  timeElapsedRate: z.number(),
  gapPoints: z.number().nullable(),
  status: z.enum(['ahead', 'on_pace', 'behind', 'no_plan']),
  /** 完成年度计划的45.5%，快于时间进度3.8个百分点, in the reader's language. */
  words: z.string(),
});

/** A group's investment against its annual plan (by unit, by category). */
const progressLine = timeProgress.extend({
  key: z.string().nullable(),
  name: z.string().nullable(),
  count: z.number(),
  drill,
});

export const dashboardSchema = z.object({
  year: z.number(),
  /** The China Standard Time day the figures are as of (today, or the year's last day for a past year). */
  asOf: z.string(),
  kpis: z.object({
    projects: z.object({ count: z.number(), totalInvestmentYuan: z.number(), drill }),
    annual: timeProgress.extend({ drill }),
    /** 新开工: started (开工) this year up to asOf, of the year's projects; `planned` those whose nature is 新开工. */
    newStarts: z.object({ count: z.number(), drill, planned: z.number(), plannedDrill: drill }),
    warnings: z.object({
      red: z.object({ count: z.number(), drill }),
      yellow: z.object({ count: z.number(), drill }),
      green: z.object({ count: z.number(), drill }),
    }),
    matters: z.object({ open: z.number(), overdue: z.number(), openDrill: drill, overdueDrill: drill }),
  }),
  /** Month by month: planned (the annual plans' months) and completed (approved reports), each with its running sum. */
  monthly: z.array(
    z.object({
      month: z.number(),
      plannedYuan: z.number(),
      completedYuan: z.number(),
      cumulativePlannedYuan: z.number(),
      cumulativeCompletedYuan: z.number(),
    }),
  ),
  byUnit: z.array(progressLine),
  byCategory: z.array(progressLine),
  industries: z.array(
    z.object({ key: z.string().nullable(), name: z.string().nullable(), count: z.number(), totalInvestmentYuan: z.number(), drill }),
  ),
  pools: z.array(z.object({ pool: z.enum(POOLS), count: z.number(), drill })),
  warningsByUnit: z.array(
    z.object({
      key: z.string().nullable(),
      name: z.string().nullable(),
      red: z.number(),
      yellow: z.number(),
      green: z.number(),
      total: z.number(),
      drill,
    }),
  ),
  mattersByState: z.array(z.object({ status: z.enum(MATTER_STATUSES), count: z.number(), drill })),
  /** Red first, then yellow, largest investment first: the projects to look at, with why. */
  attention: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      colour: z.enum(WARNING_COLOURS),
      leadUnitName: z.string(),
      totalInvestmentYuan: z.number().nullable(),
      reasons: z.array(z.string()),
    }),
  ),
  attentionDrill: drill,
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** GET /dashboard/districts: the districts of a city or province reader side by side. */
export const dashboardDistrictsQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const dashboardDistrictsSchema = z.object({
  year: z.number(),
  asOf: z.string(),
  districts: z.array(
    timeProgress.extend({
      regionCode: z.string(),
      name: z.string(),
      projects: z.number(),
      totalInvestmentYuan: z.number(),
      red: z.number(),
      yellow: z.number(),
      openMatters: z.number(),
      overdueMatters: z.number(),
      /** 1 = furthest ahead of time (completion against time); districts without a plan last. */
      rank: z.number(),
      /** The district's dashboard (`/?regionCode=…`) and its project list. */
      drill,
      projectsDrill: drill,
    }),
  ),
});
export type DashboardDistricts = z.infer<typeof dashboardDistrictsSchema>;
