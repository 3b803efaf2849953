import {
  bindMilestoneBody,
  milestoneParam,
  planTemplateBody,
  planTemplateParam,
  planTemplateSchema,
  unboundMilestoneListSchema,
  unboundMilestoneQuery,
} from '../../../common/schemas/tracks';
import { type App, type Deps, ruleErrorResponses } from '../../lib/http';
import { presentPlanTemplate } from './presenter';
import { updatePlanTemplate } from './template-service';
import { bindUnboundMilestone, listUnboundMilestones } from './unbound-milestones';

const tags = ['plans'];

/** The project office's plan templates (their milestones and bindings) and its report of milestones left unbound. */
export function planTemplateRoutes(app: App, { db }: Deps) {
  app.put(
    '/api/v1/plan-templates/:id',
    {
      schema: {
        tags,
        summary: "Replace a plan template's milestones and their bindings (send the template's version)",
        params: planTemplateParam,
        body: planTemplateBody,
        response: { 200: planTemplateSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.configure' },
    },
    async (request) => {
      const ctx = request.context();
      const saved = await db.transaction((tx) => updatePlanTemplate({ ctx, tx, id: request.params.id, input: request.body }));
      return presentPlanTemplate(saved);
    },
  );

  app.get(
    '/api/v1/plans/unbound-milestones',
    {
      schema: {
        tags,
        summary: "Plan milestones left unbound whose name binds them but whose approval item says another day (the reader's projects)",
        querystring: unboundMilestoneQuery,
        response: { 200: unboundMilestoneListSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => ({ items: await listUnboundMilestones(db, request.context().actor, request.query.q) }),
  );

  app.post(
    '/api/v1/projects/:id/plan/milestones/:milestoneId/bind',
    {
      schema: {
        tags,
        summary: "Bind a milestone of the unbound report to its approval item: it takes the item's date (send the project's version)",
        params: milestoneParam,
        body: bindMilestoneBody,
        response: { 200: unboundMilestoneListSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.plan' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, milestoneId } = request.params;
      await db.transaction((tx) => bindUnboundMilestone({ ctx, tx, projectId: id, milestoneId, version: request.body.version }));
      return { items: await listUnboundMilestones(db, ctx.actor, undefined) };
    },
  );
}
