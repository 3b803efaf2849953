import {
  boundaryUploadBody,
  mapBaseQuery,
  mapBaseSchema,
  mapCarriersQuery,
  mapCarriersSchema,
  mapProjectsQuery,
  mapProjectsSchema,
  regionBoundarySchema,
} from '../../../common/schemas/map';
import { can } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { pathInJurisdiction } from '../../lib/scope';
import { type App, type Deps, errorResponses } from '../../lib/http';
import { actorHomeRegion, findRegion } from '../regions';
import { regionCodeParam } from '../regions';
import { findSettings } from '../settings';
import { mapCarriers } from './carriers';
import { mapProjects } from './points';
import { presentBoundary } from './presenter';
import { findBoundary, findChildBoundaries } from './repository';
import { uploadBoundary } from './service';

const tags = ['map'];
/** The largest boundary file accepted; larger answers 413 before it is read. */
export const BOUNDARY_BODY_LIMIT = 20 * 1024 * 1024;

/** The one map (一张图): a region's boundary as the base, the tile server, and the projects as points or grid cells. */
export function mapRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/map/base',
    {
      schema: {
        tags,
        summary: "A region's boundary and its children's (the viewer's own region by default) and the tile server",
        querystring: mapBaseQuery,
        response: { 200: mapBaseSchema, ...errorResponses },
      },
      config: { access: 'region.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const region = request.query.regionCode
        ? await findRegion(db, actor, request.query.regionCode)
        : await findRegion(db, actor, (await actorHomeRegion(db, actor)).code);
      if (!region) throw notFound();
      const [boundary, children, settings] = await Promise.all([
        findBoundary(db, region.code),
        findChildBoundaries(db, region.code),
        findSettings(db),
      ]);
      return {
        regionCode: region.code,
        regionName: region.name,
        boundary: boundary ? presentBoundary(boundary) : null,
        children: children.map(presentBoundary),
        tileUrl: settings.mapTileUrl,
        abilities: { upload: can(actor, 'region.manage') && pathInJurisdiction(actor, region.path) },
      };
    },
  );

  app.post(
    '/api/v1/regions/:code/boundary',
    {
      schema: {
        tags,
        summary: "Replace a region's boundary with a GeoJSON FeatureCollection of Polygons in WGS-84 (at most 20 MB)",
        params: regionCodeParam,
        body: boundaryUploadBody,
        response: { 200: regionBoundarySchema, ...errorResponses },
      },
      bodyLimit: BOUNDARY_BODY_LIMIT,
      config: { access: 'region.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => uploadBoundary({ ctx, tx, regionCode: request.params.code, body: request.body }));
      return presentBoundary(row);
    },
  );

  app.get(
    '/api/v1/map/projects',
    {
      schema: {
        tags,
        summary:
          'The projects in scope the project list filters match in a view (bbox): their points while the view holds at most maxPoints (2,000), else grid cells of counts by colour and pool (zoom: the grid level)',
        querystring: mapProjectsQuery,
        response: { 200: mapProjectsSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => mapProjects(db, request.context().actor, request.query),
  );

  app.get(
    '/api/v1/map/carriers',
    {
      schema: {
        tags,
        summary: "The parks' outlines and the land parcels (outline, status, 亩) of a region in reach, as map layers",
        querystring: mapCarriersQuery,
        response: { 200: mapCarriersSchema, ...errorResponses },
      },
      config: { access: 'carrier.read' },
    },
    async (request) => mapCarriers(db, request.context().actor, request.query),
  );
}
