import {
  dictionaryCreateBody,
  dictionaryItemParam,
  dictionaryItemSchema,
  dictionaryListQuery,
  dictionaryTypeParam,
  dictionaryUpdateBody,
} from '../../../common/schemas/reference';
import { pageOf } from '../../../common/schemas/shared';
import { can } from '../../lib/actor';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { presentDictionaryItem } from './presenter';
import { countByType, listDictionaryItems } from './repository';
import { dictionaryTypesSchema } from './schema';
import { createDictionaryItem, updateDictionaryItem } from './service';

const tags = ['dictionaries'];

/** Global code tables (industries, categories, sources, tags …): read by everyone, managed by administrators. */
export function dictionaryRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/dictionaries',
    {
      schema: { tags, summary: 'Dictionary types with their item counts', response: { 200: dictionaryTypesSchema, ...errorResponses } },
      config: { access: 'dictionary.read' },
    },
    async () => ({ items: await countByType(db) }),
  );

  app.get(
    '/api/v1/dictionaries/:type/items',
    {
      schema: {
        tags,
        summary: 'Items of one dictionary',
        params: dictionaryTypeParam,
        querystring: dictionaryListQuery,
        response: { 200: pageOf(dictionaryItemSchema), ...errorResponses },
      },
      config: { access: 'dictionary.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listDictionaryItems(db, request.params.type, request.query);
      return {
        items: rows.map((r) => presentDictionaryItem(actor, r)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: { create: can(actor, 'dictionary.manage') },
      };
    },
  );

  app.post(
    '/api/v1/dictionaries/:type/items',
    {
      schema: {
        tags,
        summary: 'Add an item to a dictionary',
        params: dictionaryTypeParam,
        body: dictionaryCreateBody,
        response: { 201: dictionaryItemSchema, ...errorResponses },
      },
      config: { access: 'dictionary.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createDictionaryItem({ ctx, tx, type: request.params.type, input: request.body }));
      return reply.status(201).send(presentDictionaryItem(ctx.actor, row));
    },
  );

  app.patch(
    '/api/v1/dictionaries/:type/items/:id',
    {
      schema: {
        tags,
        summary: 'Edit or disable an item (send its version)',
        params: dictionaryItemParam,
        body: dictionaryUpdateBody,
        response: { 200: dictionaryItemSchema, ...errorResponses },
      },
      config: { access: 'dictionary.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const { type, id } = request.params;
      const row = await db.transaction((tx) => updateDictionaryItem({ ctx, tx, type, id, input: request.body }));
      return presentDictionaryItem(ctx.actor, row);
    },
  );
}
