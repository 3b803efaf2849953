import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import {
  type MissingReportsParams,
  type PeriodListParams,
  type ReportFillBody,
  type ReportListParams,
  reportsApi,
} from '../api/reports-api';

/** Every ledger query starts with this key: a write refreshes periods, their counts, 未报送 and the report lists. */
export const REPORTS_KEY = ['reports'] as const;

export function usePeriods(params: PeriodListParams) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'periods', params],
    queryFn: ({ signal }) => reportsApi.periods(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePeriod(id: string) {
  return useQuery({ queryKey: [...REPORTS_KEY, 'period', id], queryFn: ({ signal }) => reportsApi.period(id, signal) });
}

/** 未报送's counts per unit (no report rows). */
export function useMissing(id: string) {
  return useQuery({ queryKey: [...REPORTS_KEY, 'missing', id], queryFn: ({ signal }) => reportsApi.missing(id, signal) });
}

/** One page of 未报送's reports, of one unit when `unitId` is given. */
export function useMissingReports(id: string, params: MissingReportsParams) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'missing-reports', id, params],
    queryFn: ({ signal }) => reportsApi.missingReports(id, params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReports(params: ReportListParams, enabled = true) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'list', params],
    queryFn: ({ signal }) => reportsApi.reports(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The reports of every open period the user's unit owes (its own and, in its scope, the others it may see). */
export function useOpenPeriodReports(responsibleUnitId: string | undefined) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'open-reports', responsibleUnitId],
    queryFn: async ({ signal }) => {
      const periods = await reportsApi.periods({ status: 'open', pageSize: 50 }, signal);
      const lists = await Promise.all(
        periods.items.map((period) => reportsApi.reports({ periodId: period.id, responsibleUnitId, pageSize: 200 }, signal)),
      );
      return { periods: periods.items, reports: lists.flatMap((list) => list.items) };
    },
  });
}

export function useReport(id: string | null) {
  return useQuery({
    queryKey: [...REPORTS_KEY, 'report', id],
    queryFn: ({ signal }) => reportsApi.report(id as string, signal),
    enabled: id !== null,
  });
}

/** A write to the ledger: afterwards every ledger query (and the project, whose plan approval may move) is read again. */
function useLedgerMutation<Input, Output>(write: (input: Input) => Promise<Output>, touchesProjects = false) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      if (touchesProjects) await queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
    },
  });
}

export const useOpenPeriod = () => useLedgerMutation(reportsApi.openPeriod);
export const useClosePeriod = () =>
  useLedgerMutation(({ id, version }: { id: string; version: number }) => reportsApi.closePeriod(id, version));
export const useReopenPeriod = () =>
  useLedgerMutation(({ id, version, reason }: { id: string; version: number; reason: string }) =>
    reportsApi.reopenPeriod(id, version, reason),
  );
export const useAddPeriodProject = () =>
  useLedgerMutation(({ id, projectId }: { id: string; projectId: string }) => reportsApi.addProject(id, projectId));
export const useRemovePeriodProject = () =>
  useLedgerMutation(({ id, projectId }: { id: string; projectId: string }) => reportsApi.removeProject(id, projectId));
export const useFillReport = () => useLedgerMutation(({ id, body }: { id: string; body: ReportFillBody }) => reportsApi.fill(id, body));
export const useSubmitReport = () =>
  useLedgerMutation(({ id, version, confirmLarge }: { id: string; version: number; confirmLarge?: boolean }) =>
    reportsApi.submit(id, { version, ...(confirmLarge ? { confirmLarge } : {}) }),
  );
export const useApproveReport = () =>
  useLedgerMutation(({ id, version }: { id: string; version: number }) => reportsApi.approve(id, version), true);
export const useReturnReport = () =>
  useLedgerMutation(({ id, version, reason }: { id: string; version: number; reason: string }) =>
    reportsApi.returnReport(id, { version, reason }),
  );
export const useRemindMissing = () => useLedgerMutation((id: string) => reportsApi.remind(id));
