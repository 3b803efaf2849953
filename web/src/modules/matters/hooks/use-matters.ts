import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MatterListParams, type MatterStep, mattersApi } from '../api/matters-api';

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
    mutationFn: ({ path, version, text }: { path: MatterStep['path']; version: number; text?: string }) =>
      mattersApi.step(id, path, { version, ...(text ? { text } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MATTERS_KEY }),
  });
}
