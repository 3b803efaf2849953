import type { z } from 'zod';
import type { DictionaryItem, DictionaryType, dictionaryCreateBody, dictionaryUpdateBody } from '../../../../../common/schemas/reference';
import { api } from '../../../lib/api-client';
import type { ListParams, Page } from '../../../lib/list';

export type DictionarySummary = { type: DictionaryType; count: number };
export type DictionaryItemListParams = ListParams & { parentCode?: string; enabled?: 'true' | 'false' };
export type DictionaryCreateBody = z.input<typeof dictionaryCreateBody>;
export type DictionaryUpdateBody = z.input<typeof dictionaryUpdateBody>;

export const dictionariesApi = {
  types: (signal?: AbortSignal) => api.get<{ items: DictionarySummary[] }>('/dictionaries', undefined, { signal }),
  items: (type: DictionaryType, params: DictionaryItemListParams, signal?: AbortSignal) =>
    api.get<Page<DictionaryItem>>(`/dictionaries/${type}/items`, params, { signal }),
  create: (type: DictionaryType, body: DictionaryCreateBody) => api.post<DictionaryItem>(`/dictionaries/${type}/items`, body),
  update: (type: DictionaryType, id: string, body: DictionaryUpdateBody) =>
    api.patch<DictionaryItem>(`/dictionaries/${type}/items/${id}`, body),
};
