import { todayInChina } from '../../../common/domain/dates';
import type { OpportunityAction } from '../../../common/domain/opportunities';
import {
  OPPORTUNITY_STATUSES,
  opportunityCreateBody,
  opportunityListQuery,
  opportunitySchema,
  opportunityStepBody,
  opportunityUpdateBody,
} from '../../../common/schemas/opportunities';
import { idParam, okSchema, pageOf } from '../../../common/schemas/shared';
import { z } from 'zod';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import type { Access } from '../../plugins/auth';
import { opportunityListAbilities } from './policy';
import { presentOpportunity } from './presenter';
import { publicAnswerCache } from './public-cache';
import { publicOpportunityRoutes } from './public-routes';
import { countOpportunitiesByStatus, findOpportunity, listOpportunities } from './repository';
import { createOpportunity, deleteOpportunity, moveOpportunity, updateOpportunity } from './service';

const tags = ['opportunities'];

/** Each move of the review loop: its path, who may call it, and what it does. */
const MOVES: { action: OpportunityAction; access: Access; summary: string }[] = [
  { action: 'submit', access: 'opportunity.manage', summary: 'Submit a draft or returned item for review' },
  { action: 'publish', access: 'opportunity.review', summary: 'Publish an item in review: it shows on the public list' },
  { action: 'return', access: 'opportunity.review', summary: 'Return an item in review to its editor with a reason' },
  {
    action: 'withdraw',
    access: { anyOf: ['opportunity.manage', 'opportunity.review'] },
    summary: 'Withdraw a published item from the public list',
  },
  { action: 'redraft', access: 'opportunity.manage', summary: 'Take a withdrawn item back to draft to edit it' },
];

const statusCounts = z.object(
  Object.fromEntries(OPPORTUNITY_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof OPPORTUNITY_STATUSES)[number], z.ZodNumber>,
);

/**
 * The city opportunity list (城市机会清单) as the investment staff keep it: the list by state, one item, drafting and
 * editing, each move of the review loop; and its public side (public-routes.ts). Every change empties the app's
 * cache of public answers, so what this instance serves the public follows at once.
 */
export function opportunityRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const cache = publicAnswerCache();
  publicOpportunityRoutes(app, deps, cache);

  app.get(
    '/api/v1/opportunities',
    {
      schema: {
        tags,
        summary: 'The items of the lists in reach: status, kind, q (title or description); most recently changed first',
        querystring: opportunityListQuery,
        response: { 200: pageOf(opportunitySchema).extend({ counts: statusCounts }), ...ruleErrorResponses },
      },
      config: { access: 'opportunity.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const today = todayInChina();
      const [{ rows, total }, byStatus] = await Promise.all([
        listOpportunities(db, actor, request.query),
        countOpportunitiesByStatus(db, actor),
      ]);
      const counts = Object.fromEntries(OPPORTUNITY_STATUSES.map((s) => [s, byStatus.find((c) => c.status === s)?.n ?? 0]));
      return {
        items: rows.map((row) => presentOpportunity(actor, row, today)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: opportunityListAbilities(actor),
        counts: counts as Record<(typeof OPPORTUNITY_STATUSES)[number], number>,
      };
    },
  );

  app.get(
    '/api/v1/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'One item with its state and the moves the reader may make',
        params: idParam,
        response: { 200: opportunitySchema, ...ruleErrorResponses },
      },
      config: { access: 'opportunity.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findOpportunity(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentOpportunity(actor, row, todayInChina());
    },
  );

  app.post(
    '/api/v1/opportunities',
    {
      schema: {
        tags,
        summary: 'Draft an item of the reader’s district’s list',
        body: opportunityCreateBody,
        response: { 201: opportunitySchema, ...ruleErrorResponses },
      },
      config: { access: 'opportunity.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createOpportunity({ ctx, tx, input: request.body }));
      cache.clear();
      return reply.code(201).send(presentOpportunity(ctx.actor, row, todayInChina()));
    },
  );

  app.patch(
    '/api/v1/opportunities/:id',
    {
      schema: {
        tags,
        summary: 'Edit a draft or returned item at the version read (409 opportunity_wrong_state otherwise)',
        params: idParam,
        body: opportunityUpdateBody,
        response: { 200: opportunitySchema, ...ruleErrorResponses },
      },
      config: { access: 'opportunity.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateOpportunity({ ctx, tx, id: request.params.id, input: request.body }));
      cache.clear();
      return presentOpportunity(ctx.actor, row, todayInChina());
    },
  );

  app.delete(
    '/api/v1/opportunities/:id',
    {
      schema: { tags, summary: 'Delete a draft never submitted', params: idParam, response: { 200: okSchema, ...ruleErrorResponses } },
      config: { access: 'opportunity.manage' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deleteOpportunity({ ctx, tx, id: request.params.id }));
      cache.clear();
      return { ok: true as const };
    },
  );

  for (const move of MOVES) {
    app.post(
      `/api/v1/opportunities/:id/${move.action}`,
      {
        schema: {
          tags,
          summary: `${move.summary}, at the version read; out of order 409 opportunity_wrong_state, not the reader's move 403`,
          params: idParam,
          body: opportunityStepBody,
          response: { 200: opportunitySchema, ...ruleErrorResponses },
        },
        config: { access: move.access },
      },
      async (request) => {
        const ctx = request.context();
        assertIfMatch(request.headers['if-match'], request.body.version);
        const row = await db.transaction((tx) =>
          moveOpportunity({ ctx, tx, id: request.params.id, action: move.action, input: request.body }),
        );
        cache.clear();
        return presentOpportunity(ctx.actor, row, todayInChina());
      },
    );
  }
}
