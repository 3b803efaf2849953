import {
  customFieldCreateBody,
  customFieldIdParam,
  customFieldListQuery,
  customFieldSchema,
  customFieldUpdateBody,
} from '../../../common/schemas/custom-fields';
import { errorSchema, okSchema, pageOf } from '../../../common/schemas/shared';
import { can } from '../../lib/actor';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { resolveDistrict } from './district';
import { presentCustomField } from './presenter';
import { countProjectsWithValue, listCustomFields, projectCountsByKey } from './repository';
import { createCustomField, deleteCustomField, findVisibleCustomField, updateCustomField } from './service';

const tags = ['custom-fields'];
const responses = { ...errorResponses, 422: errorSchema } as const;

/** Custom fields (自定义字段) of a district's projects: read by everyone who works with projects, managed by administrators. */
export function customFieldRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/custom-fields',
    {
      schema: {
        tags,
        summary: "A district's custom project fields (the caller's own district unless regionCode names another)",
        querystring: customFieldListQuery,
        response: { 200: pageOf(customFieldSchema), ...errorResponses },
      },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const { actor } = request.context();
      const district = await resolveDistrict(db, actor, request.query.regionCode, 'query.regionCode');
      const { rows, total } = await listCustomFields(db, district.code, request.query);
      const manage = can(actor, 'custom_field.manage');
      const counts = manage
        ? await projectCountsByKey(
            db,
            district.code,
            rows.map((r) => r.key),
          )
        : new Map<string, number>();
      return {
        items: rows.map((r) => presentCustomField(actor, r, counts.get(r.key) ?? 0)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: { create: manage },
      };
    },
  );

  app.get(
    '/api/v1/custom-fields/:id',
    {
      schema: { tags, summary: 'One custom field', params: customFieldIdParam, response: { 200: customFieldSchema, ...errorResponses } },
      config: { access: 'authenticated' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findVisibleCustomField(db, actor, request.params.id);
      return presentCustomField(actor, row, await countProjectsWithValue(db, row.regionCode, row.key));
    },
  );

  app.post(
    '/api/v1/custom-fields',
    {
      schema: {
        tags,
        summary: 'Define a custom project field',
        body: customFieldCreateBody,
        response: { 201: customFieldSchema, ...responses },
      },
      config: { access: 'custom_field.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createCustomField({ ctx, tx, input: request.body }));
      return reply.status(201).send(presentCustomField(ctx.actor, row, 0));
    },
  );

  app.patch(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Edit a custom field (send its version; the key never changes, the type only while no project holds a value)',
        params: customFieldIdParam,
        body: customFieldUpdateBody,
        response: { 200: customFieldSchema, ...responses },
      },
      config: { access: 'custom_field.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateCustomField({ ctx, tx, id: request.params.id, input: request.body }));
      return presentCustomField(ctx.actor, row, await countProjectsWithValue(db, row.regionCode, row.key));
    },
  );

  app.delete(
    '/api/v1/custom-fields/:id',
    {
      schema: {
        tags,
        summary: 'Delete a custom field no project holds a value for (409 custom_field_in_use otherwise; If-Match honoured)',
        params: customFieldIdParam,
        response: { 200: okSchema, ...errorResponses },
      },
      config: { access: 'custom_field.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const ifMatch = request.headers['if-match'];
      await db.transaction((tx) => deleteCustomField({ ctx, tx, id: request.params.id, ifMatch }));
      return { ok: true as const };
    },
  );
}
