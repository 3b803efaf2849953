import type { z } from 'zod';
import type { Visit, visitCreateBody, visitStatsSchema } from '../../../../../common/schemas/visits';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import type { Page } from '../../../lib/list';

export type { Visit };
export type VisitCreateBody = z.input<typeof visitCreateBody>;
export type VisitStats = z.infer<typeof visitStatsSchema>;
export type VisitList = Page<Visit> & { abilities?: { create?: boolean } };
export type VisitListParams = { q?: string; enterpriseId?: string; unitId?: string; page?: number; pageSize?: number };

/** Visits to enterprises (走访): the list, recording one with its demands, removing one, the statistics. */
export const visitsApi = {
  list: (params: VisitListParams, signal?: AbortSignal) => api.get<VisitList>('/visits', params, { signal }),
  create: (body: VisitCreateBody) => api.post<Visit>('/visits', body),
  remove: (id: string) => api.delete<{ ok: true }>(`/visits/${id}`),
  /** The visits the list's filters show as the import's sheet (every match, no paging; demands live on as matters). */
  exportSheet: ({ page: _page, pageSize: _pageSize, ...filters }: VisitListParams) => downloadFile('/visits/export.xlsx', filters),
  stats: (by: 'unit' | 'month', signal?: AbortSignal) => api.get<VisitStats>('/visits/stats', { by }, { signal }),
};
