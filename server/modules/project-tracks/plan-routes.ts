import { todayInChina } from '../../../common/domain/dates';
import { planBody, planSchema } from '../../../common/schemas/tracks';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { loadProject } from '../projects';
import { presentPlan, presentPlanTemplate } from './presenter';
import { listApprovalItems, listMilestones, listPlanTemplates } from './repository';
import { applyTemplateBody, planTemplateListSchema, planTemplateQuery, projectParam } from '../../../common/schemas/tracks';
import { applyPlanTemplate, savePlan } from './plan-service';

const tags = ['plans'];

/** The construction track's plan (一项目一方案): milestones scheduled backwards from the target completion. */
export function planScheduleRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/projects/:id/plan',
    {
      schema: {
        tags,
        summary: "A project's plan, scheduled (critical path, float, overdue)",
        params: projectParam,
        response: { 200: planSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const project = await loadProject(db, actor, request.params.id);
      const [rows, items] = await Promise.all([listMilestones(db, project.id), listApprovalItems(db, project.id)]);
      return presentPlan(project, rows, todayInChina(), { locale: actor.locale, items });
    },
  );

  app.put(
    '/api/v1/projects/:id/plan',
    {
      schema: {
        tags,
        summary: "Save the whole plan (send the project's version)",
        params: projectParam,
        body: planBody,
        response: { 200: planSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.plan' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      // Presented inside the transaction: a plan that cannot be shown is not saved either.
      return db.transaction(async (tx) => {
        const saved = await savePlan({ ctx, tx, projectId: request.params.id, input: request.body });
        return presentPlan(saved.project, saved.rows, todayInChina(), { locale: ctx.actor.locale, items: saved.approvals });
      });
    },
  );

  app.post(
    '/api/v1/projects/:id/plan/apply-template',
    {
      schema: {
        tags,
        summary: "Replace the plan with a template's milestones (send the project's version)",
        params: projectParam,
        body: applyTemplateBody,
        response: { 200: planSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.plan' },
    },
    async (request) => {
      const ctx = request.context();
      return db.transaction(async (tx) => {
        const saved = await applyPlanTemplate({ ctx, tx, projectId: request.params.id, input: request.body });
        return presentPlan(saved.project, saved.rows, todayInChina(), { locale: ctx.actor.locale, items: saved.approvals });
      });
    },
  );

  app.get(
    '/api/v1/plan-templates',
    {
      schema: {
        tags,
        summary: 'Plan templates (with categoryCode: those for the category and those for every category)',
        querystring: planTemplateQuery,
        response: { 200: planTemplateListSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => ({ items: (await listPlanTemplates(db, request.query.categoryCode)).map(presentPlanTemplate) }),
  );
}
