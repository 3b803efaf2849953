import { z } from 'zod';
import { LAND_CLASSES } from '../domain/land-efficiency';
import { regionCode } from './organisation';
import { yuanAmount } from './projects';
import { abilities, version } from './shared';

export { LAND_CLASSES };

/** A measure with at most two decimals (the database's scale), so what is classed is what is stored. */
const twoDecimals = (value: number) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
const measure = (max: number) =>
  z.number().min(0, 'format.notNegative').max(max, 'format.tooLarge').refine(twoDecimals, 'landEfficiency.two_decimals');

/** A year of 亩均效益 figures: 2000–2100. */
export const landYear = z.coerce.number().int('landEfficiency.year').min(2000, 'landEfficiency.year').max(2100, 'landEfficiency.year');
export const landYearParam = z.strictObject({ id: z.uuid(), year: landYear });

/** An enterprise's figures for a year as written: land in 亩 (> 0), tax and output in 元, energy in 吨标准煤 (optional). */
export const landFiguresBody = z.strictObject({
  landMu: measure(10_000_000).refine((v) => v > 0, 'landEfficiency.land_positive'),
  taxYuan: yuanAmount,
  outputYuan: yuanAmount,
  energyTce: measure(100_000_000).nullable().default(null),
  /** The version read when correcting a year already entered; left out when adding a year. */
  version: version.optional(),
});
export type LandFiguresBody = z.infer<typeof landFiguresBody>;

const perMu = {
  /** 万元 per 亩, two decimals. */
  taxWanPerMu: z.number(),
  outputWanPerMu: z.number(),
  /** 万元 of output per 吨标准煤; null without energy. */
  outputWanPerTce: z.number().nullable(),
  /** The class by the district's thresholds of the year; null when the district has set none for it. */
  landClass: z.enum(LAND_CLASSES).nullable(),
};

export const landFiguresSchema = z.object({
  year: z.number().int(),
  landMu: z.number(),
  taxYuan: z.number(),
  outputYuan: z.number(),
  energyTce: z.number().nullable(),
  ...perMu,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type LandFigures = z.infer<typeof landFiguresSchema>;

/** An enterprise's years, newest first, and whether figures may be kept for it at all (local and industrial). */
export const enterpriseLandFiguresSchema = z.object({
  items: z.array(landFiguresSchema),
  /** null when the enterprise may have figures; else why not. */
  notApplicable: z.enum(['not_local', 'not_industrial']).nullable(),
  abilities,
});
export type EnterpriseLandFigures = z.infer<typeof enterpriseLandFiguresSchema>;

const classMinimum = z.strictObject({ taxWanPerMu: measure(1_000_000), outputWanPerMu: measure(10_000_000) });
export const thresholdsFields = { A: classMinimum, B: classMinimum, C: classMinimum };

/** A district's thresholds for a year: A ≥ B ≥ C on tax and on output per 亩 (万元/亩). */
export const thresholdsBody = z.strictObject({
  ...thresholdsFields,
  /** The district; the writer's own when left out. */
  regionCode: regionCode.optional(),
  /** The version read when changing thresholds already set; left out when setting them first. */
  version: version.optional(),
});
export type ThresholdsBody = z.infer<typeof thresholdsBody>;
export const thresholdsParam = z.strictObject({ year: landYear });

const minimumOut = z.object({ taxWanPerMu: z.number(), outputWanPerMu: z.number() });
export const thresholdsSchema = z.object({
  regionCode: z.string(),
  year: z.number().int(),
  A: minimumOut,
  B: minimumOut,
  C: minimumOut,
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

/** The district's year table: order by class, per-亩 values or name; filter by class. */
export const LAND_TABLE_SORTS = ['class', 'taxPerMu', 'outputPerMu', 'outputPerTce', 'name', 'landMu'] as const;
export const landTableQuery = z.strictObject({
  year: landYear,
  regionCode: regionCode.optional(),
  landClass: z.enum(LAND_CLASSES).optional(),
  sort: z
    .string()
    .regex(/^-?(class|taxPerMu|outputPerMu|outputPerTce|name|landMu)$/, 'format.sort')
    .optional(),
});
export type LandTableQuery = z.infer<typeof landTableQuery>;

const enterpriseRef = { enterpriseId: z.string(), name: z.string(), industryName: z.string().nullable() };
export const landTableRowSchema = z.object({
  ...enterpriseRef,
  landMu: z.number(),
  taxYuan: z.number(),
  outputYuan: z.number(),
  energyTce: z.number().nullable(),
  ...perMu,
});
export type LandTableRow = z.infer<typeof landTableRowSchema>;

export const landTableSchema = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  regionName: z.string(),
  thresholds: thresholdsSchema.nullable(),
  /** Enterprises per class (all with figures, whatever the class filter); zeros when no thresholds are set. */
  counts: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() }),
  items: z.array(landTableRowSchema),
  /** Local industrial enterprises of the district with no figures for the year. */
  missing: z.array(z.object(enterpriseRef)),
  abilities,
});
export type LandTable = z.infer<typeof landTableSchema>;

export const thresholdsQuery = z.strictObject({ regionCode: regionCode.optional() });
export const thresholdsListSchema = z.object({ items: z.array(thresholdsSchema), abilities });

/** The districts side by side: the year, and the city or province (or district) to compare under; the reader's own by default. */
export const landByDistrictQuery = z.strictObject({ year: landYear, regionCode: regionCode.optional() });
export type LandByDistrictQuery = z.infer<typeof landByDistrictQuery>;

const classCounts = z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() });
const districtSums = {
  /** Enterprises per class by the district's own thresholds; zeros when it set none for the year. */
  counts: classCounts,
  /** Enterprises with figures for the year (all of them graded once the district has thresholds). */
  withFigures: z.number().int(),
  /** Local industrial enterprises without figures for the year. */
  missing: z.number().int(),
  /** Σ land (亩), Σ tax and Σ output (元) over the enterprises with figures. */
  landMu: z.number(),
  taxYuan: z.number(),
  outputYuan: z.number(),
  /** Σ tax ÷ Σ land and Σ output ÷ Σ land, 万元/亩 (not an average of the enterprises' ratios); null with no figures. */
  taxWanPerMu: z.number().nullable(),
  outputWanPerMu: z.number().nullable(),
};
export const landByDistrictRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** The district's own thresholds of the year (its classes are by them), or null when it set none. */
  thresholds: z.object({ A: minimumOut, B: minimumOut, C: minimumOut }).nullable(),
  ...districtSums,
});
export type LandByDistrictRow = z.infer<typeof landByDistrictRowSchema>;
export const landByDistrictSchema = z.object({
  year: z.number().int(),
  /** The region compared under: a city's or province's (its districts), or the district reader's own district. */
  regionCode: z.string(),
  regionName: z.string(),
  regionLevel: z.enum(['province', 'city', 'district']),
  items: z.array(landByDistrictRowSchema),
  /** The sums over every row (全市合计 / 全省合计): counts added, per-亩 figures Σ ÷ Σ over all the enterprises. */
  total: z.object(districtSums),
});
export type LandByDistrict = z.infer<typeof landByDistrictSchema>;
