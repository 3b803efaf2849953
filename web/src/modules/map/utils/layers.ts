import type { MapCarrierLayer } from '../api/map-api';

/** The layers of the map page, in the switch's order: the projects' points and the carriers (parks, parcels). */
export const MAP_LAYERS = ['projects', 'parks', 'parcels'] as const satisfies readonly ('projects' | MapCarrierLayer)[];
export type MapLayer = (typeof MAP_LAYERS)[number];

/** The layers named in the address (`layers=projects,parcels`), in the switch's order; the projects alone when none. */
export function layersFromParam(value: string | null): MapLayer[] {
  if (value === null) return ['projects'];
  const named = new Set(value.split(','));
  return MAP_LAYERS.filter((layer) => named.has(layer));
}
