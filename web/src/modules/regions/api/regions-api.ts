import type { z } from 'zod';
import type { Region, RegionLookupItem, regionCreateBody, regionUpdateBody } from '../../../../../common/schemas/organisation';
import { api } from '../../../lib/api-client';
import { fetchAllPages, type Page } from '../../../lib/list';

export type RegionCreateBody = z.input<typeof regionCreateBody>;
export type RegionUpdateBody = z.input<typeof regionUpdateBody>;

export const regionsApi = {
  get: (code: string, signal?: AbortSignal) => api.get<Region>(`/regions/${code}`, undefined, { signal }),
  /** The direct children of a region (all pages; a level has at most a few dozen). */
  children: (parentCode: string, signal?: AbortSignal) =>
    fetchAllPages((page) => api.get<Page<Region>>('/regions', { parentCode, page, pageSize: 200 }, { signal })),
  /** Provinces, cities and districts of all China by a piece of their name (at most 20). */
  lookup: (q: string, signal?: AbortSignal) => api.get<{ items: RegionLookupItem[] }>('/region-lookup', { q }, { signal }),
  /** Provinces, cities and districts anywhere in China named in full by their codes (what a record holds). */
  named: (codes: string[], signal?: AbortSignal) =>
    api.get<{ items: RegionLookupItem[] }>('/region-lookup', { codes: codes.join(',') }, { signal }),
  create: (body: RegionCreateBody) => api.post<Region>('/regions', body),
  update: (code: string, body: RegionUpdateBody) => api.patch<Region>(`/regions/${code}`, body),
};
