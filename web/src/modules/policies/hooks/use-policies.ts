import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PolicyDeliveryState } from '../../../../../common/enums';
import { type PolicyCreateBody, type PolicyUpdateBody, policiesApi } from '../api/policies-api';

export const POLICIES_KEY = ['policies'] as const;

export function usePolicies(params: { q?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: [...POLICIES_KEY, 'list', params],
    queryFn: ({ signal }) => policiesApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePolicy(id: string) {
  return useQuery({ queryKey: [...POLICIES_KEY, 'one', id], queryFn: ({ signal }) => policiesApi.get(id, signal) });
}

export function usePolicyFits(id: string) {
  return useQuery({ queryKey: [...POLICIES_KEY, 'fits', id], queryFn: ({ signal }) => policiesApi.fits(id, signal) });
}

/** Deliveries of a policy, or the policies an enterprise received (its page; only for readers of policies). */
export function usePolicyDeliveries(params: { policyId?: string; enterpriseId?: string }, enabled = true) {
  return useQuery({
    queryKey: [...POLICIES_KEY, 'deliveries', params],
    queryFn: ({ signal }) => policiesApi.deliveries({ ...params, pageSize: 200 }, signal),
    enabled,
  });
}

function useInvalidating<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => queryClient.invalidateQueries({ queryKey: POLICIES_KEY }) });
}

export const useSavePolicy = () =>
  useInvalidating(({ id, body }: { id: string | null; body: PolicyCreateBody | PolicyUpdateBody }) =>
    id === null ? policiesApi.create(body as PolicyCreateBody) : policiesApi.update(id, body as PolicyUpdateBody),
  );

export const usePushPolicy = () =>
  useInvalidating(({ id, enterpriseIds }: { id: string; enterpriseIds: string[] }) => policiesApi.push(id, enterpriseIds));

export const useMoveDelivery = () =>
  useInvalidating(({ id, state, version }: { id: string; state: PolicyDeliveryState; version: number }) =>
    policiesApi.moveDelivery(id, { state, version }),
  );
