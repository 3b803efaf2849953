import { parseMapPoints } from '../../../../../common/domain/map-points';
import type {
  MapBase,
  MapCarrierLayer,
  MapCarriers,
  MapCell,
  MapParcel,
  MapPark,
  MapProjects,
  MapProjectsWire,
  RegionBoundary,
} from '../../../../../common/schemas/map';
import { api } from '../../../lib/api-client';
import { type ProjectSearch, listQueryOf } from '../../projects/api/projects-api';
import { type MapViewRequest, bboxParam } from '../utils/cells';

export type { MapBase, MapCarrierLayer, MapCarriers, MapCell, MapParcel, MapPark, MapProjects, RegionBoundary };

export const mapApi = {
  base: (regionCode: string | undefined, signal?: AbortSignal) =>
    api.get<MapBase>('/map/base', regionCode ? { regionCode } : undefined, { signal }),
  /**
   * The projects the list's filters match (paging and sort left out) in a view: their points, or the view's grid
   * cells when it holds more than the server's limit.
   */
  projects: async (filters: ProjectSearch, view: MapViewRequest, signal?: AbortSignal): Promise<MapProjects> => {
    const { page: _page, pageSize: _pageSize, sort: _sort, ...query } = listQueryOf(filters);
    const viewQuery = {
      ...(view.bbox ? { bbox: bboxParam(view.bbox) } : {}),
      ...(view.zoom !== undefined ? { zoom: String(view.zoom) } : {}),
    };
    const wire = await api.get<MapProjectsWire>('/map/projects', { ...query, ...viewQuery }, { signal });
    const { mode, view: answered, zoom, placed, cells } = wire;
    return { ...parseMapPoints(wire.rows, wire.pools, wire.unplaced), mode, view: answered, zoom, placed, cells };
  },
  /** The parks' outlines and the parcels of a region (the viewer's own by default), the layers asked for. */
  carriers: (regionCode: string | undefined, layers: MapCarrierLayer[], signal?: AbortSignal) =>
    api.get<MapCarriers>('/map/carriers', { ...(regionCode ? { regionCode } : {}), layers: layers.join(',') }, { signal }),
  uploadBoundary: (regionCode: string, geojson: unknown, source: string) =>
    api.post<RegionBoundary>(`/regions/${regionCode}/boundary`, { ...(geojson as object), source }),
};
