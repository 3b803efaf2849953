import type { AnnualPlanGroup, AnnualPlanTable, AnnualPlanTableRow } from '../../../../../common/schemas/annual-plan-table';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';

export type { AnnualPlanGroup, AnnualPlanTable, AnnualPlanTableRow };
export type AnnualPlanParams = { year: number; regionCode?: string | undefined; q?: string | undefined };

/** The district's annual plan of a year (年度投资计划) and its workbook. */
export const annualPlansApi = {
  table: (params: AnnualPlanParams, signal?: AbortSignal) => api.get<AnnualPlanTable>('/annual-plans', params, { signal }),
  /** The same year as .xlsx (by project, unit, category, 未填报); answers the file name. */
  exportTable: (params: AnnualPlanParams) => downloadFile('/annual-plans/export.xlsx', params),
};
