import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type EnterpriseCreateBody, type EnterpriseListParams, type EnterpriseUpdateBody, enterprisesApi } from '../api/enterprises-api';

/** Every enterprises query starts with this key: a write refreshes the list and the enterprise's page. */
export const ENTERPRISES_KEY = ['enterprises'] as const;

export function useEnterpriseList(params: EnterpriseListParams, enabled = true) {
  return useQuery({
    queryKey: [...ENTERPRISES_KEY, 'list', params],
    queryFn: ({ signal }) => enterprisesApi.list(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEnterprise(id: string) {
  return useQuery({ queryKey: [...ENTERPRISES_KEY, 'one', id], queryFn: ({ signal }) => enterprisesApi.get(id, signal) });
}

/** Adds an enterprise; the answer carries the similar-name warnings. */
export function useCreateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseCreateBody) => enterprisesApi.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY }),
  });
}

/** Edits an enterprise at the version read. */
export function useUpdateEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EnterpriseUpdateBody }) => enterprisesApi.update(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY }),
  });
}

export function useDeleteEnterprise() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => enterprisesApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ENTERPRISES_KEY }),
  });
}
