import { todayInChina } from '../../../common/domain/dates';
import type { MatterAction } from '../../../common/domain/matters';
import {
  matterCreateBody,
  matterDetailSchema,
  matterListQuery,
  matterParam,
  matterReassignBody,
  matterSchema,
  matterStatsQuery,
  matterStatsSchema,
  matterStepBody,
} from '../../../common/schemas/matters';
import type { Permission } from '../../../common/permissions';
import { pageOf } from '../../../common/schemas/shared';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import type { Executor } from '../../db/client';
import { visitOfDemand } from '../visits';
import { matterListAbilities } from './policy';
import { presentMatter, presentMatterDetail } from './presenter';
import { type MatterRow, findMatter, listEntries, listMatters } from './repository';
import { reassignMatter } from './reassign';
import { createMatter, takeMatterStep } from './service';
import { presentStats } from './stats';
import { matterStats } from './stats-repository';

const tags = ['matters'];

/** Each step of the loop: its path, who may call it, and what it does. */
const STEPS: { action: MatterAction; path: string; access: Permission; summary: string }[] = [
  { action: 'accept', path: 'accept', access: 'matter.handle', summary: 'The lead unit accepts (签收) an assigned matter' },
  { action: 'start', path: 'start', access: 'matter.handle', summary: 'The lead unit starts work (办理) on an accepted matter' },
  {
    action: 'contribute',
    path: 'contribute',
    access: 'matter.handle',
    summary: 'A co-unit (or the lead unit) adds its input (text required) while the matter is accepted or in progress',
  },
  { action: 'feedback', path: 'feedback', access: 'matter.handle', summary: 'The lead unit answers (反馈, text required)' },
  {
    action: 'submit_review',
    path: 'submit-review',
    access: 'matter.handle',
    summary: 'The lead unit submits its answer for review (复核)',
  },
  { action: 'close', path: 'close', access: 'matter.review', summary: 'The reviewer (the raising side) closes the matter (销号)' },
  {
    action: 'send_back',
    path: 'send-back',
    access: 'matter.review',
    summary: 'The reviewer sends the matter back to work with the reason (text required)',
  },
];

/** Matters (问题协调): the board, one matter with its timeline, raising one, each step of the loop, the statistics. */
export function matterRoutes(app: App, { db }: Deps) {
  const detail = async (executor: Executor, actor: Actor, row: MatterRow) => {
    const [entries, sourceVisit] = await Promise.all([
      listEntries(executor, row.id),
      row.source === 'enterprise_demand' ? visitOfDemand(executor, actor, row.id) : null,
    ]);
    return presentMatterDetail(actor, row, entries, todayInChina(), sourceVisit);
  };

  app.get(
    '/api/v1/matters',
    {
      schema: {
        tags,
        summary: 'The matters board: the matters the reader sees, by state, source, category, unit (lead or co-unit), project, overdue',
        querystring: matterListQuery,
        response: { 200: pageOf(matterSchema), ...ruleErrorResponses },
      },
      config: { access: 'matter.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const today = todayInChina();
      const { rows, total } = await listMatters(db, actor, request.query, today);
      return {
        items: rows.map((row) => presentMatter(actor, row, today)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: matterListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/matters/stats',
    {
      schema: {
        tags,
        summary:
          'Statistics computed from the timelines of the matters the reader sees, by lead unit, category or source: raised, ' +
          'resolved, resolution rate, on-time rate, average days to close',
        querystring: matterStatsQuery,
        response: { 200: matterStatsSchema, ...ruleErrorResponses },
      },
      config: { access: 'matter.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const lines = await matterStats(db, actor, request.query, todayInChina(), actor.locale);
      return presentStats(actor.locale, request.query.by, lines);
    },
  );

  app.get(
    '/api/v1/matters/:id',
    {
      schema: {
        tags,
        summary:
          'One matter with its timeline and the steps the reader may take now; a demand raised in a visit names it ' +
          '(enterprise and day; the visit and enterprise ids only for a reader who sees the visit)',
        params: matterParam,
        response: { 200: matterDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'matter.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findMatter(db, actor, request.params.id);
      if (!row) throw notFound();
      return detail(db, actor, row);
    },
  );

  app.post(
    '/api/v1/matters',
    {
      schema: {
        tags,
        summary:
          'Raise and assign (交办) a matter: its source, project (required for a project problem), title, description, ' +
          'category, priority, lead unit, co-units and deadline',
        body: matterCreateBody,
        response: { 201: matterDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'matter.create' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const result = await db.transaction(async (tx) => {
        const row = await createMatter({ ctx, tx, input: request.body });
        return detail(tx, ctx.actor, row);
      });
      return reply.code(201).send(result);
    },
  );

  for (const step of STEPS) {
    app.post(
      `/api/v1/matters/:id/${step.path}`,
      {
        schema: {
          tags,
          summary: `${step.summary}, at the version read; out of order 409 matter_wrong_state, not the reader's step 403 matter_not_your_step`,
          params: matterParam,
          body: matterStepBody,
          response: { 200: matterDetailSchema, ...ruleErrorResponses },
        },
        config: { access: step.access },
      },
      async (request) => {
        const ctx = request.context();
        assertIfMatch(request.headers['if-match'], request.body.version);
        return db.transaction(async (tx) => {
          const row = await takeMatterStep({ ctx, tx, id: request.params.id, action: step.action, input: request.body });
          return detail(tx, ctx.actor, row);
        });
      },
    );
  }

  app.post(
    '/api/v1/matters/:id/reassign',
    {
      schema: {
        tags,
        summary:
          'The reviewer reassigns (改派) an open matter at the version read: another lead unit of its district (it starts again ' +
          'from 交办), another deadline (today or later; the escalation is cleared), or both, with the reason',
        params: matterParam,
        body: matterReassignBody,
        response: { 200: matterDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'matter.review' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      return db.transaction(async (tx) => {
        const row = await reassignMatter({ ctx, tx, id: request.params.id, input: request.body });
        return detail(tx, ctx.actor, row);
      });
    },
  );
}
