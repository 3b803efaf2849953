import type { z } from 'zod';
import type {
  actualBody,
  breakdownBody,
  commitmentCreateBody,
  commitmentDetailSchema,
  commitmentListSchema,
  commitmentProgressBody,
  commitmentSchema,
  commitmentUpdateBody,
  indicatorComparisonSchema,
  indicatorCreateBody,
  indicatorDetailSchema,
  indicatorListSchema,
  indicatorSchema,
  indicatorUpdateBody,
} from '../../../../../common/schemas/targets';
import type { CommitmentKind } from '../../../../../common/enums';
import { api } from '../../../lib/api-client';

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;
export type IndicatorList = z.infer<typeof indicatorListSchema>;
export type IndicatorComparison = z.infer<typeof indicatorComparisonSchema>;
export type IndicatorCreate = z.input<typeof indicatorCreateBody>;
export type IndicatorUpdate = z.input<typeof indicatorUpdateBody>;
export type Commitment = z.infer<typeof commitmentSchema>;
export type CommitmentDetail = z.infer<typeof commitmentDetailSchema>;
export type CommitmentList = z.infer<typeof commitmentListSchema>;

/** Targets (目标考核): indicators with actuals and breakdown, pledges and 民生实事. */
export const targetsApi = {
  indicators: (year: number, signal?: AbortSignal) => api.get<IndicatorList>('/targets/indicators', { year }, { signal }),
  indicatorsByDistrict: (year: number, signal?: AbortSignal) =>
    api.get<IndicatorComparison>('/targets/indicators/by-district', { year }, { signal }),
  indicator: (id: string, signal?: AbortSignal) => api.get<IndicatorDetail>(`/targets/indicators/${id}`, undefined, { signal }),
  createIndicator: (body: IndicatorCreate) => api.post<IndicatorDetail>('/targets/indicators', body),
  updateIndicator: (id: string, body: IndicatorUpdate) => api.patch<IndicatorDetail>(`/targets/indicators/${id}`, body),
  enterActual: (id: string, month: number, body: z.input<typeof actualBody>) =>
    api.put<IndicatorDetail>(`/targets/indicators/${id}/actuals/${month}`, body),
  setBreakdown: (id: string, body: z.input<typeof breakdownBody>) => api.put<IndicatorDetail>(`/targets/indicators/${id}/breakdown`, body),
  commitments: (kind: CommitmentKind, year: number, signal?: AbortSignal) =>
    api.get<CommitmentList>('/commitments', { kind, year }, { signal }),
  commitment: (id: string, signal?: AbortSignal) => api.get<CommitmentDetail>(`/commitments/${id}`, undefined, { signal }),
  createCommitment: (body: z.input<typeof commitmentCreateBody>) => api.post<CommitmentDetail>('/commitments', body),
  updateCommitment: (id: string, body: z.input<typeof commitmentUpdateBody>) => api.patch<CommitmentDetail>(`/commitments/${id}`, body),
  enterProgress: (id: string, month: number, body: z.input<typeof commitmentProgressBody>) =>
    api.put<CommitmentDetail>(`/commitments/${id}/progress/${month}`, body),
  markDone: (id: string, body: { version: number; done: boolean }) => api.post<CommitmentDetail>(`/commitments/${id}/done`, body),
  raiseMatter: (id: string, body: { version: number; deadline: string }) =>
    api.post<CommitmentDetail & { raisedMatterId: string }>(`/commitments/${id}/raise-matter`, body),
};

export type TargetExtraction = z.infer<typeof import('../../../../../common/schemas/target-text').extractTargetsResponse>;
/** Targets from text: the quantified rows of a pasted passage and the rows they propose; nothing saved. */
export const extractTargets = (text: string) => api.post<TargetExtraction>('/targets/extract', { text });
