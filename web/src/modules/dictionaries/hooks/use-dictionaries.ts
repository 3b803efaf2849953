import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DictionaryItem, DictionaryType } from '../../../../../common/schemas/reference';
import { api } from '../../../lib/api-client';
import { fetchAllPages, type Page } from '../../../lib/list';
import {
  type DictionaryCreateBody,
  type DictionaryItemListParams,
  type DictionaryUpdateBody,
  dictionariesApi,
} from '../api/dictionaries-api';

const DICTIONARIES_KEY = ['dictionaries'] as const;

/** The dictionary types with how many items each holds. */
export function useDictionaryTypes() {
  return useQuery({ queryKey: [...DICTIONARIES_KEY, 'types'], queryFn: async ({ signal }) => (await dictionariesApi.types(signal)).items });
}

/** One page of a dictionary's items. */
export function useDictionaryItems(type: DictionaryType, params: DictionaryItemListParams) {
  return useQuery({
    queryKey: [...DICTIONARIES_KEY, 'items', type, params],
    queryFn: ({ signal }) => dictionariesApi.items(type, params, signal),
    placeholderData: keepPreviousData,
  });
}

type SaveInput = { type: DictionaryType } & ({ id: null; body: DictionaryCreateBody } | { id: string; body: DictionaryUpdateBody });

/** Adds an item (id null) or changes one, including enabling and disabling it. */
export function useSaveDictionaryItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput): Promise<DictionaryItem> =>
      input.id === null ? dictionariesApi.create(input.type, input.body) : dictionariesApi.update(input.type, input.id, input.body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DICTIONARIES_KEY }),
  });
}

/** Every item of a dictionary (a few hundred at most), cached; pickers offer the enabled ones, labels use all. */
export function useDictionary(type: DictionaryType) {
  return useQuery({
    queryKey: ['dictionaries', 'all', type],
    queryFn: ({ signal }) =>
      fetchAllPages((page) => api.get<Page<DictionaryItem>>(`/dictionaries/${type}/items`, { page, pageSize: 200 }, { signal })),
    staleTime: 5 * 60_000,
  });
}
