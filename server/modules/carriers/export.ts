import { fieldOf } from '../../lib/spreadsheets/record-sheet';
import type { ParcelRow } from './repository';

// The sheet names a 标准地's standards as the API does; the parcel keeps them in its own columns.
const STANDARD_COLUMNS: Record<string, keyof ParcelRow> = {
  investmentIntensityWan: 'stdInvestmentWanPerMu',
  outputPerMuWan: 'stdOutputWanPerMu',
  taxPerMuWan: 'stdTaxWanPerMu',
  plotRatio: 'stdPlotRatio',
  energyPerUnit: 'stdEnergyPerUnit',
};

/** A column of the parcels sheet for a parcel: its field, its park's name, or one of its 标准地 standards. */
export function parcelCellValue(key: string, row: ParcelRow): unknown {
  if (key === 'park') return row.parkName;
  const standard = STANDARD_COLUMNS[key];
  return standard ? (row[standard] ?? null) : fieldOf(key, row);
}
