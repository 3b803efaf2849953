import type { DistrictYearRow } from './repository';
import type { evaluate } from './service';

/** A row of the district table's export: the enterprise, its figures of the year, per-亩 values and class. */
export type LandExportRow = DistrictYearRow & {
  figures: NonNullable<DistrictYearRow['figures']>;
  year: number;
} & ReturnType<typeof evaluate>;

/** A column of the 亩均效益 sheet for a row: the enterprise's name and code, the year's figures, the computed values. */
export function landTableCellValue(key: string, row: LandExportRow): unknown {
  switch (key) {
    case 'enterprise':
      return row.name;
    case 'enterpriseUscc':
      return row.uscc;
    case 'year':
      return row.year;
    case 'landMu':
    case 'taxYuan':
    case 'outputYuan':
    case 'energyTce':
      return row.figures[key];
    case 'landClass':
      // A year without thresholds is not graded: 未定档, as the page says.
      return row.landClass ?? '未定档';
    case 'taxWanPerMu':
      return row.taxWanPerMu;
    case 'outputWanPerMu':
      return row.outputWanPerMu;
    case 'outputWanPerTce':
      return row.outputWanPerTce;
    default:
      return null;
  }
}
