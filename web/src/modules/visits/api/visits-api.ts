import type { z } from 'zod';
import type { Visit, visitCreateBody, visitStatsSchema } from '../../../../../common/schemas/visits';
import { api } from '../../../lib/api-client';
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
  stats: (by: 'unit' | 'month', signal?: AbortSignal) => api.get<VisitStats>('/visits/stats', { by }, { signal }),
};
