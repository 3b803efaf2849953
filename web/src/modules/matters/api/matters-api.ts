import type { z } from 'zod';
import type { matterCreateBody, matterDetailSchema, matterSchema, matterStatsSchema } from '../../../../../common/schemas/matters';
import type { MatterSource, MatterStatus } from '../../../../../common/enums';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/list';

export type Matter = z.infer<typeof matterSchema>;
export type MatterDetail = z.infer<typeof matterDetailSchema>;
export type MatterStats = z.infer<typeof matterStatsSchema>;
export type MatterCreateBody = z.input<typeof matterCreateBody>;
export type MatterList = Page<Matter> & { abilities?: { create?: boolean } };
export type MatterListParams = {
  status?: MatterStatus;
  open?: boolean;
  source?: MatterSource;
  /** A problem_category dictionary code. */
  category?: string;
  unitId?: string;
  projectId?: string;
  /** Raised from this monthly report. */
  sourceReportId?: string;
  overdue?: boolean;
  /** A district (a city or province reader's drill-down). */
  regionCode?: string;
  page?: number;
  pageSize?: number;
};
/** The steps of the loop as the API names them (path) and as `abilities` names them. */
export const MATTER_STEPS = [
  { path: 'accept', ability: 'accept', needsText: false },
  { path: 'start', ability: 'start', needsText: false },
  { path: 'contribute', ability: 'contribute', needsText: true },
  { path: 'feedback', ability: 'feedback', needsText: true },
  { path: 'submit-review', ability: 'submitReview', needsText: false },
  { path: 'close', ability: 'close', needsText: false },
  { path: 'send-back', ability: 'sendBack', needsText: true },
] as const;
export type MatterStep = (typeof MATTER_STEPS)[number];

/** Matters (问题协调): the board, one matter with its timeline, each step of the loop, the statistics. */
export const mattersApi = {
  list: (params: MatterListParams, signal?: AbortSignal) => api.get<MatterList>('/matters', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<MatterDetail>(`/matters/${id}`, undefined, { signal }),
  create: (body: MatterCreateBody) => api.post<MatterDetail>('/matters', body),
  step: (id: string, path: MatterStep['path'], body: { version: number; text?: string; attachmentIds?: string[] }) =>
    api.post<MatterDetail>(`/matters/${id}/${path}`, body),
  reassign: (id: string, body: { version: number; leadUnitId?: string; deadline?: string; reason: string }) =>
    api.post<MatterDetail>(`/matters/${id}/reassign`, body),
  stats: (by: 'unit' | 'category' | 'source', signal?: AbortSignal) => api.get<MatterStats>('/matters/stats', { by }, { signal }),
};
