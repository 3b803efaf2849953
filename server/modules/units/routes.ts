import { unitCreateBody, unitListQuery, unitSchema, unitUpdateBody } from '../../../common/schemas/organisation';
import { idParam, okSchema, pageOf } from '../../../common/schemas/shared';
import { can } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { presentUnit } from './presenter';
import { findUnit, listUnits } from './repository';
import { createUnit, deleteUnit, updateUnit } from './service';

const tags = ['units'];

export function unitRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/units',
    {
      schema: {
        tags,
        summary: 'List units in scope',
        querystring: unitListQuery,
        response: { 200: pageOf(unitSchema), ...errorResponses },
      },
      config: { access: 'unit.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listUnits(db, actor, request.query);
      return {
        items: rows.map((r) => presentUnit(actor, r)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: { create: can(actor, 'unit.create') },
      };
    },
  );

  app.get(
    '/api/v1/units/:id',
    {
      schema: { tags, summary: 'One unit', params: idParam, response: { 200: unitSchema, ...errorResponses } },
      config: { access: 'unit.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findUnit(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentUnit(actor, row);
    },
  );

  app.post(
    '/api/v1/units',
    {
      schema: { tags, summary: 'Create a unit', body: unitCreateBody, response: { 201: unitSchema, ...errorResponses } },
      config: { access: 'unit.create' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createUnit({ ctx, tx, input: request.body }));
      return reply.status(201).send(presentUnit(ctx.actor, row));
    },
  );

  app.patch(
    '/api/v1/units/:id',
    {
      schema: {
        tags,
        summary: 'Update a unit (send its version)',
        params: idParam,
        body: unitUpdateBody,
        response: { 200: unitSchema, ...errorResponses },
      },
      config: { access: 'unit.update' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateUnit({ ctx, tx, id: request.params.id, input: request.body }));
      return presentUnit(ctx.actor, row);
    },
  );

  app.delete(
    '/api/v1/units/:id',
    {
      schema: { tags, summary: 'Delete an empty unit', params: idParam, response: { 200: okSchema, ...errorResponses } },
      config: { access: 'unit.delete' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deleteUnit({ ctx, tx, id: request.params.id }));
      return { ok: true as const };
    },
  );
}
