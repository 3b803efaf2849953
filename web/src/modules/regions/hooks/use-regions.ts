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

/**
 * The full names (广东省深圳市) of provinces, cities and districts anywhere in China, by code — for the regions a record
 * holds outside the reader's jurisdiction, which `GET /regions/:code` does not show him. Streets (9 digits) are left out.
 */
export function useRegionFullNames(codes: string[]) {
  const wanted = [...new Set(codes.filter((code) => code.length === 6))].sort();
  const query = useQuery({
    queryKey: [...regionKeys.all, 'named', wanted.join(',')],
    queryFn: ({ signal }) => regionsApi.named(wanted, signal),
    staleTime: 60 * 60_000,
    enabled: wanted.length > 0,
  });
  return new Map((query.data?.items ?? []).map((r) => [r.code, r.fullName]));
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
