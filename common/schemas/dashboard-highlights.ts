import { z } from 'zod';
import { leadStatsLineSchema } from './leads';
import { targetProgressSchema } from './targets';

const districtCode = z.string().regex(/^\d{6}$/, 'format.regionCode');

/** GET /dashboard/highlights: the year (default this year) and, for a city or province reader, the district opened. */
export const dashboardHighlightsQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  regionCode: districtCode.optional(),
});
export type DashboardHighlightsQuery = z.infer<typeof dashboardHighlightsQuery>;

/**
 * The year's new starts against the `new_starts` indicator's target, as the targets page shows it: the district's
 * indicator (or the city's own), else the districts' sum where the comparison of districts adds them up.
 */
export const newStartsTargetSchema = z.object({
  /** `indicator`: one indicator's figures; `districts_sum`: the districts' sum (GET /targets/indicators/by-district's total); `none`: no target. */
  basis: z.enum(['indicator', 'districts_sum', 'none']),
  /** Whose figure it is (天桥区, 济南市); null when there is none. */
  regionName: z.string().nullable(),
  /** The indicator's name on the targets page (新开工项目个数); null when there is none. */
  indicatorName: z.string().nullable(),
  /** The target and the actual to date, decimals as strings (the targets page's); null when none. */
  targetValue: z.string().nullable(),
  actual: z.string().nullable(),
  asOf: z.string().nullable(),
  progress: targetProgressSchema.nullable(),
  /** In words, in the reader's language: 完成年度目标的76.0%，… or why there is no target. */
  standing: z.string(),
  /** The targets page of the year. */
  drill: z.string(),
});

/** The year's attraction funnel: GET /leads/stats's total for the leads signed in the year. */
export const attractionFunnelSchema = z.object({
  total: leadStatsLineSchema,
  /** The conversion page of the year: /leads/stats?year=2026. */
  drill: z.string(),
});

export const dashboardHighlightsSchema = z.object({
  year: z.number().int(),
  /** Null when the reader may not read targets (target.read). */
  newStartsTarget: newStartsTargetSchema.nullable(),
  /** Null when the reader may not read leads (lead.read), or the dashboard is opened on one district (the funnel is the reader's whole scope). */
  attraction: attractionFunnelSchema.nullable(),
});
export type DashboardHighlights = z.infer<typeof dashboardHighlightsSchema>;
