import type { z } from 'zod';
import type { EnterpriseKind } from '../../../../../common/enums';
import type {
  Enterprise,
  enterpriseCreateBody,
  enterpriseCreatedSchema,
  enterpriseUpdateBody,
} from '../../../../../common/schemas/enterprises';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import type { ListParams, Page } from '../../../lib/list';

export type { Enterprise };
export type EnterpriseCreated = z.infer<typeof enterpriseCreatedSchema>;
export type EnterpriseCreateBody = z.input<typeof enterpriseCreateBody>;
export type EnterpriseUpdateBody = z.input<typeof enterpriseUpdateBody>;
export type EnterpriseList = Page<Enterprise> & { abilities?: { create?: boolean } };
export type EnterpriseFilters = { q?: string; tag?: string[]; industryCode?: string[]; kind?: EnterpriseKind };
export type EnterpriseListParams = Partial<ListParams> & EnterpriseFilters;

const csv = (values: string[] | undefined) => (values?.length ? values.join(',') : undefined);

/** The enterprise register (企业库): the list with its filters, one enterprise, adding, editing, removing. */
export const enterprisesApi = {
  list: ({ tag, industryCode, ...params }: EnterpriseListParams, signal?: AbortSignal) =>
    api.get<EnterpriseList>('/enterprises', { ...params, tag: csv(tag), industryCode: csv(industryCode) }, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<Enterprise>(`/enterprises/${id}`, undefined, { signal }),
  create: (body: EnterpriseCreateBody) => api.post<EnterpriseCreated>('/enterprises', body),
  update: (id: string, body: EnterpriseUpdateBody) => api.patch<Enterprise>(`/enterprises/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/enterprises/${id}`),
  /** The register as a sheet with the list's filters; it imports back as updates. */
  exportSheet: ({ tag, industryCode, ...filters }: EnterpriseFilters) =>
    downloadFile('/enterprises/export.xlsx', { ...filters, tag: csv(tag), industryCode: csv(industryCode) }),
};
