import type { z } from 'zod';
import type { LeadMethod, LeadStage } from '../../../../../common/enums';
import type {
  followUpCreateBody,
  leadCreateBody,
  leadDetailSchema,
  leadEventSchema,
  leadSchema,
  leadSignBody,
  leadStatsSchema,
  leadUpdateBody,
} from '../../../../../common/schemas/leads';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import type { Page } from '../../../lib/list';

export type Lead = z.infer<typeof leadSchema>;
export type LeadDetail = z.infer<typeof leadDetailSchema>;
export type LeadEvent = z.infer<typeof leadEventSchema>;
export type LeadStats = z.infer<typeof leadStatsSchema>;
export type LeadCreateBody = z.input<typeof leadCreateBody>;
export type LeadUpdateBody = z.input<typeof leadUpdateBody>;
export type LeadSignBody = z.input<typeof leadSignBody>;
export type FollowUpBody = z.input<typeof followUpCreateBody>;
export type LeadList = Page<Lead> & { stageCounts: Partial<Record<LeadStage, number>>; abilities?: { create?: boolean } };
export type LeadStatsBy = LeadStats['by'];
export type LeadStatsParams = { by: LeadStatsBy; from?: string; to?: string };
export type LeadListParams = {
  q?: string;
  /** One stage, or several comma-separated (`SIGNED_STAGES.join(',')`). */
  stage?: string;
  unitId?: string;
  method?: LeadMethod;
  projectId?: string;
  enterpriseId?: string;
  /** The trip or fair the leads came from. */
  eventId?: string;
  /** The chain map's node the leads sit on. */
  chainNodeId?: string;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
};

/** Leads (招商线索): the board, one lead with its log, recording, editing, moving, signing, following up. */
export const leadsApi = {
  list: (params: LeadListParams, signal?: AbortSignal) => api.get<LeadList>('/leads', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<LeadDetail>(`/leads/${id}`, undefined, { signal }),
  create: (body: LeadCreateBody) => api.post<Lead>('/leads', body),
  update: (id: string, body: LeadUpdateBody) => api.patch<Lead>(`/leads/${id}`, body),
  move: (id: string, body: { to: LeadStage; version: number; reason?: string | null }) => api.post<Lead>(`/leads/${id}/stage`, body),
  sign: (id: string, body: LeadSignBody) => api.post<Lead>(`/leads/${id}/sign`, body),
  followUp: (id: string, body: FollowUpBody) => api.post<Lead>(`/leads/${id}/follow-ups`, body),
  events: (signal?: AbortSignal) => api.get<Page<LeadEvent>>('/lead-events', { pageSize: 100 }, { signal }),
  /** The board's leads as the import's sheet (every lead the filters match, any stage). */
  exportSheet: ({ page: _page, pageSize: _pageSize, ...filters }: LeadListParams) => downloadFile('/leads/export.xlsx', filters),
  /** The conversion figures (signed → … → in production) by a dimension, of the leads signed between from and to. */
  stats: (query: LeadStatsParams, signal?: AbortSignal) => api.get<LeadStats>('/leads/stats', query, { signal }),
};
