import { z } from 'zod';
import { PARCEL_STATUSES, POOLS } from '../enums';
import { type Bbox, MAP_MAX_CELLS_ACROSS, MAP_MAX_ZOOM, MAP_POINTS_LIMIT, cellsAcross } from '../domain/map-grid';
import type { MapPointColumns } from '../domain/map-points';
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

/** A number of the `bbox` parameter: a plain decimal (no exponent, no `Infinity`). */
const DECIMAL = /^-?\d{1,3}(\.\d{1,15})?$/;

/** `bbox=west,south,east,north`: four decimal degrees (WGS-84), west < east, south < north, on the globe. */
const bboxParam = z
  .string()
  .max(200)
  .transform((text, ctx): Bbox => {
    const parts = text.split(',');
    const numbers = parts.map(Number);
    const [west = 0, south = 0, east = 0, north = 0] = numbers;
    const valid =
      parts.length === 4 &&
      parts.every((part) => DECIMAL.test(part)) &&
      west >= -180 &&
      east <= 180 &&
      south >= -90 &&
      north <= 90 &&
      west < east &&
      south < north;
    if (!valid) {
      ctx.addIssue({ code: 'custom', message: 'map.bbox_invalid' });
      return z.NEVER;
    }
    return [west, south, east, north];
  })
  .meta({ description: 'The view: west,south,east,north in WGS-84 degrees', example: '116.95,36.66,117.05,36.78' });

/**
 * The filters of the project list (without its paging and order), and the view: `bbox` (default: the extent of the
 * matching points), `zoom` (the grid's level, see common/domain/map-grid.ts; default: about 16 cells across the view),
 * `maxPoints` (points are answered while the view holds at most this many, else cells; default and most
 * MAP_POINTS_LIMIT; 0 asks for cells whatever the count).
 */
export const mapProjectsQuery = projectListQuery
  .omit({ page: true, pageSize: true, sort: true })
  .extend({
    bbox: bboxParam.optional(),
    zoom: z.coerce.number().int().min(0).max(MAP_MAX_ZOOM).optional(),
    maxPoints: z.coerce.number().int().min(0).max(MAP_POINTS_LIMIT).optional(),
  })
  .superRefine((query, ctx) => {
    if (query.zoom === undefined) return;
    if (!query.bbox) ctx.addIssue({ code: 'custom', path: ['zoom'], message: 'map.zoom_without_bbox' });
    else if (cellsAcross(query.bbox, query.zoom) > MAP_MAX_CELLS_ACROSS)
      ctx.addIssue({ code: 'custom', path: ['zoom'], message: 'map.zoom_too_fine' });
  });
export type MapProjectsQuery = z.infer<typeof mapProjectsQuery>;

/** How the view is answered: its points one by one, or grid cells of counts (more than `maxPoints` in it). */
export const MAP_ANSWER_MODES = ['points', 'cells'] as const;
export type MapAnswerMode = (typeof MAP_ANSWER_MODES)[number];

const bboxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

/**
 * A grid cell of the view: how many of the matching projects have their point in it, by warning colour (`warning`:
 * none, green, yellow, red — the points' 0–3) and by pool (`pool`, in the order of `pools`), their total investment,
 * the mean of their points (where the bubble is drawn) and the extent of their points (what a click zooms to).
 */
export const mapCellSchema = z.object({
  lon: z.number(),
  lat: z.number(),
  count: z.number(),
  warning: z.array(z.number()),
  pool: z.array(z.number()),
  investmentYuan: z.number(),
  bounds: bboxSchema,
});
export type MapCell = z.infer<typeof mapCellSchema>;

/**
 * The projects in scope the filters match in the view. `mode` points: every one that has a point there, as text, one
 * line a project, `id,lon,lat,warning,pool,investmentYuan,name` (see common/domain/map-points.ts, which reads it into
 * columns), and no cells; `mode` cells: the grid's cells holding any (`rows` empty). Either way `placed` is how many
 * have their point in the view (the cells' counts add up to it) and `unplaced` how many have no point at all.
 */
export const mapProjectsSchema = z.object({
  mode: z.enum(MAP_ANSWER_MODES),
  /** The view answered: the bbox asked, else the extent of the matching points (null: none has a point). */
  view: bboxSchema.nullable(),
  /** The grid's level (asked, or picked for the view); null without a view. */
  zoom: z.number().nullable(),
  placed: z.number(),
  rows: z.string(),
  cells: z.array(mapCellSchema),
  pools: z.array(z.enum(POOLS)),
  /** How many matching projects have no point yet (“N个项目未标注位置”). */
  unplaced: z.number(),
});
export type MapProjectsWire = z.infer<typeof mapProjectsSchema>;
/** The answer as the page holds it: the points read into columns, the cells as they came. */
export type MapProjects = MapPointColumns & Pick<MapProjectsWire, 'mode' | 'view' | 'zoom' | 'placed' | 'cells'>;

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
