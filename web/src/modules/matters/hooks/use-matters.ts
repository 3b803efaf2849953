import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { REPORTS_KEY } from '../../reports/hooks/use-reports';
import { type MatterCreateBody, type MatterListParams, type MatterStep, mattersApi } from '../api/matters-api';

/** Every matters query starts with this key: a step refreshes the board, the matter and the statistics. */
export const MATTERS_KEY = ['matters'] as const;

export function useMatters(params: MatterListParams) {
  return useQuery({
    queryKey: [...MATTERS_KEY, 'list', params],
    queryFn: ({ signal }) => mattersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMatter(id: string) {
  return useQuery({ queryKey: [...MATTERS_KEY, 'one', id], queryFn: ({ signal }) => mattersApi.get(id, signal) });
}

export function useMatterStats(by: 'unit' | 'category' | 'source') {
  return useQuery({ queryKey: [...MATTERS_KEY, 'stats', by], queryFn: ({ signal }) => mattersApi.stats(by, signal) });
}

/** Takes one step of a matter's loop at the version read. */
export function useMatterStep(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      path,
      version,
      text,
      attachmentIds,
    }: {
      path: MatterStep['path'];
      version: number;
      text?: string;
      attachmentIds?: string[];
    }) => mattersApi.step(id, path, { version, ...(text ? { text } : {}), ...(attachmentIds?.length ? { attachmentIds } : {}) }),
    // The matter's files follow its state too (closed: no more adding).
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: MATTERS_KEY }),
        queryClient.invalidateQueries({ queryKey: ['attachments', 'matter', id] }),
      ]),
  });
}

/** 改派: another lead unit or deadline for an open matter, with the reason. */
export function useReassignMatter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Parameters<typeof mattersApi.reassign>[1] }) => mattersApi.reassign(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MATTERS_KEY }),
  });
}

/** Raises and assigns (交办) a matter; the board, the project's tab and the statistics refresh. */
export function useRaiseMatter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MatterCreateBody) => mattersApi.create(body),
    onSuccess: async (_, body) => {
      await queryClient.invalidateQueries({ queryKey: MATTERS_KEY });
      // Raised from a report: the report now lists it.
      if (body.sourceReportId) await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
    },
  });
}
