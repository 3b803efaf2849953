import {
  projectCreateBody,
  projectListItemSchema,
  projectListQuery,
  projectSchema,
  projectTotalsSchema,
  projectUpdateBody,
} from '../../../common/schemas/projects';
import { idParam, pageOf } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses } from '../../lib/http';
import { createProject } from './create-project';
import { listProjects } from './list-repository';
import { projectTotals } from './list-totals';
import { projectListAbilities } from './policy';
import { poolRoutes } from './pool-routes';
import { presentProject, presentProjectListItem } from './presenter';
import { findProjectDetail } from './repository';
import { updateProject } from './update-project';

const tags = ['projects'];

/** The project library: list, read, create and edit projects; pool moves and gates are in pool-routes.ts. */
export function projectRoutes(app: App, deps: Deps) {
  const { db } = deps;

  app.get(
    '/api/v1/projects/totals',
    {
      schema: {
        tags,
        summary: 'Count and sums (total and annual-plan investment) of the projects the list filters match in scope',
        querystring: projectListQuery,
        response: { 200: projectTotalsSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => projectTotals(db, request.context().actor, request.query),
  );

  app.get(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: 'List projects in scope (filters, search by name, pinyin initials or 项目代码)',
        querystring: projectListQuery,
        response: { 200: pageOf(projectListItemSchema), ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total, totalCapped } = await listProjects(db, actor, request.query);
      return {
        items: rows.map((r) => presentProjectListItem(actor, r)),
        total,
        ...(totalCapped ? { totalCapped } : {}),
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: projectListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/projects/:id',
    {
      schema: { tags, summary: 'One project', params: idParam, response: { 200: projectSchema, ...errorResponses } },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findProjectDetail(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentProject(actor, row);
    },
  );

  app.post(
    '/api/v1/projects',
    {
      schema: {
        tags,
        summary: 'Create a project (planning pool)',
        body: projectCreateBody,
        response: { 201: projectSchema, ...errorResponses },
      },
      config: { access: 'project.create' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createProject({ ctx, tx, input: request.body }));
      return reply.status(201).send(presentProject(ctx.actor, row));
    },
  );

  app.patch(
    '/api/v1/projects/:id',
    {
      schema: {
        tags,
        summary: 'Update a project (send its version)',
        params: idParam,
        body: projectUpdateBody,
        response: { 200: projectSchema, ...errorResponses },
      },
      config: { access: 'project.update' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateProject({ ctx, tx, id: request.params.id, input: request.body }));
      return presentProject(ctx.actor, row);
    },
  );

  poolRoutes(app, deps);
}
