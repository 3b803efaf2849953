import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiTokenCreateBody, tokensApi } from '../api/tokens-api';

const TOKENS_KEY = ['tokens'] as const;

/** The signed-in user's own API tokens. */
export function useTokens() {
  return useQuery({ queryKey: TOKENS_KEY, queryFn: async ({ signal }) => (await tokensApi.list(signal)).items });
}

/** Creates a token; the answer holds the secret, shown once. */
export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiTokenCreateBody) => tokensApi.create(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}

/** Revokes a token at once. */
export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => tokensApi.revoke(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });
}
