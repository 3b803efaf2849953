import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LeadStage } from '../../../../../common/enums';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import {
  type FollowUpBody,
  type LeadCreateBody,
  type LeadListParams,
  type LeadSignBody,
  type LeadStatsParams,
  type LeadUpdateBody,
  leadsApi,
} from '../api/leads-api';

/** Every leads query starts with this key: a change refreshes the board, the lead and the project's tab. */
export const LEADS_KEY = ['leads'] as const;

export function useLeads(params: LeadListParams, enabled = true) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'list', params],
    queryFn: ({ signal }) => leadsApi.list(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The conversion figures; refreshed with the board (a move or a signing changes them). */
export function useLeadStats(params: LeadStatsParams) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'stats', params],
    queryFn: ({ signal }) => leadsApi.stats(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string) {
  return useQuery({ queryKey: [...LEADS_KEY, 'one', id], queryFn: ({ signal }) => leadsApi.get(id, signal) });
}

export function useLeadEvents(enabled = true) {
  return useQuery({ queryKey: [...LEADS_KEY, 'events'], queryFn: ({ signal }) => leadsApi.events(signal), staleTime: 60_000, enabled });
}

function useLeadMutation<A, R>(run: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: LEADS_KEY });
      // Signing creates or links a project: the library and its pages refresh too.
      await queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
    },
  });
}

export const useSaveLead = () =>
  useLeadMutation(({ id, body }: { id: string | null; body: LeadCreateBody | LeadUpdateBody }) =>
    id ? leadsApi.update(id, body as LeadUpdateBody) : leadsApi.create(body as LeadCreateBody),
  );
export const useMoveLead = (id: string) =>
  useLeadMutation((body: { to: LeadStage; version: number; reason?: string | null }) => leadsApi.move(id, body));
export const useSignLead = (id: string) => useLeadMutation((body: LeadSignBody) => leadsApi.sign(id, body));
export const useFollowUpLead = (id: string) => useLeadMutation((body: FollowUpBody) => leadsApi.followUp(id, body));
