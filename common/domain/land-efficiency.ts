// 亩均效益: how much tax and output an industrial enterprise yields per 亩 of land it uses, and the class (A/B/C/D) a
// district gives it by its yearly thresholds. Pure: no database, no zod. Money is whole 元 (as everywhere in the API);
// land is 亩 and the thresholds 万元/亩, both with two decimals; the class is decided in whole numbers, never in floats,
// so an enterprise exactly at a threshold meets it.

export const LAND_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type LandClass = (typeof LAND_CLASSES)[number];
/** The classes a threshold is set for; D is whatever meets none. */
export const GRADED_CLASSES = ['A', 'B', 'C'] as const;
export type GradedClass = (typeof GRADED_CLASSES)[number];

/** The minimum tax and output per 亩 (万元/亩) of one class. */
export type ClassMinimum = { taxWanPerMu: number; outputWanPerMu: number };
/** A district's thresholds for a year: the minima of A, B and C. */
export type LandThresholds = Record<GradedClass, ClassMinimum>;

/** An enterprise's figures for a year: land used (亩, > 0), tax and output (元, ≥ 0), energy (吨标准煤, when known). */
export type LandFigures = { landMu: number; taxYuan: number; outputYuan: number; energyTce: number | null };

/** The GB/T 4754 sections that make an enterprise industrial: B 采矿业, C 制造业, D 电力、热力、燃气及水生产和供应业. */
export const INDUSTRIAL_SECTIONS = ['B', 'C', 'D'] as const;

/**
 * Whether an industry code (a GB/T 4754 section letter or a two-digit division) is industrial: the sections B, C, D,
 * whose divisions are 06–46 (B 06–12, C 13–43, D 44–46). An enterprise without an industry is not.
 */
export function isIndustrialCode(code: string | null | undefined): boolean {
  if (!code) return false;
  if ((INDUSTRIAL_SECTIONS as readonly string[]).includes(code)) return true;
  if (!/^\d{2}$/.test(code)) return false;
  const division = Number(code);
  return division >= 6 && division <= 46;
}

/** The same rule as a regular expression over the code, for a database query (`~`). */
export const INDUSTRIAL_CODE_PATTERN = '^(B|C|D|0[6-9]|[1-3][0-9]|4[0-6])$';

/** A measure with two decimals as a whole number of hundredths (12.34 → 1234), as the database keeps it. */
const hundredths = (value: number): bigint => BigInt(Math.round(value * 100));

/** Whether `amountYuan` over `landMu` reaches `minWanPerMu`: yuan ≥ (万元/亩 × 100) × (亩 × 100), exactly. */
function reaches(amountYuan: number, landMu: number, minWanPerMu: number): boolean {
  // minWanPerMu × 10000 元 × landMu = (min × 100) × (land × 100) 元.
  return BigInt(Math.round(amountYuan)) >= hundredths(minWanPerMu) * hundredths(landMu);
}

/** The problems of a set of thresholds: a negative minimum, or a class asking less than the one below it. */
export type ThresholdProblem =
  | { path: `${GradedClass}.${keyof ClassMinimum}`; code: 'negative' }
  | { path: `${GradedClass}.${keyof ClassMinimum}`; code: 'below_lower_class'; lower: GradedClass };

/** Checks thresholds: every minimum ≥ 0, and A ≥ B ≥ C on tax and on output. Empty when they are sound. */
export function thresholdProblems(thresholds: LandThresholds): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  const measures = ['taxWanPerMu', 'outputWanPerMu'] as const;
  for (const grade of GRADED_CLASSES) {
    for (const measure of measures) {
      if (!(thresholds[grade][measure] >= 0)) problems.push({ path: `${grade}.${measure}`, code: 'negative' });
    }
  }
  const pairs = [
    ['A', 'B'],
    ['B', 'C'],
  ] as const;
  for (const [upper, lower] of pairs) {
    for (const measure of measures) {
      if (hundredths(thresholds[upper][measure]) < hundredths(thresholds[lower][measure])) {
        problems.push({ path: `${upper}.${measure}`, code: 'below_lower_class', lower });
      }
    }
  }
  return problems;
}

/** Refuses land that is not a positive number of 亩 (the per-亩 figures would be meaningless). */
function requireLand(landMu: number) {
  if (!(landMu > 0) || !Number.isFinite(landMu)) throw new RangeError(`land must be more than 0 亩: ${landMu}`);
}

/**
 * The class of an enterprise's year: the best of A, B, C whose minimum tax per 亩 and minimum output per 亩 it both
 * reaches (a figure exactly at the minimum reaches it), else D.
 */
export function landClass(figures: Pick<LandFigures, 'landMu' | 'taxYuan' | 'outputYuan'>, thresholds: LandThresholds): LandClass {
  requireLand(figures.landMu);
  for (const grade of GRADED_CLASSES) {
    const minimum = thresholds[grade];
    if (
      reaches(figures.taxYuan, figures.landMu, minimum.taxWanPerMu) &&
      reaches(figures.outputYuan, figures.landMu, minimum.outputWanPerMu)
    ) {
      return grade;
    }
  }
  return 'D';
}

/** 万元 per 亩 rounded half up to two decimals, as a number. */
function wanPerMu(amountYuan: number, landMu: number): number {
  // Hundredths of 万元 per 亩 = yuan / (100 × land), i.e. yuan × 100 / (land × 100) / 100 → round(yuan / landHundredths).
  const land = hundredths(landMu);
  const yuan = BigInt(Math.round(amountYuan));
  const q = (yuan * 2n + land) / (2n * land); // round half up of yuan / land (hundredths of 万元 per 亩)
  return Number(q) / 100;
}

/** The per-亩 figures of a year: tax and output 万元/亩, output 万元 per 吨标准煤 (null without energy or at zero energy). */
export type PerMuFigures = { taxWanPerMu: number; outputWanPerMu: number; outputWanPerTce: number | null };

/** Tax and output per 亩 (万元/亩, two decimals) and output per tonne of standard coal (万元/吨标准煤). */
export function perMuFigures(figures: LandFigures): PerMuFigures {
  requireLand(figures.landMu);
  const energy = figures.energyTce;
  return {
    taxWanPerMu: wanPerMu(figures.taxYuan, figures.landMu),
    outputWanPerMu: wanPerMu(figures.outputYuan, figures.landMu),
    outputWanPerTce: energy !== null && energy > 0 ? wanPerMu(figures.outputYuan, energy) : null,
  };
}

/** How many enterprises fall in each class. */
export function countByClass(classes: readonly LandClass[]): Record<LandClass, number> {
  const counts: Record<LandClass, number> = { A: 0, B: 0, C: 0, D: 0 };
  for (const c of classes) counts[c] += 1;
  return counts;
}
