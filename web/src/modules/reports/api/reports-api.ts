import type { z } from 'zod';
import type {
  missingReportSchema,
  missingReportsSchema,
  progressReportDetailSchema,
  progressReportSchema,
  reportFillBody,
  reportingPeriodSchema,
} from '../../../../../common/schemas/reports';
import type { RemindResult } from '../../../../../common/schemas/notifications';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import type { Page } from '../../../lib/list';

export type { RemindResult };
export type ReportingPeriod = z.infer<typeof reportingPeriodSchema>;
export type ProgressReport = z.infer<typeof progressReportSchema>;
/** One report with the matters raised from its problems. */
export type ProgressReportDetail = z.infer<typeof progressReportDetailSchema>;
/** 未报送's counts: per responsible unit, most first, with the total. */
export type MissingReports = z.infer<typeof missingReportsSchema>;
/** A report of a unit's 未报送 list. */
export type MissingReport = z.infer<typeof missingReportSchema>;
export type MissingReportsParams = { unitId?: string; page?: number; pageSize?: number };
export type ReportFillBody = z.input<typeof reportFillBody>;
export type PeriodList = Page<ReportingPeriod> & { abilities?: { open?: boolean } };
export type PeriodListParams = { year?: number; status?: 'open' | 'closed'; page?: number; pageSize?: number };
export type ReportListParams = {
  periodId?: string;
  projectId?: string;
  responsibleUnitId?: string;
  status?: ProgressReport['status'];
  late?: boolean;
  year?: number;
  page?: number;
  pageSize?: number;
};

/** The monthly ledger (工作台账): reporting periods, their owed reports, 未报送, and the reports themselves. */
export const reportsApi = {
  /** The month's 通报 of the reader's district as Word; answers the file name. */
  monthlyBriefing: (year: number, month: number) => downloadFile('/briefings/monthly', { year, month }),
  monthlyBriefingWorkbook: (year: number, month: number) => downloadFile('/briefings/monthly.xlsx', { year, month }),
  periods: (params: PeriodListParams, signal?: AbortSignal) => api.get<PeriodList>('/reporting-periods', params, { signal }),
  period: (id: string, signal?: AbortSignal) => api.get<ReportingPeriod>(`/reporting-periods/${id}`, undefined, { signal }),
  openPeriod: (body: { month: string; deadline: string }) => api.post<ReportingPeriod>('/reporting-periods', body),
  closePeriod: (id: string, version: number) => api.post<ReportingPeriod>(`/reporting-periods/${id}/close`, { version }),
  reopenPeriod: (id: string, version: number, reason: string) =>
    api.post<ReportingPeriod>(`/reporting-periods/${id}/reopen`, { version, reason }),
  addProject: (id: string, projectId: string) => api.post<unknown>(`/reporting-periods/${id}/projects`, { projectId }),
  removeProject: (id: string, projectId: string) => api.delete<unknown>(`/reporting-periods/${id}/projects/${projectId}`),
  /** 一键催报: notifies every unit 未报送 lists (the notifications module's route). */
  remind: (id: string) => api.post<RemindResult>(`/reporting-periods/${id}/remind`),
  missing: (id: string, signal?: AbortSignal) => api.get<MissingReports>(`/reporting-periods/${id}/missing`, undefined, { signal }),
  /** A page of 未报送's reports (of one unit when `unitId` is given). */
  missingReports: (id: string, params: MissingReportsParams, signal?: AbortSignal) =>
    api.get<Page<MissingReport>>(`/reporting-periods/${id}/missing/reports`, params, { signal }),

  reports: (params: ReportListParams, signal?: AbortSignal) => api.get<Page<ProgressReport>>('/progress-reports', params, { signal }),
  report: (id: string, signal?: AbortSignal) => api.get<ProgressReportDetail>(`/progress-reports/${id}`, undefined, { signal }),
  fill: (id: string, body: ReportFillBody) => api.patch<ProgressReport>(`/progress-reports/${id}`, body),
  submit: (id: string, body: { version: number; confirmLarge?: boolean }) =>
    api.post<ProgressReport>(`/progress-reports/${id}/submit`, body),
  approve: (id: string, version: number) => api.post<ProgressReport>(`/progress-reports/${id}/approve`, { version }),
  returnReport: (id: string, body: { version: number; reason: string }) => api.post<ProgressReport>(`/progress-reports/${id}/return`, body),
};
