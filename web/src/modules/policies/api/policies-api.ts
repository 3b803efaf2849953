import type { z } from 'zod';
import type { PolicyDeliveryState } from '../../../../../common/enums';
import type { Policy, PolicyDelivery, policyCreateBody, policyFitsSchema, policyUpdateBody } from '../../../../../common/schemas/policies';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/list';

export type { Policy, PolicyDelivery };
export type PolicyCreateBody = z.input<typeof policyCreateBody>;
export type PolicyUpdateBody = z.input<typeof policyUpdateBody>;
export type PolicyFits = z.infer<typeof policyFitsSchema>;
export type PolicyList = Page<Policy> & { abilities?: { create?: boolean } };

/** Preferential policies (惠企政策): the list, one policy, its fitting enterprises, pushing, deliveries. */
export const policiesApi = {
  list: (params: { q?: string; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<PolicyList>('/policies', params, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Policy>(`/policies/${id}`, undefined, { signal }),
  fits: (id: string, signal?: AbortSignal) => api.get<PolicyFits>(`/policies/${id}/fits`, undefined, { signal }),
  create: (body: PolicyCreateBody) => api.post<Policy>('/policies', body),
  update: (id: string, body: PolicyUpdateBody) => api.patch<Policy>(`/policies/${id}`, body),
  push: (id: string, enterpriseIds: string[]) => api.post<{ pushed: number; skipped: number }>(`/policies/${id}/push`, { enterpriseIds }),
  deliveries: (params: { policyId?: string; enterpriseId?: string; pageSize?: number }, signal?: AbortSignal) =>
    api.get<Page<PolicyDelivery>>('/policy-deliveries', params, { signal }),
  moveDelivery: (id: string, body: { state: PolicyDeliveryState; version: number }) =>
    api.patch<PolicyDelivery>(`/policy-deliveries/${id}`, body),
};
