import type { z } from 'zod';
import type { Unit, unitCreateBody, unitUpdateBody } from '../../../../../common/schemas/organisation';
import { api } from '../../../lib/api-client';
import type { UnitKind } from '../../../lib/enums';
import { fetchAllPages, type ListParams, type Page } from '../../../lib/list';

export type UnitListParams = ListParams & { parentId?: string; kind?: UnitKind; regionCode?: string };
export type UnitCreateBody = z.input<typeof unitCreateBody>;
export type UnitUpdateBody = z.input<typeof unitUpdateBody>;

export const unitsApi = {
  list: (params: UnitListParams, signal?: AbortSignal) => api.get<Page<Unit>>('/units', params, { signal }),
  /** Every unit in the user's scope (the tree and the pickers need them all; a district has a few hundred). */
  listAll: (signal?: AbortSignal) => fetchAllPages((page) => api.get<Page<Unit>>('/units', { page, pageSize: 200 }, { signal })),
  create: (body: UnitCreateBody) => api.post<Unit>('/units', body),
  update: (id: string, body: UnitUpdateBody) => api.patch<Unit>(`/units/${id}`, body),
  remove: (id: string) => api.delete<{ ok: true }>(`/units/${id}`),
};
