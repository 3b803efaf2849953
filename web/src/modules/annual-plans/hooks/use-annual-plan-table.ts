import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type AnnualPlanParams, annualPlansApi } from '../api/annual-plans-api';

/** Every annual-plan page query starts with this key. */
const ANNUAL_PLAN_TABLE_KEY = ['annual-plan-table'] as const;

/** The year's annual plans of the reader's scope, the previous answer kept while another year or district loads. */
export function useAnnualPlanTable(params: AnnualPlanParams) {
  return useQuery({
    queryKey: [...ANNUAL_PLAN_TABLE_KEY, params],
    queryFn: ({ signal }) => annualPlansApi.table(params, signal),
    placeholderData: keepPreviousData,
  });
}
