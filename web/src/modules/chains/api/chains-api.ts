import type { z } from 'zod';
import type { Chain, ChainNode, ChainSummary, chainCreateBody, chainNodeBody, placementBody } from '../../../../../common/schemas/chains';
import { api } from '../../../lib/api-client';

export type { Chain, ChainNode, ChainSummary };
export type ChainList = { items: ChainSummary[]; abilities: { create?: boolean } };
export type ChainCreateBody = z.input<typeof chainCreateBody>;
export type ChainNodeBody = z.input<typeof chainNodeBody>;
export type PlacementBody = z.input<typeof placementBody>;

/** Industry-chain maps (产业链图谱): the chains, one chain whole, and editing its nodes and placements. */
export const chainsApi = {
  list: (signal?: AbortSignal) => api.get<ChainList>('/chains', undefined, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Chain>(`/chains/${id}`, undefined, { signal }),
  create: (body: ChainCreateBody) => api.post<Chain>('/chains', body),
  addNode: (id: string, body: ChainNodeBody) => api.post<Chain>(`/chains/${id}/nodes`, body),
  updateNode: (id: string, nodeId: string, body: Partial<ChainNodeBody>) => api.patch<Chain>(`/chains/${id}/nodes/${nodeId}`, body),
  removeNode: (id: string, nodeId: string) => api.delete<Chain>(`/chains/${id}/nodes/${nodeId}`),
  place: (id: string, nodeId: string, body: PlacementBody) => api.post<Chain>(`/chains/${id}/nodes/${nodeId}/placements`, body),
  unplace: (id: string, placementId: string) => api.delete<Chain>(`/chains/${id}/placements/${placementId}`),
};
