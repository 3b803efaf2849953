import type { z } from 'zod';
import type { LeadEventKind } from '../../../../../common/enums';
import type { leadEventCreateBody, leadEventUpdateBody } from '../../../../../common/schemas/leads';
import { api } from '../../../lib/api-client';
import type { Page } from '../../../lib/list';
import type { LeadEvent } from './leads-api';

export type LeadEventCreateBody = z.input<typeof leadEventCreateBody>;
export type LeadEventUpdateBody = z.input<typeof leadEventUpdateBody>;
export type LeadEventList = Page<LeadEvent> & { abilities?: { create?: boolean } };
export type LeadEventListParams = { q?: string; kind?: LeadEventKind; page?: number; pageSize?: number };

/** Outbound trips and fairs (外出招商 / 展会): the list with the leads each produced, recording and editing one. */
export const leadEventsApi = {
  list: (params: LeadEventListParams, signal?: AbortSignal) => api.get<LeadEventList>('/lead-events', params, { signal }),
  create: (body: LeadEventCreateBody) => api.post<LeadEvent>('/lead-events', body),
  update: (id: string, body: LeadEventUpdateBody) => api.patch<LeadEvent>(`/lead-events/${id}`, body),
};
