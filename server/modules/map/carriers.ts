import type { SiteOutline } from '../../../common/schemas/projects';
import { MAP_CARRIER_LAYERS, MAP_CARRIER_LIMIT, type MapCarriers, type MapCarriersQuery } from '../../../common/schemas/map';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { parcelShapes, parkShapes } from '../carriers';
import { actorHomeRegion, findRegion } from '../regions';

type Position = [number, number];

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** An outline's rings with six decimals (about 0.1 m): what the map draws, no more. */
export const roundedRings = (outline: SiteOutline | null): Position[][] | null =>
  outline ? outline.coordinates.map((ring) => ring.map(([x, y]) => [round6(x), round6(y)] as Position)) : null;

/** The middle of the outer ring's extent: where a park's name or a parcel's mark is placed. */
export function outlineCentre(rings: Position[][] | null): Position | null {
  const outer = rings?.[0];
  if (!outer?.length) return null;
  let [west, south, east, north] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [x, y] of outer) {
    west = Math.min(west, x);
    east = Math.max(east, x);
    south = Math.min(south, y);
    north = Math.max(north, y);
  }
  return [round6((west + east) / 2), round6((south + north) / 2)];
}

/**
 * The parks and parcels of a region in the actor's reach, as map layers (GET /map/carriers): the region named (it
 * must be one the actor sees, else 404) or his own; a city or province takes in the districts below it.
 */
export async function mapCarriers(db: Executor, actor: Actor, query: MapCarriersQuery): Promise<MapCarriers> {
  const region = query.regionCode
    ? await findRegion(db, actor, query.regionCode)
    : await findRegion(db, actor, (await actorHomeRegion(db, actor)).code);
  if (!region) throw notFound();
  const layers = new Set(query.layers?.length ? query.layers : MAP_CARRIER_LAYERS);
  const [parkRows, parcelRows] = await Promise.all([
    layers.has('parks') ? parkShapes(db, actor, region.path, MAP_CARRIER_LIMIT) : [],
    layers.has('parcels') ? parcelShapes(db, actor, region.path, query.parcelStatus, MAP_CARRIER_LIMIT) : [],
  ]);
  return {
    regionCode: region.code,
    parks: parkRows.slice(0, MAP_CARRIER_LIMIT).map((row) => {
      const outline = roundedRings(row.outline);
      return { id: row.id, name: row.name, areaMu: row.areaMu, outline, centre: outlineCentre(outline) };
    }),
    parcels: parcelRows.slice(0, MAP_CARRIER_LIMIT).map((row) => {
      const outline = roundedRings(row.outline);
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        status: row.status,
        areaMu: row.areaMu,
        parkName: row.parkName,
        outline,
        centre: outlineCentre(outline),
      };
    }),
    truncated: { parks: parkRows.length > MAP_CARRIER_LIMIT, parcels: parcelRows.length > MAP_CARRIER_LIMIT },
  };
}
