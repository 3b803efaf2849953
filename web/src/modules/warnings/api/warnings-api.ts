import type { z } from 'zod';
import type {
  WARNING_SUMMARY_BY,
  projectWarningSchema,
  warningSettingsResponse,
  warningSettingsUpdateBody,
  warningSummarySchema,
} from '../../../../../common/schemas/warnings';
import { api } from '../../../lib/api-client';

export type ProjectWarning = z.infer<typeof projectWarningSchema>;
export type WarningSummary = z.infer<typeof warningSummarySchema>;
export type WarningSummaryBy = (typeof WARNING_SUMMARY_BY)[number];
export type WarningSettings = z.infer<typeof warningSettingsResponse>;
export type WarningThresholds = WarningSettings['thresholds'];
export type WarningSettingsUpdateBody = z.input<typeof warningSettingsUpdateBody>;

/** The warnings (红黄绿灯): a project's colour with its reasons and history, the counts by group, the district's thresholds. */
export const warningsApi = {
  project: (id: string, signal?: AbortSignal) => api.get<ProjectWarning>(`/projects/${id}/warning`, undefined, { signal }),
  summary: (by: WarningSummaryBy, signal?: AbortSignal) => api.get<WarningSummary>('/warnings/summary', { by }, { signal }),
  settings: (signal?: AbortSignal) => api.get<WarningSettings>('/warnings/settings', undefined, { signal }),
  updateSettings: (body: WarningSettingsUpdateBody) => api.put<WarningSettings>('/warnings/settings', body),
};
