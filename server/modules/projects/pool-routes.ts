import { z } from 'zod';
import {
  gateCheckSchema,
  gateConfigBody,
  gateConfigSchema,
  leaderOptionListSchema,
  poolMoveBody,
  projectSchema,
  projectTimelineSchema,
} from '../../../common/schemas/projects';
import { idParam } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses, ruleErrorResponses } from '../../lib/http';
import { checkMoves } from './gate-checks';
import { getGateConfig, updateGateConfig } from './gate-config';
import { leaderOptions } from './leader-options';
import { moveProject } from './move-project';
import { presentMoveCheck, presentProject } from './presenter';
import { findProjectDetail } from './repository';
import { projectTimeline } from './timeline';

const tags = ['projects'];

/** Pool moves (三大库) with their gates, a project's timeline, the district's gate configuration and leader options. */
export function poolRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/projects/:id/gates',
    {
      schema: {
        tags,
        summary: 'Every move possible from the project’s pool, with its gate conditions',
        params: idParam,
        response: { 200: z.array(gateCheckSchema), ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const project = await findProjectDetail(db, actor, request.params.id);
      if (!project) throw notFound();
      return (await checkMoves(db, actor, project)).map((check) => presentMoveCheck(actor, check));
    },
  );

  app.post(
    '/api/v1/projects/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a project to another pool (422 gate_refused lists the unmet conditions)',
        params: idParam,
        body: poolMoveBody,
        response: { 200: projectSchema, ...ruleErrorResponses },
      },
      config: { access: { anyOf: ['project.move', 'project.move_back'] } },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => moveProject({ ctx, tx, id: request.params.id, input: request.body }));
      return presentProject(ctx.actor, row);
    },
  );

  app.get(
    '/api/v1/projects/:id/timeline',
    {
      schema: {
        tags,
        summary: 'A project’s history: creation, pool moves, 项目代码 changes (newest first)',
        params: idParam,
        response: { 200: projectTimelineSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => projectTimeline(db, request.context().actor, request.params.id),
  );

  app.get(
    '/api/v1/project-gates',
    {
      schema: { tags, summary: 'The pool gates of the actor’s district', response: { 200: gateConfigSchema, ...errorResponses } },
      config: { access: 'project.read' },
    },
    async (request) => getGateConfig(db, request.context().actor),
  );

  app.get(
    '/api/v1/project-leader-options',
    {
      schema: {
        tags,
        summary: 'The district’s leaders who can be put in charge of a project (for the picker)',
        response: { 200: leaderOptionListSchema, ...errorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => leaderOptions(db, request.context().actor),
  );

  app.put(
    '/api/v1/project-gates',
    {
      schema: {
        tags,
        summary: 'Replace the pool gates of the actor’s district (send the version read; 0 while on the defaults)',
        body: gateConfigBody,
        response: { 200: gateConfigSchema, ...errorResponses },
      },
      config: { access: 'project.configure' },
    },
    async (request) => {
      const ctx = request.context();
      return db.transaction((tx) => updateGateConfig({ ctx, tx, input: request.body }));
    },
  );
}
