import { todayInChina } from '../../../common/domain/dates';
import { annualPlanBody, annualPlanSchema } from '../../../common/schemas/tracks';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { ANNUAL_PLAN_POOLS, freezeAnnualPlan, saveAnnualPlan } from './annual-plans-service';
import { canManageProject } from '../projects';
import { loadProject } from '../projects';
import { presentAnnualPlan } from './presenter';
import { projectTimeProgress } from './progress-service';
import { listAnnualPlans } from './repository';
import {
  annualPlanFreezeBody,
  annualPlanListSchema,
  annualPlanParam,
  annualPlanQuery,
  progressQuery,
  projectParam,
  projectProgressSchema,
} from '../../../common/schemas/tracks';

const tags = ['annual plans'];

/** The annual planned investment (年度计划) with its frozen baseline and adjustments, and progress against time. */
export function annualPlanRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/projects/:id/annual-plans',
    {
      schema: {
        tags,
        summary: "A year's annual plan versions (newest first), the current one and the frozen baseline",
        params: projectParam,
        querystring: annualPlanQuery,
        response: { 200: annualPlanListSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const project = await loadProject(db, actor, request.params.id);
      const year = request.query.year ?? Number(todayInChina().slice(0, 4));
      const versions = (await listAnnualPlans(db, project.id, year)).map(presentAnnualPlan);
      const baseline = versions.find((v) => v.versionNo === 1 && v.frozen) ?? null;
      return {
        year,
        items: versions,
        current: versions[0] ?? null,
        baseline,
        abilities: {
          save: canManageProject(actor, project, 'project.annual_plan') && ANNUAL_PLAN_POOLS.includes(project.pool),
          freeze: canManageProject(actor, project, 'project.freeze_plan'),
        },
      };
    },
  );

  app.post(
    '/api/v1/projects/:id/annual-plans',
    {
      schema: {
        tags,
        summary:
          'Set the annual plan: version 1, the open draft, or a new version after a freeze (needs a reason); ' +
          '`basedOn`, the current version as read (null: none), must still be current, else 409',
        params: projectParam,
        body: annualPlanBody,
        response: { 200: annualPlanSchema, 201: annualPlanSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.annual_plan' },
    },
    async (request, reply) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.basedOn?.version ?? 0);
      const saved = await db.transaction((tx) => saveAnnualPlan({ ctx, tx, projectId: request.params.id, input: request.body }));
      return reply.status(saved.created ? 201 : 200).send(presentAnnualPlan(saved.row));
    },
  );

  app.post(
    '/api/v1/projects/:id/annual-plans/:planId/freeze',
    {
      schema: {
        tags,
        summary:
          'Freeze a version as the baseline at the `version` read, else 409; freezing it again with its version or ' +
          'the one it was frozen at is a no-op answering 200',
        params: annualPlanParam,
        body: annualPlanFreezeBody,
        response: { 200: annualPlanSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.freeze_plan' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const { id, planId } = request.params;
      const input = request.body;
      return presentAnnualPlan(await db.transaction((tx) => freezeAnnualPlan({ ctx, tx, projectId: id, planId, input })));
    },
  );

  app.get(
    '/api/v1/projects/:id/progress',
    {
      schema: {
        tags,
        summary: 'Completion against time (时间进度) for a year, as of a date',
        params: projectParam,
        querystring: progressQuery,
        response: { 200: projectProgressSchema, ...ruleErrorResponses },
      },
      config: { access: 'project.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const project = await loadProject(db, actor, request.params.id);
      return projectTimeProgress(db, project, { ...request.query, locale: actor.locale });
    },
  );
}
