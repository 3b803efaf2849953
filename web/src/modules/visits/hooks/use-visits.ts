import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MATTERS_KEY } from '../../matters/hooks/use-matters';
import { type VisitCreateBody, type VisitListParams, visitsApi } from '../api/visits-api';

export const VISITS_KEY = ['visits'] as const;

export function useVisits(params: VisitListParams, enabled = true) {
  return useQuery({
    queryKey: [...VISITS_KEY, 'list', params],
    queryFn: ({ signal }) => visitsApi.list(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useVisitStats(by: 'unit' | 'month', enabled = true) {
  return useQuery({ queryKey: [...VISITS_KEY, 'stats', by], queryFn: ({ signal }) => visitsApi.stats(by, signal), enabled });
}

/** Records a visit; its demands are new matters, so the board refreshes too. */
export function useRecordVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitCreateBody) => visitsApi.create(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: VISITS_KEY });
      await queryClient.invalidateQueries({ queryKey: MATTERS_KEY });
    },
  });
}

export function useDeleteVisit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => visitsApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: VISITS_KEY }),
  });
}
