import { z } from 'zod';
import { PARCEL_STATUSES, POOLS } from '../enums';
import { regionCode } from './organisation';
import { csv, projectListQuery } from './projects';

/** A region's boundary as the map draws it: the checked GeoJSON and its extent [west, south, east, north]. */
export const regionBoundarySchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  /** A FeatureCollection of Polygons/MultiPolygons in WGS-84 degrees (see common/domain/boundary.ts). */
  geojson: z.object({ type: z.literal('FeatureCollection'), features: z.array(z.any()) }),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  vertexCount: z.number(),
  source: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type RegionBoundary = z.infer<typeof regionBoundarySchema>;

/**
 * The base of the map for a region: its own boundary, else its children's (a city drawn as its districts), the
 * intranet tile server when one is set, and whether the viewer may upload a boundary.
 */
export const mapBaseSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  boundary: regionBoundarySchema.nullable(),
  /** The boundaries of the region's children that have one (a city's districts). */
  children: z.array(regionBoundarySchema),
  tileUrl: z.string().nullable(),
  abilities: z.object({ upload: z.boolean() }),
});
export type MapBase = z.infer<typeof mapBaseSchema>;
export const mapBaseQuery = z.strictObject({ regionCode: regionCode.optional() });

/** An upload: a GeoJSON FeatureCollection or Feature, checked in full by the server; `source` names the file. */
export const boundaryUploadBody = z.looseObject({ type: z.string().max(40), source: z.string().trim().max(200).optional() });

/** The filters of the project list, without its paging and order. */
export const mapProjectsQuery = projectListQuery.omit({ page: true, pageSize: true, sort: true });
export type MapProjectsQuery = z.infer<typeof mapProjectsQuery>;

/**
 * Every project in scope the filters match that has a point, as text: one line a project,
 * `id,lon,lat,warning,pool,investmentYuan,name` (see common/domain/map-points.ts, which reads it into columns).
 */
export const mapProjectsSchema = z.object({
  rows: z.string(),
  pools: z.array(z.enum(POOLS)),
  /** How many matching projects have no point yet (“N个项目未标注位置”). */
  unplaced: z.number(),
});
export type MapProjectsWire = z.infer<typeof mapProjectsSchema>;
export type { MapPointColumns as MapProjects } from '../domain/map-points';

/** The carrier layers of the one map: park outlines (园区) and land parcels (地块). */
export const MAP_CARRIER_LAYERS = ['parks', 'parcels'] as const;
export type MapCarrierLayer = (typeof MAP_CARRIER_LAYERS)[number];
/** At most this many parks and this many parcels are answered; past it the layer says it was cut (`truncated`). */
export const MAP_CARRIER_LIMIT = 5000;

/**
 * `GET /map/carriers`: the parks and parcels of a region (the viewer's own by default; a city takes in its districts),
 * the layers asked for (both by default), the parcels narrowed by status.
 */
export const mapCarriersQuery = z.strictObject({
  regionCode: regionCode.optional(),
  layers: csv(z.enum(MAP_CARRIER_LAYERS)).optional(),
  parcelStatus: csv(z.enum(PARCEL_STATUSES)).optional(),
});
export type MapCarriersQuery = z.infer<typeof mapCarriersQuery>;

/** An outline's rings (the outer ring first), [longitude, latitude] in WGS-84, six decimals. */
const rings = z.array(z.array(z.tuple([z.number(), z.number()])));

export const mapParkSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** 亩. */
  areaMu: z.number().nullable(),
  /** null: no outline yet (not drawn, counted). */
  outline: rings.nullable(),
  /** The middle of the outline's extent, where its name is written. */
  centre: z.tuple([z.number(), z.number()]).nullable(),
});
export type MapPark = z.infer<typeof mapParkSchema>;

export const mapParcelSchema = z.object({
  id: z.string(),
  /** 地块编号. */
  code: z.string(),
  name: z.string(),
  status: z.enum(PARCEL_STATUSES),
  /** 亩. */
  areaMu: z.number(),
  parkName: z.string().nullable(),
  outline: rings.nullable(),
  centre: z.tuple([z.number(), z.number()]).nullable(),
});
export type MapParcel = z.infer<typeof mapParcelSchema>;

export const mapCarriersSchema = z.object({
  regionCode: z.string(),
  /** Empty when the layer was not asked for. */
  parks: z.array(mapParkSchema),
  parcels: z.array(mapParcelSchema),
  /** A layer cut at MAP_CARRIER_LIMIT rows. */
  truncated: z.object({ parks: z.boolean(), parcels: z.boolean() }),
});
export type MapCarriers = z.infer<typeof mapCarriersSchema>;
