import {
  enterpriseCreateBody,
  enterpriseCreatedSchema,
  enterpriseListQuery,
  enterpriseSchema,
  enterpriseUpdateBody,
} from '../../../common/schemas/enterprises';
import { idParam, okSchema, pageOf } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { enterpriseListAbilities } from './policy';
import { presentEnterprise } from './presenter';
import { findEnterprise, listEnterprises } from './repository';
import { createEnterprise, deleteEnterprise, updateEnterprise } from './service';

const tags = ['enterprises'];

/** The enterprise register (企业库): the list with its filters, one enterprise, adding, editing and removing one. */
export function enterpriseRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/enterprises',
    {
      schema: {
        tags,
        summary:
          'The enterprises of the districts in reach: q by name, pinyin initials or the start of the USCC; tag and industryCode ' +
          '(comma-separated, any of), kind (local or target); sorted by name unless sort says otherwise',
        querystring: enterpriseListQuery,
        response: { 200: pageOf(enterpriseSchema), ...ruleErrorResponses },
      },
      config: { access: 'enterprise.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listEnterprises(db, actor, request.query);
      return {
        items: rows.map((row) => presentEnterprise(actor, row)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: enterpriseListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/enterprises/:id',
    {
      schema: { tags, summary: 'One enterprise', params: idParam, response: { 200: enterpriseSchema, ...ruleErrorResponses } },
      config: { access: 'enterprise.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findEnterprise(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentEnterprise(actor, row);
    },
  );

  app.post(
    '/api/v1/enterprises',
    {
      schema: {
        tags,
        summary:
          'Add an enterprise: a bad USCC is a 400 naming the position at fault, a USCC the district already has a 409 ' +
          'enterprise_duplicate_uscc naming that enterprise; names close to existing ones come back as warnings',
        body: enterpriseCreateBody,
        response: { 201: enterpriseCreatedSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const { row, warnings } = await db.transaction((tx) => createEnterprise({ ctx, tx, input: request.body }));
      return reply.code(201).send({ ...presentEnterprise(ctx.actor, row), warnings });
    },
  );

  app.patch(
    '/api/v1/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Edit an enterprise at the version read (the same rules as adding one)',
        params: idParam,
        body: enterpriseUpdateBody,
        response: { 200: enterpriseSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateEnterprise({ ctx, tx, id: request.params.id, input: request.body }));
      return presentEnterprise(ctx.actor, row);
    },
  );

  app.delete(
    '/api/v1/enterprises/:id',
    {
      schema: {
        tags,
        summary: 'Remove an enterprise from the register',
        params: idParam,
        response: { 200: okSchema, ...ruleErrorResponses },
      },
      config: { access: 'enterprise.manage' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deleteEnterprise({ ctx, tx, id: request.params.id }));
      return { ok: true as const };
    },
  );
}
