import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitmentKind } from '../../../../../common/enums';
import { targetsApi } from '../api/targets-api';

/** Every targets query starts with this key: a save refreshes the lists and the records. */
export const TARGETS_KEY = ['targets'] as const;

export function useIndicators(year: number) {
  return useQuery({ queryKey: [...TARGETS_KEY, 'indicators', year], queryFn: ({ signal }) => targetsApi.indicators(year, signal) });
}

/** The year's indicators district by district (a city or province reader's comparison); asked only when `enabled`. */
export function useIndicatorComparison(year: number, enabled: boolean) {
  return useQuery({
    queryKey: [...TARGETS_KEY, 'by-district', year],
    queryFn: ({ signal }) => targetsApi.indicatorsByDistrict(year, signal),
    enabled,
  });
}

export function useIndicator(id: string | null) {
  return useQuery({
    queryKey: [...TARGETS_KEY, 'indicator', id],
    queryFn: ({ signal }) => targetsApi.indicator(id ?? '', signal),
    enabled: !!id,
  });
}

export function useCommitments(kind: CommitmentKind, year: number) {
  return useQuery({
    queryKey: [...TARGETS_KEY, 'commitments', kind, year],
    queryFn: ({ signal }) => targetsApi.commitments(kind, year, signal),
  });
}

export function useCommitment(id: string | null) {
  return useQuery({
    queryKey: [...TARGETS_KEY, 'commitment', id],
    queryFn: ({ signal }) => targetsApi.commitment(id ?? '', signal),
    enabled: !!id,
  });
}

/** Any targets write; refreshes every targets query on success. */
export function useTargetsMutation<A, R>(write: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => queryClient.invalidateQueries({ queryKey: TARGETS_KEY }) });
}
