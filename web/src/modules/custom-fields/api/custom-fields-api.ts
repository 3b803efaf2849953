import type { z } from 'zod';
import type { CustomField, customFieldCreateBody, customFieldUpdateBody } from '../../../../../common/schemas/custom-fields';
import { api } from '../../../lib/api-client';
import type { ListParams, Page } from '../../../lib/list';

export type { CustomField };
export type CustomFieldListParams = Partial<ListParams> & { regionCode?: string; categoryCode?: string };
export type CustomFieldCreateBody = z.input<typeof customFieldCreateBody>;
export type CustomFieldUpdateBody = z.input<typeof customFieldUpdateBody>;

export const customFieldsApi = {
  list: (params: CustomFieldListParams, signal?: AbortSignal) => api.get<Page<CustomField>>('/custom-fields', params, { signal }),
  create: (body: CustomFieldCreateBody) => api.post<CustomField>('/custom-fields', body),
  update: (id: string, body: CustomFieldUpdateBody) => api.patch<CustomField>(`/custom-fields/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/custom-fields/${id}`),
};
