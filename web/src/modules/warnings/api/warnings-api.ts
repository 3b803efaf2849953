import type { z } from 'zod';
import type { WARNING_SUMMARY_BY, projectWarningSchema, warningSummarySchema } from '../../../../../common/schemas/warnings';
import { api } from '../../../lib/api-client';

export type ProjectWarning = z.infer<typeof projectWarningSchema>;
export type WarningSummary = z.infer<typeof warningSummarySchema>;
export type WarningSummaryBy = (typeof WARNING_SUMMARY_BY)[number];

/** The warnings (红黄绿灯): a project's colour with its reasons and history, and the counts by group. */
export const warningsApi = {
  project: (id: string, signal?: AbortSignal) => api.get<ProjectWarning>(`/projects/${id}/warning`, undefined, { signal }),
  summary: (by: WarningSummaryBy, signal?: AbortSignal) => api.get<WarningSummary>('/warnings/summary', { by }, { signal }),
};
