import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DictionaryItem, DictionaryType } from '../../../../../common/schemas/reference';
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
