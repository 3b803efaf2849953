import { parseMapPoints } from '../../../../../common/domain/map-points';
import type { MapBase, MapProjects, MapProjectsWire, RegionBoundary } from '../../../../../common/schemas/map';
import { api } from '../../../lib/api-client';
import { type ProjectSearch, listQueryOf } from '../../projects/api/projects-api';

export type { MapBase, MapProjects, RegionBoundary };

export const mapApi = {
  base: (regionCode: string | undefined, signal?: AbortSignal) =>
    api.get<MapBase>('/map/base', regionCode ? { regionCode } : undefined, { signal }),
  /** The points of the projects the list's filters match (paging and sort left out). */
  projects: async (filters: ProjectSearch, signal?: AbortSignal): Promise<MapProjects> => {
    const { page: _page, pageSize: _pageSize, sort: _sort, ...query } = listQueryOf(filters);
    const wire = await api.get<MapProjectsWire>('/map/projects', query, { signal });
    return parseMapPoints(wire.rows, wire.pools, wire.unplaced);
  },
  uploadBoundary: (regionCode: string, geojson: unknown, source: string) =>
    api.post<RegionBoundary>(`/regions/${regionCode}/boundary`, { ...(geojson as object), source }),
};
