import { fundingLineCreateBody, fundingLineSchema, fundingLineUpdateBody } from '../../../common/schemas/tracks';
import { okSchema } from '../../../common/schemas/shared';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { canManageProject } from '../projects';
import { loadProject } from '../projects';
import { fundingTotals, presentFundingLine } from './presenter';
import { listFundingLines } from './repository';
import { fundingLineListSchema, fundingLineParam, projectParam } from '../../../common/schemas/tracks';
import { createFundingLine, deleteFundingLine, updateFundingLine } from './funding-lines-service';

const tags = ['funding lines'];

/** The financing track (融资): a project's funding plan by source, with amounts applied, approved and received. */
export function fundingLineRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/projects/:id/funding-lines',
    {
      schema: {
        tags,
        summary: "A project's funding lines",
        params: projectParam,
        response: { 200: fundingLineListSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const project = await loadProject(db, actor, request.params.id);
      const rows = await listFundingLines(db, project.id);
      const editable = canManageProject(actor, project, 'project.update');
      return {
        items: rows.map((r) => presentFundingLine(actor.locale, r)),
        totals: fundingTotals(rows),
        abilities: { create: editable, update: editable, delete: editable },
      };
    },
  );

  app.post(
    '/api/v1/projects/:id/funding-lines',
    {
      schema: {
        tags,
        summary: 'Add a funding line (one per source)',
        params: projectParam,
        body: fundingLineCreateBody,
        response: { 201: fundingLineSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.update' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createFundingLine({ ctx, tx, projectId: request.params.id, input: request.body }));
      return reply.status(201).send(presentFundingLine(ctx.actor.locale, row));
    },
  );

  app.patch(
    '/api/v1/projects/:id/funding-lines/:lineId',
    {
      schema: {
        tags,
        summary: 'Update a funding line (send its version)',
        params: fundingLineParam,
        body: fundingLineUpdateBody,
        response: { 200: fundingLineSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.update' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const { id, lineId } = request.params;
      const row = await db.transaction((tx) => updateFundingLine({ ctx, tx, projectId: id, id: lineId, input: request.body }));
      return presentFundingLine(ctx.actor.locale, row);
    },
  );

  app.delete(
    '/api/v1/projects/:id/funding-lines/:lineId',
    {
      schema: { tags, summary: 'Delete a funding line', params: fundingLineParam, response: { 200: okSchema, ...ruleErrorResponses } },
      config: { access: 'project.update' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, lineId } = request.params;
      await db.transaction((tx) => deleteFundingLine({ ctx, tx, projectId: id, id: lineId }));
      return { ok: true as const };
    },
  );
}
