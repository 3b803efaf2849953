import { approvalItemCreateBody, approvalItemSchema, approvalItemUpdateBody } from '../../../common/schemas/tracks';
import { okSchema } from '../../../common/schemas/shared';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { canManageProject } from '../projects';
import { loadProject } from '../projects';
import { presentApprovalItem } from './presenter';
import { listApprovalItems } from './repository';
import { approvalItemListSchema, approvalItemParam, projectParam } from '../../../common/schemas/tracks';
import { createApprovalItem, deleteApprovalItem, updateApprovalItem } from './approval-items-service';

const tags = ['approval items'];

/** The approval track (立项): a project's approval items with their status and dates. */
export function approvalItemRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/projects/:id/approval-items',
    {
      schema: {
        tags,
        summary: "A project's approval items",
        params: projectParam,
        response: { 200: approvalItemListSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const project = await loadProject(db, actor, request.params.id);
      const rows = await listApprovalItems(db, project.id);
      const editable = canManageProject(actor, project, 'project.update');
      return {
        items: rows.map((r) => presentApprovalItem(actor.locale, r)),
        abilities: { create: editable, update: editable, delete: editable },
      };
    },
  );

  app.post(
    '/api/v1/projects/:id/approval-items',
    {
      schema: {
        tags,
        summary: 'Add an approval item (one per type)',
        params: projectParam,
        body: approvalItemCreateBody,
        response: { 201: approvalItemSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.update' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createApprovalItem({ ctx, tx, projectId: request.params.id, input: request.body }));
      return reply.status(201).send(presentApprovalItem(ctx.actor.locale, row));
    },
  );

  app.patch(
    '/api/v1/projects/:id/approval-items/:itemId',
    {
      schema: {
        tags,
        summary: 'Update an approval item (send its version)',
        params: approvalItemParam,
        body: approvalItemUpdateBody,
        response: { 200: approvalItemSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.update' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const { id, itemId } = request.params;
      const row = await db.transaction((tx) => updateApprovalItem({ ctx, tx, projectId: id, id: itemId, input: request.body }));
      return presentApprovalItem(ctx.actor.locale, row);
    },
  );

  app.delete(
    '/api/v1/projects/:id/approval-items/:itemId',
    {
      schema: { tags, summary: 'Delete an approval item', params: approvalItemParam, response: { 200: okSchema, ...ruleErrorResponses } },
      config: { access: 'project.update' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, itemId } = request.params;
      await db.transaction((tx) => deleteApprovalItem({ ctx, tx, projectId: id, id: itemId }));
      return { ok: true as const };
    },
  );
}
