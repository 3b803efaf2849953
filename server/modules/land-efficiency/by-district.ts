import { eq } from 'drizzle-orm';
import { type LandClass, landClass, perMuFigures } from '../../../common/domain/land-efficiency';
import type { LandByDistrict, LandByDistrictQuery } from '../../../common/schemas/land-efficiency';
import type { Executor } from '../../db/client';
import { regions } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { AppError, notFound } from '../../lib/errors';
import { pathInJurisdiction } from '../../lib/scope';
import { actorDistrict } from '../regions';
import { districtsUnder, districtsYear, thresholdsOfDistricts } from './repository';
import { thresholdsOfRecord } from './service';

// A city's (or province's) view of its districts' 亩均效益 side by side (issue 17). Each district is classed by its own
// thresholds of the year, with the same domain function as the district's own page, so the counts agree with it; the
// per-亩 figures of a district and of the total are Σ tax ÷ Σ land and Σ output ÷ Σ land over the enterprises with
// figures — not an average of their ratios, which would weigh a 5-亩 workshop like a 500-亩 plant.

type Area = { code: string; name: string; path: string; level: 'province' | 'city' | 'district' };

/**
 * The region compared under. A district's (or street's) reader: his own district only (naming another → not found);
 * a city or province reader: his own region or a city or district in his jurisdiction (else not found).
 */
async function comparisonArea(db: Executor, ctx: RequestContext, regionCode: string | undefined): Promise<Area> {
  const { actor } = ctx;
  const own = await actorDistrict(db, actor);
  if (own) {
    if (regionCode && regionCode !== own.code) throw notFound();
    return { ...own, level: 'district' };
  }
  const [region] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path, level: regions.level })
    .from(regions)
    .where(eq(regions.code, regionCode ?? actor.regionCode));
  if (!region) throw regionCode ? notFound() : new AppError(422, 'no_district', 'landEfficiency.no_district');
  if (region.level === 'street' || !pathInJurisdiction(actor, region.path)) throw notFound();
  return { code: region.code, name: region.name, path: region.path, level: region.level };
}

type Sums = {
  counts: Record<LandClass, number>;
  withFigures: number;
  missing: number;
  landHundredths: number;
  tax: number;
  output: number;
};
const emptySums = (): Sums => ({ counts: { A: 0, B: 0, C: 0, D: 0 }, withFigures: 0, missing: 0, landHundredths: 0, tax: 0, output: 0 });

// Land is stored to the hundredth of a 亩: added in hundredths, so 0.1 + 0.2 is 0.3.
const present = (s: Sums) => {
  const landMu = s.landHundredths / 100;
  const perMu = s.landHundredths > 0 ? perMuFigures({ landMu, taxYuan: s.tax, outputYuan: s.output, energyTce: null }) : null;
  return {
    counts: s.counts,
    withFigures: s.withFigures,
    missing: s.missing,
    landMu,
    taxYuan: Math.round(s.tax * 100) / 100,
    outputYuan: Math.round(s.output * 100) / 100,
    taxWanPerMu: perMu?.taxWanPerMu ?? null,
    outputWanPerMu: perMu?.outputWanPerMu ?? null,
  };
};

/** The year's classes, enterprises without figures and per-亩 sums of every district in reach under the area, and their total. */
export async function landByDistrict(db: Executor, ctx: RequestContext, query: LandByDistrictQuery): Promise<LandByDistrict> {
  const area = await comparisonArea(db, ctx, query.regionCode);
  const districts = await districtsUnder(db, ctx.actor, area.path);
  const codes = districts.map((d) => d.code);
  const [thresholdRows, enterpriseRows] = await Promise.all([
    thresholdsOfDistricts(db, codes, query.year),
    districtsYear(db, ctx.actor, codes, query.year),
  ]);
  const thresholds = new Map(thresholdRows.map((row) => [row.regionCode, thresholdsOfRecord(row)]));
  const sums = new Map(codes.map((code) => [code, emptySums()]));
  const total = emptySums();
  for (const { regionCode, figures } of enterpriseRows) {
    const own = sums.get(regionCode);
    if (!own) continue;
    for (const s of [own, total]) {
      if (!figures) {
        s.missing += 1;
        continue;
      }
      s.withFigures += 1;
      s.landHundredths += Math.round(figures.landMu * 100);
      s.tax += figures.taxYuan;
      s.output += figures.outputYuan;
    }
    const minima = thresholds.get(regionCode);
    if (figures && minima) {
      const grade = landClass(figures, minima);
      own.counts[grade] += 1;
      total.counts[grade] += 1;
    }
  }
  return {
    year: query.year,
    regionCode: area.code,
    regionName: area.name,
    regionLevel: area.level,
    items: districts.map((d) => ({
      regionCode: d.code,
      regionName: d.name,
      thresholds: thresholds.get(d.code) ?? null,
      ...present(sums.get(d.code) ?? emptySums()),
    })),
    total: present(total),
  };
}
