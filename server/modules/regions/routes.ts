import {
  regionCreateBody,
  regionListQuery,
  regionLookupQuery,
  regionLookupSchema,
  regionSchema,
  regionUpdateBody,
} from '../../../common/schemas/organisation';
import { pageOf } from '../../../common/schemas/shared';
import { can } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { lookupRegions } from './lookup';
import { presentRegion } from './presenter';
import { findRegion, listRegions } from './repository';
import { regionCodeParam } from './schema';
import { createRegion, updateRegion } from './service';

const tags = ['regions'];

/** The GB/T 2260 region tree: the actor's jurisdiction (editable) and its ancestors (read-only). */
export function regionRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/regions',
    {
      schema: {
        tags,
        summary: 'List regions: children of parentCode, matches of q, or else the own region',
        querystring: regionListQuery,
        response: { 200: pageOf(regionSchema), ...errorResponses },
      },
      config: { access: 'region.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listRegions(db, actor, request.query);
      return {
        items: rows.map((r) => presentRegion(actor, r)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: { create: can(actor, 'region.manage') },
      };
    },
  );

  app.get(
    '/api/v1/region-lookup',
    {
      schema: {
        tags,
        summary:
          'Provinces, cities and districts of all China whose name contains q, or whose code is among codes (comma-separated), ' +
          'with their full names (at most 20)',
        querystring: regionLookupQuery,
        response: { 200: regionLookupSchema, ...errorResponses },
      },
      config: { access: 'region.read' },
    },
    async (request) => lookupRegions(db, request.query),
  );

  app.get(
    '/api/v1/regions/:code',
    {
      schema: { tags, summary: 'One region', params: regionCodeParam, response: { 200: regionSchema, ...errorResponses } },
      config: { access: 'region.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findRegion(db, actor, request.params.code);
      if (!row) throw notFound();
      return presentRegion(actor, row);
    },
  );

  app.post(
    '/api/v1/regions',
    {
      schema: {
        tags,
        summary: 'Add a region under a parent in the jurisdiction',
        body: regionCreateBody,
        response: { 201: regionSchema, ...errorResponses },
      },
      config: { access: 'region.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createRegion({ ctx, tx, input: request.body }));
      return reply.status(201).send(presentRegion(ctx.actor, row));
    },
  );

  app.patch(
    '/api/v1/regions/:code',
    {
      schema: {
        tags,
        summary: 'Rename a region (send its version)',
        params: regionCodeParam,
        body: regionUpdateBody,
        response: { 200: regionSchema, ...errorResponses },
      },
      config: { access: 'region.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateRegion({ ctx, tx, code: request.params.code, input: request.body }));
      return presentRegion(ctx.actor, row);
    },
  );
}
