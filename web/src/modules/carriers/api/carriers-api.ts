import type { z } from 'zod';
import type { ParcelStatus } from '../../../../../common/enums';
import type {
  Building,
  MatchResponse,
  Parcel,
  Park,
  buildingCreateBody,
  matchQuery,
  parcelCreateBody,
  parcelStatusBody,
  parkCreateBody,
} from '../../../../../common/schemas/carriers';
import { api } from '../../../lib/api-client';
import { downloadFile } from '../../../lib/download';
import type { Page } from '../../../lib/list';

export type { Building, MatchResponse, Parcel, Park };
export type ParkList = Page<Park> & { abilities?: { create?: boolean } };
export type ParcelList = Page<Parcel> & { abilities?: { create?: boolean } };
export type BuildingBody = z.input<typeof buildingCreateBody>;
export type ParkBody = z.input<typeof parkCreateBody>;
export type ParcelBody = z.input<typeof parcelCreateBody>;
export type ParcelStatusBody = z.input<typeof parcelStatusBody>;
export type MatchNeed = Partial<z.output<typeof matchQuery>>;
export type ParcelListParams = { status?: ParcelStatus; standard?: 'true'; q?: string; page?: number; pageSize?: number; sort?: string };

/** Carriers (载体): parks with buildings, land parcels and their status, and matching a need. */
export const carriersApi = {
  parks: (params: { page?: number; pageSize?: number; q?: string }, signal?: AbortSignal) =>
    api.get<ParkList>('/parks', params, { signal }),
  addPark: (body: ParkBody) => api.post<Park>('/parks', body),
  updatePark: (id: string, body: Partial<ParkBody> & { version: number }) => api.patch<Park>(`/parks/${id}`, body),
  addBuilding: (parkId: string, body: BuildingBody) => api.post<Building>(`/parks/${parkId}/buildings`, body),
  updateBuilding: (id: string, body: Partial<BuildingBody> & { version: number }) => api.patch<Building>(`/buildings/${id}`, body),
  parcels: (params: ParcelListParams, signal?: AbortSignal) => api.get<ParcelList>('/parcels', params, { signal }),
  /** The parcels the list's filters show as the import's sheet (every match, no paging). */
  exportParcels: ({ page: _page, pageSize: _pageSize, ...filters }: ParcelListParams) => downloadFile('/parcels/export.xlsx', filters),
  addParcel: (body: ParcelBody) => api.post<Parcel>('/parcels', body),
  updateParcel: (id: string, body: Partial<ParcelBody> & { version: number }) => api.patch<Parcel>(`/parcels/${id}`, body),
  parcelStatus: (id: string, body: ParcelStatusBody) => api.post<Parcel>(`/parcels/${id}/status`, body),
  match: (need: MatchNeed, signal?: AbortSignal) => api.get<MatchResponse>('/carriers/match', need, { signal }),
};
