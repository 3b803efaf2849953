import { parseMapPoints } from '../../../../../common/domain/map-points';
import type {
  MapBase,
  MapCarrierLayer,
  MapCarriers,
  MapParcel,
  MapPark,
  MapProjects,
  MapProjectsWire,
  RegionBoundary,
} from '../../../../../common/schemas/map';
import { api } from '../../../lib/api-client';
import { type ProjectSearch, listQueryOf } from '../../projects/api/projects-api';

export type { MapBase, MapCarrierLayer, MapCarriers, MapParcel, MapPark, MapProjects, RegionBoundary };

export const mapApi = {
  base: (regionCode: string | undefined, signal?: AbortSignal) =>
    api.get<MapBase>('/map/base', regionCode ? { regionCode } : undefined, { signal }),
  /** The points of the projects the list's filters match (paging and sort left out). */
  projects: async (filters: ProjectSearch, signal?: AbortSignal): Promise<MapProjects> => {
    const { page: _page, pageSize: _pageSize, sort: _sort, ...query } = listQueryOf(filters);
    const wire = await api.get<MapProjectsWire>('/map/projects', query, { signal });
    return parseMapPoints(wire.rows, wire.pools, wire.unplaced);
  },
  /** The parks' outlines and the parcels of a region (the viewer's own by default), the layers asked for. */
  carriers: (regionCode: string | undefined, layers: MapCarrierLayer[], signal?: AbortSignal) =>
    api.get<MapCarriers>('/map/carriers', { ...(regionCode ? { regionCode } : {}), layers: layers.join(',') }, { signal }),
  uploadBoundary: (regionCode: string, geojson: unknown, source: string) =>
    api.post<RegionBoundary>(`/regions/${regionCode}/boundary`, { ...(geojson as object), source }),
};
