import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type BuildingBody,
  type MatchNeed,
  type ParcelBody,
  type ParkBody,
  type ParcelListParams,
  type ParcelStatusBody,
  carriersApi,
} from '../api/carriers-api';

export const CARRIERS_KEY = ['carriers'] as const;

export function useParks(params: { page?: number; pageSize?: number; q?: string }, enabled = true) {
  return useQuery({
    queryKey: [...CARRIERS_KEY, 'parks', params],
    queryFn: ({ signal }) => carriersApi.parks(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useParcels(params: ParcelListParams) {
  return useQuery({
    queryKey: [...CARRIERS_KEY, 'parcels', params],
    queryFn: ({ signal }) => carriersApi.parcels(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Matches a need once it asks for land or floor area; null until then. */
export function useCarrierMatch(need: MatchNeed | null) {
  return useQuery({
    queryKey: [...CARRIERS_KEY, 'match', need],
    queryFn: ({ signal }) => carriersApi.match(need ?? {}, signal),
    enabled: need !== null,
  });
}

export function useSaveBuilding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { parkId: string; id: null; body: BuildingBody }
        | { parkId: string; id: string; body: Partial<BuildingBody> & { version: number } },
    ) => (input.id === null ? carriersApi.addBuilding(input.parkId, input.body) : carriersApi.updateBuilding(input.id, input.body)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CARRIERS_KEY }),
  });
}

export function useParcelStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ParcelStatusBody }) => carriersApi.parcelStatus(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CARRIERS_KEY }),
  });
}

/** Adds a park (id null) or edits one (the body carries the version read). */
export function useSavePark() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: ParkBody } | { id: string; body: Partial<ParkBody> & { version: number } }) =>
      input.id === null ? carriersApi.addPark(input.body) : carriersApi.updatePark(input.id, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CARRIERS_KEY }),
  });
}

/** Adds a parcel (id null) or edits one (the body carries the version read). */
export function useSaveParcel() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: null; body: ParcelBody } | { id: string; body: Partial<ParcelBody> & { version: number } }) =>
      input.id === null ? carriersApi.addParcel(input.body) : carriersApi.updateParcel(input.id, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CARRIERS_KEY }),
  });
}
