import type { z } from 'zod';
import type {
  annualPlanBody,
  annualPlanSchema,
  approvalItemCreateBody,
  approvalItemSchema,
  approvalItemUpdateBody,
  fundingLineCreateBody,
  fundingLineSchema,
  fundingLineUpdateBody,
  milestoneSchema,
  planBody,
  planSchema,
  planTemplateSchema,
} from '../../../../../common/schemas/tracks';
import type {
  annualPlanFreezeBody,
  annualPlanListSchema,
  approvalItemListSchema,
  fundingLineListSchema,
  fundingTotalsSchema,
  projectProgressSchema,
} from '../../../../../common/schemas/tracks';
import { api } from '../../../lib/api-client';

export type ApprovalItem = z.infer<typeof approvalItemSchema>;
export type ApprovalItemCreateBody = z.input<typeof approvalItemCreateBody>;
export type ApprovalItemUpdateBody = z.input<typeof approvalItemUpdateBody>;
export type FundingLine = z.infer<typeof fundingLineSchema>;
export type FundingLineCreateBody = z.input<typeof fundingLineCreateBody>;
export type FundingLineUpdateBody = z.input<typeof fundingLineUpdateBody>;
export type FundingTotals = z.infer<typeof fundingTotalsSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type Plan = z.infer<typeof planSchema>;
export type PlanBody = z.input<typeof planBody>;
export type PlanTemplate = z.infer<typeof planTemplateSchema>;
export type AnnualPlan = z.infer<typeof annualPlanSchema>;
/** A save of the year's plan, naming the version it is based on (`basedOn`, null when the year has none). */
export type AnnualPlanBody = z.input<typeof annualPlanBody>;
/** Freezing a version at the `version` read. */
export type AnnualPlanFreezeBody = z.input<typeof annualPlanFreezeBody>;
/** What the user may do to a track's records (the same for every record of the project). */
export type TrackAbilities = ApprovalItemList['abilities'];
export type ApprovalItemList = z.infer<typeof approvalItemListSchema>;
export type FundingLineList = z.infer<typeof fundingLineListSchema>;
/** A year's versions of the annual plan (newest first), the one in force, the frozen baseline, and `save`/`freeze`. */
export type AnnualPlans = z.infer<typeof annualPlanListSchema>;
/** Completion against time for a project and year, with the annual plan version it is measured against. */
export type ProjectProgress = z.infer<typeof projectProgressSchema>;

const base = (projectId: string) => `/projects/${projectId}`;

export const tracksApi = {
  approvalItems: (projectId: string, signal?: AbortSignal) =>
    api.get<ApprovalItemList>(`${base(projectId)}/approval-items`, undefined, { signal }),
  createApprovalItem: (projectId: string, body: ApprovalItemCreateBody) =>
    api.post<ApprovalItem>(`${base(projectId)}/approval-items`, body),
  updateApprovalItem: (projectId: string, id: string, body: ApprovalItemUpdateBody) =>
    api.patch<ApprovalItem>(`${base(projectId)}/approval-items/${id}`, body),
  deleteApprovalItem: (projectId: string, id: string) => api.delete<{ ok: true }>(`${base(projectId)}/approval-items/${id}`),

  fundingLines: (projectId: string, signal?: AbortSignal) =>
    api.get<FundingLineList>(`${base(projectId)}/funding-lines`, undefined, { signal }),
  createFundingLine: (projectId: string, body: FundingLineCreateBody) => api.post<FundingLine>(`${base(projectId)}/funding-lines`, body),
  updateFundingLine: (projectId: string, id: string, body: FundingLineUpdateBody) =>
    api.patch<FundingLine>(`${base(projectId)}/funding-lines/${id}`, body),
  deleteFundingLine: (projectId: string, id: string) => api.delete<{ ok: true }>(`${base(projectId)}/funding-lines/${id}`),

  plan: (projectId: string, signal?: AbortSignal) => api.get<Plan>(`${base(projectId)}/plan`, undefined, { signal }),
  savePlan: (projectId: string, body: PlanBody) => api.put<Plan>(`${base(projectId)}/plan`, body),
  templates: (categoryCode: string | null, signal?: AbortSignal) =>
    api.get<{ items: PlanTemplate[] }>('/plan-templates', { categoryCode }, { signal }),
  applyTemplate: (projectId: string, body: { templateId: string; version: number }) =>
    api.post<Plan>(`${base(projectId)}/plan/apply-template`, body),

  annualPlans: (projectId: string, year: number, signal?: AbortSignal) =>
    api.get<AnnualPlans>(`${base(projectId)}/annual-plans`, { year }, { signal }),
  createAnnualPlan: (projectId: string, body: AnnualPlanBody) => api.post<AnnualPlan>(`${base(projectId)}/annual-plans`, body),
  freezeAnnualPlan: (projectId: string, planId: string, body: AnnualPlanFreezeBody) =>
    api.post<AnnualPlan>(`${base(projectId)}/annual-plans/${planId}/freeze`, body),
  progress: (projectId: string, year: number, signal?: AbortSignal) =>
    api.get<ProjectProgress>(`${base(projectId)}/progress`, { year }, { signal }),
};
