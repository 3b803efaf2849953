import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type LandFiguresBody, type LandTableParams, type ThresholdsBody, landEfficiencyApi } from '../api/land-efficiency-api';

/** Every 亩均效益 query starts with this key: a write refreshes the enterprise's years and the district's table. */
export const LAND_KEY = ['land-efficiency'] as const;

export function useEnterpriseLandYears(id: string, enabled = true) {
  return useQuery({
    queryKey: [...LAND_KEY, 'enterprise', id],
    queryFn: ({ signal }) => landEfficiencyApi.enterpriseYears(id, signal),
    enabled,
  });
}

/** The district's year table; `enabled` false until a city or province reader has picked a district. */
export function useLandTable(params: LandTableParams, enabled = true) {
  return useQuery({
    queryKey: [...LAND_KEY, 'table', params],
    queryFn: ({ signal }) => landEfficiencyApi.table(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The districts side by side (a city or province reader's first view of 亩均效益). */
export function useLandByDistrict(year: number, enabled = true) {
  return useQuery({
    queryKey: [...LAND_KEY, 'by-district', year],
    queryFn: ({ signal }) => landEfficiencyApi.byDistrict({ year }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Enters or corrects a year of an enterprise's figures. */
export function useSaveLandYear(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: LandFiguresBody }) => landEfficiencyApi.saveYear(id, year, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LAND_KEY }),
  });
}

export function useRemoveLandYear(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => landEfficiencyApi.removeYear(id, year),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LAND_KEY }),
  });
}

/** Sets or changes the district's thresholds of a year. */
export function useSaveThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: ThresholdsBody }) => landEfficiencyApi.saveThresholds(year, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LAND_KEY }),
  });
}
