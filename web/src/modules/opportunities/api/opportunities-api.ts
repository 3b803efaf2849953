import type { z } from 'zod';
import type { OpportunityAction } from '../../../../../common/domain/opportunities';
import type { OpportunityKind, OpportunityStatus } from '../../../../../common/enums';
import type {
  opportunityCreateBody,
  opportunitySchema,
  opportunityUpdateBody,
  PublicOpportunity,
  PublicOpportunityPage,
} from '../../../../../common/schemas/opportunities';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/list';

export type Opportunity = z.infer<typeof opportunitySchema>;
export type OpportunityCreateBody = z.input<typeof opportunityCreateBody>;
export type OpportunityUpdateBody = z.input<typeof opportunityUpdateBody>;
export type OpportunityList = Page<Opportunity> & { abilities?: { create?: boolean }; counts: Record<OpportunityStatus, number> };
export type OpportunityListParams = { status?: OpportunityStatus; kind?: OpportunityKind; q?: string; page?: number; pageSize?: number };
export type { PublicOpportunity, PublicOpportunityPage };

/** The city opportunity list (城市机会清单): the staff's list, one item, drafting, each move; and the public feed. */
export const opportunitiesApi = {
  list: (params: OpportunityListParams, signal?: AbortSignal) => api.get<OpportunityList>('/opportunities', params, { signal }),
  create: (body: OpportunityCreateBody) => api.post<Opportunity>('/opportunities', body),
  update: (id: string, body: OpportunityUpdateBody) => api.patch<Opportunity>(`/opportunities/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/opportunities/${id}`),
  move: (id: string, action: OpportunityAction, body: { version: number; reason?: string }) =>
    api.post<Opportunity>(`/opportunities/${id}/${action}`, body),
  /**
   * Signed out: the published, unexpired items (public fields only). The page asks the browser to revalidate (a 304
   * when nothing changed) rather than reuse its copy for the minute the feed's Cache-Control allows others.
   */
  publicList: (params: { kind?: OpportunityKind; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<PublicOpportunityPage>('/public/opportunities', params, { signal, expectUnauthorized: true, cache: 'no-cache' }),
  publicOne: (publicId: string, signal?: AbortSignal) =>
    api.get<PublicOpportunity>(`/public/opportunities/${encodeURIComponent(publicId)}`, undefined, {
      signal,
      expectUnauthorized: true,
      cache: 'no-cache',
    }),
};
