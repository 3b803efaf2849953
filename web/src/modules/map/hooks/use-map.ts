import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProjectFilters } from '../../projects/api/projects-api';
import { PROJECTS_KEY } from '../../projects/hooks/use-projects';
import { useState } from 'react';
import { type MapCarrierLayer, mapApi } from '../api/map-api';
import type { MapViewRequest } from '../utils/cells';

const MAP_BASE_KEY = ['map-base'] as const;

/** The map's base for a region (the viewer's own by default): boundary, children's boundaries, tile server. */
export function useMapBase(regionCode?: string) {
  return useQuery({
    queryKey: [...MAP_BASE_KEY, regionCode ?? 'own'],
    queryFn: ({ signal }) => mapApi.base(regionCode, signal),
    staleTime: 5 * 60_000,
  });
}

/**
 * The filtered projects in the map's view (points, or grid cells when the view holds many): under the projects' key,
 * so saving a project refreshes them. The view is the one the map last reported (`onViewChange` of RegionMap,
 * debounced there); nothing is asked before the map has said what it shows. Each view is its own query, so an answer
 * for a view left meanwhile is never drawn (its request is cancelled), and the last answer stays drawn while the next
 * comes. Asked again every `refreshEveryMs` when given (the big screen).
 */
export function useMapProjects(filters: ProjectFilters, enabled = true, refreshEveryMs?: number) {
  const [view, setView] = useState<MapViewRequest | undefined>(undefined);
  const points = useQuery({
    queryKey: [...PROJECTS_KEY, 'map', filters, view],
    queryFn: ({ signal }) => mapApi.projects(filters, view ?? {}, signal),
    placeholderData: keepPreviousData,
    enabled: enabled && view !== undefined,
    refetchInterval: refreshEveryMs,
  });
  return { points, onViewChange: setView };
}

/** The parks and parcels layers of a region (none asked: nothing fetched). */
export function useMapCarriers(regionCode: string | undefined, layers: MapCarrierLayer[]) {
  return useQuery({
    queryKey: ['map-carriers', regionCode ?? 'own', layers],
    queryFn: ({ signal }) => mapApi.carriers(regionCode, layers, signal),
    enabled: layers.length > 0,
    staleTime: 60_000,
  });
}

export function useUploadBoundary() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ regionCode, geojson, source }: { regionCode: string; geojson: unknown; source: string }) =>
      mapApi.uploadBoundary(regionCode, geojson, source),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MAP_BASE_KEY }),
  });
}
