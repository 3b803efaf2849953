import type { z } from 'zod';
import type {
  EnterpriseLandFigures,
  LandByDistrict,
  LandByDistrictRow,
  LandFigures,
  LandTable,
  LandTableRow,
  landFiguresBody,
  Thresholds,
  thresholdsBody,
} from '../../../../../common/schemas/land-efficiency';
import type { LandClass } from '../../../../../common/domain/land-efficiency';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';

export type { EnterpriseLandFigures, LandByDistrict, LandByDistrictRow, LandClass, LandFigures, LandTable, LandTableRow, Thresholds };
export type LandFiguresBody = z.input<typeof landFiguresBody>;
export type ThresholdsBody = z.input<typeof thresholdsBody>;
export type LandTableParams = {
  year: number;
  regionCode?: string | undefined;
  landClass?: LandClass | undefined;
  sort?: string | undefined;
};

/** 亩均效益: an enterprise's years, the district's year table, the district's thresholds. */
export const landEfficiencyApi = {
  enterpriseYears: (id: string, signal?: AbortSignal) =>
    api.get<EnterpriseLandFigures>(`/enterprises/${id}/land-figures`, undefined, { signal }),
  saveYear: (id: string, year: number, body: LandFiguresBody) => api.put<LandFigures>(`/enterprises/${id}/land-figures/${year}`, body),
  removeYear: (id: string, year: number) => api.delete<{ ok: true }>(`/enterprises/${id}/land-figures/${year}`),
  table: (params: LandTableParams, signal?: AbortSignal) => api.get<LandTable>('/land-efficiency', params, { signal }),
  /** A city's (or province's) districts side by side: classes by each district's thresholds, Σ ÷ Σ per 亩, the total. */
  byDistrict: (params: { year: number; regionCode?: string | undefined }, signal?: AbortSignal) =>
    api.get<LandByDistrict>('/land-efficiency/by-district', params, { signal }),
  saveThresholds: (year: number, body: ThresholdsBody) => api.put<Thresholds>(`/land-efficiency/thresholds/${year}`, body),
  /** The district's year as .xlsx (the table's filter and order), with the class and per-亩 values. */
  exportTable: (params: LandTableParams) => downloadFile('/land-efficiency/export.xlsx', params),
};
