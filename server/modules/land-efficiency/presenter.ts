import type { LandFigures, Thresholds } from '../../../common/schemas/land-efficiency';
import type { LandFiguresRecord, ThresholdsRecord } from './repository';
import { type evaluate, thresholdsOfRecord } from './service';

/** A year of an enterprise's figures as the API answers it. */
export function presentFigures(row: LandFiguresRecord, evaluated: ReturnType<typeof evaluate>): LandFigures {
  return {
    year: row.year,
    landMu: row.landMu,
    taxYuan: row.taxYuan,
    outputYuan: row.outputYuan,
    energyTce: row.energyTce,
    ...evaluated,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A district's thresholds of a year as the API answers them. */
export function presentThresholds(row: ThresholdsRecord): Thresholds {
  return {
    regionCode: row.regionCode,
    year: row.year,
    ...thresholdsOfRecord(row),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
