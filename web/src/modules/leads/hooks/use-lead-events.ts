import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type LeadEventCreateBody, type LeadEventListParams, type LeadEventUpdateBody, leadEventsApi } from '../api/lead-events-api';
import { LEADS_KEY } from './use-leads';

/** A page of the trips and fairs, each with how many leads it produced. */
export function useLeadEventList(params: LeadEventListParams) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'events', 'list', params],
    queryFn: ({ signal }) => leadEventsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Records or edits a trip or fair; the lists, the lead form's picker and the board's filter refresh. */
export function useSaveLeadEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: LeadEventCreateBody | LeadEventUpdateBody }) =>
      id ? leadEventsApi.update(id, body as LeadEventUpdateBody) : leadEventsApi.create(body as LeadEventCreateBody),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LEADS_KEY }),
  });
}
