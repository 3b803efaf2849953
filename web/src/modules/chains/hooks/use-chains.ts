import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Chain, type ChainCreateBody, type ChainNodeBody, type PlacementBody, chainsApi } from '../api/chains-api';

export const CHAINS_KEY = ['chains'] as const;

export function useChains(enabled = true) {
  return useQuery({ queryKey: [...CHAINS_KEY, 'list'], queryFn: ({ signal }) => chainsApi.list(signal), enabled });
}

export function useChain(id: string | undefined) {
  return useQuery({
    queryKey: [...CHAINS_KEY, 'one', id],
    queryFn: ({ signal }) => chainsApi.get(id ?? '', signal),
    enabled: !!id,
  });
}

/** Every change to a chain answers the whole chain: it replaces the one shown and refreshes the list's counts. */
function useChainChange<Input>(change: (input: Input) => Promise<Chain>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (chain) => {
      queryClient.setQueryData([...CHAINS_KEY, 'one', chain.id], chain);
      return queryClient.invalidateQueries({ queryKey: [...CHAINS_KEY, 'list'] });
    },
  });
}

export const useCreateChain = () => useChainChange((body: ChainCreateBody) => chainsApi.create(body));
export const useAddNode = (id: string) => useChainChange((body: ChainNodeBody) => chainsApi.addNode(id, body));
export const useUpdateNode = (id: string) =>
  useChainChange(({ nodeId, body }: { nodeId: string; body: Partial<ChainNodeBody> }) => chainsApi.updateNode(id, nodeId, body));
export const useRemoveNode = (id: string) => useChainChange((nodeId: string) => chainsApi.removeNode(id, nodeId));
export const usePlaceEnterprise = (id: string) =>
  useChainChange(({ nodeId, body }: { nodeId: string; body: PlacementBody }) => chainsApi.place(id, nodeId, body));
export const useUnplace = (id: string) => useChainChange((placementId: string) => chainsApi.unplace(id, placementId));
