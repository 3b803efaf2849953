import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fieldsForCategory } from '../../../../../common/domain/custom-fields';
import { MAX_CUSTOM_FIELDS } from '../../../../../common/schemas/custom-fields';
import { type CustomField, type CustomFieldCreateBody, type CustomFieldUpdateBody, customFieldsApi } from '../api/custom-fields-api';

const CUSTOM_FIELDS_KEY = ['custom-fields'] as const;

/**
 * Every custom field of a district (the user's own unless one is named), in display order. A district has at most
 * MAX_CUSTOM_FIELDS, so one page holds them all.
 */
export function useDistrictCustomFields(regionCode?: string) {
  return useQuery({
    queryKey: [...CUSTOM_FIELDS_KEY, regionCode ?? 'own'],
    queryFn: async ({ signal }) => await customFieldsApi.list({ regionCode, pageSize: MAX_CUSTOM_FIELDS }, signal),
    staleTime: 60_000,
  });
}

/** The fields a project of the category shows, in display order. */
export function useCategoryCustomFields(regionCode: string | undefined, categoryCode: string | null | undefined): CustomField[] {
  const all = useDistrictCustomFields(regionCode);
  return useMemo(() => fieldsForCategory(all.data?.items ?? [], categoryCode ?? null), [all.data, categoryCode]);
}

type SaveInput = { id: null; body: CustomFieldCreateBody } | { id: string; body: CustomFieldUpdateBody };

/** Defines a field (id null) or changes one. */
export function useSaveCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput): Promise<CustomField> =>
      input.id === null ? customFieldsApi.create(input.body) : customFieldsApi.update(input.id, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY }),
  });
}

/** Deletes a field no project holds a value for (the server refuses otherwise, saying how many do). */
export function useDeleteCustomField() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => customFieldsApi.remove(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CUSTOM_FIELDS_KEY }),
  });
}
