import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpportunityAction } from '../../../../../common/domain/opportunities';
import type { OpportunityKind } from '../../../../../common/enums';
import {
  type OpportunityCreateBody,
  type OpportunityListParams,
  type OpportunityUpdateBody,
  opportunitiesApi,
} from '../api/opportunities-api';

/** Every staff query of the list starts with this key: any change refreshes the list and its counts. */
export const OPPORTUNITIES_KEY = ['opportunities'] as const;

export function useOpportunities(params: OpportunityListParams) {
  return useQuery({
    queryKey: [...OPPORTUNITIES_KEY, 'list', params],
    queryFn: ({ signal }) => opportunitiesApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Saves an item: drafts a new one (no id) or edits one at the version read. */
export function useSaveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: OpportunityCreateBody | OpportunityUpdateBody }) =>
      id ? opportunitiesApi.update(id, body as OpportunityUpdateBody) : opportunitiesApi.create(body as OpportunityCreateBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OPPORTUNITIES_KEY }),
  });
}

export function useDeleteOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => opportunitiesApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OPPORTUNITIES_KEY }),
  });
}

/** Makes one move of the review loop at the version read. */
export function useMoveOpportunity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, version, reason }: { id: string; action: OpportunityAction; version: number; reason?: string }) =>
      opportunitiesApi.move(id, action, { version, ...(reason ? { reason } : {}) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: OPPORTUNITIES_KEY }),
  });
}

/** The public list, signed out. */
export function usePublicOpportunities(kind: OpportunityKind | undefined) {
  return useQuery({
    queryKey: ['public-opportunities', kind ?? 'all'],
    queryFn: ({ signal }) => opportunitiesApi.publicList({ kind, pageSize: 100 }, signal),
    retry: false,
  });
}
