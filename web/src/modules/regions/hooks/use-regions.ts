import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Region } from '../../../../../common/schemas/organisation';
import { type RegionCreateBody, type RegionUpdateBody, regionsApi } from '../api/regions-api';

export const regionKeys = {
  all: ['regions'] as const,
  detail: (code: string) => ['regions', 'detail', code] as const,
  children: (code: string) => ['regions', 'children', code] as const,
};

/** One region (the root of the user's tree). */
export function useRegion(code: string) {
  return useQuery({ queryKey: regionKeys.detail(code), queryFn: ({ signal }) => regionsApi.get(code, signal), staleTime: 5 * 60_000 });
}

/** Provinces, cities and districts of all China whose name contains `q` (nothing asked while `q` is empty). */
export function useRegionLookup(q: string) {
  return useQuery({
    queryKey: [...regionKeys.all, 'lookup', q],
    queryFn: ({ signal }) => regionsApi.lookup(q, signal),
    staleTime: 60 * 60_000,
    enabled: q.length > 0,
  });
}

/** The direct children of a region. */
export function useRegionChildren(code: string, enabled = true) {
  return useQuery({
    queryKey: regionKeys.children(code),
    queryFn: ({ signal }) => regionsApi.children(code, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Loads a region's children through the cache (for trees that expand on demand). */
export function useLoadRegionChildren() {
  const queryClient = useQueryClient();
  return (code: string) =>
    queryClient.query({
      queryKey: regionKeys.children(code),
      queryFn: ({ signal }) => regionsApi.children(code, signal),
      staleTime: 5 * 60_000,
    });
}

type SaveRegionInput = { mode: 'create'; body: RegionCreateBody } | { mode: 'rename'; code: string; body: RegionUpdateBody };

/** Adds a child region or renames one, then refreshes the levels that show it. */
export function useSaveRegion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveRegionInput): Promise<Region> =>
      input.mode === 'create' ? regionsApi.create(input.body) : regionsApi.update(input.code, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: regionKeys.all }),
  });
}

/** The names of these regions (those the reader may see), by code; a code not (yet) loaded is left out. */
export function useRegionNames(codes: string[]) {
  const queries = useQueries({
    queries: codes.map((code) => ({
      queryKey: regionKeys.detail(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => regionsApi.get(code, signal),
      staleTime: 5 * 60_000,
      retry: false,
    })),
  });
  const names = new Map<string, string>();
  for (const query of queries) if (query.data) names.set(query.data.code, query.data.name);
  return names;
}
