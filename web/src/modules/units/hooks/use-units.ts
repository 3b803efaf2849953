import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type UnitCreateBody, type UnitListParams, type UnitUpdateBody, unitsApi } from '../api/units-api';

const UNITS_KEY = ['units'] as const;

/** One page of units for the table, keeping the previous page on screen while the next loads. */
export function useUnitList(params: UnitListParams) {
  return useQuery({
    queryKey: [...UNITS_KEY, 'list', params],
    queryFn: ({ signal }) => unitsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** All units in scope, for the tree and the unit pickers. */
export function useAllUnits(enabled = true) {
  return useQuery({ queryKey: [...UNITS_KEY, 'all'], queryFn: ({ signal }) => unitsApi.listAll(signal), staleTime: 60_000, enabled });
}

type SaveUnitInput = { id: null; body: UnitCreateBody } | { id: string; body: UnitUpdateBody };

/** Creates a unit (id null) or updates one (body carries its version). */
export function useSaveUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveUnitInput) => (input.id === null ? unitsApi.create(input.body) : unitsApi.update(input.id, input.body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}

/** Deletes an empty unit. */
export function useDeleteUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unitsApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
  });
}
