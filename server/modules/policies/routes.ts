import { todayInChina } from '../../../common/domain/dates';
import {
  policyCreateBody,
  policyDeliveryListQuery,
  policyDeliverySchema,
  policyDeliveryUpdateBody,
  policyFitsSchema,
  policyListQuery,
  policyPushBody,
  policyPushedSchema,
  policySchema,
  policyUpdateBody,
} from '../../../common/schemas/policies';
import { idParam, pageOf } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { policyListAbilities } from './policy';
import { presentDelivery, presentPolicy } from './presenter';
import { findPolicy, listDeliveries, listPolicies } from './repository';
import { createPolicy, fittingEnterprises, pushPolicy, updateDelivery, updatePolicy } from './service';

const tags = ['policies'];

/** Preferential policies (惠企政策): drafting, the enterprises each fits, pushing, and following every delivery. */
export function policyRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/policies',
    {
      schema: {
        tags,
        summary: 'The policies of the districts in reach, latest first; q in the title or issuer; inForce today or not',
        querystring: policyListQuery,
        response: { 200: pageOf(policySchema), ...ruleErrorResponses },
      },
      config: { access: 'policy.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listPolicies(db, actor, request.query, todayInChina());
      return {
        items: rows.map((row) => presentPolicy(actor, row)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: policyListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/policies/:id',
    {
      schema: {
        tags,
        summary: 'One policy with its delivery counts',
        params: idParam,
        response: { 200: policySchema, ...ruleErrorResponses },
      },
      config: { access: 'policy.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findPolicy(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentPolicy(actor, row);
    },
  );

  app.get(
    '/api/v1/policies/:id/fits',
    {
      schema: {
        tags,
        summary:
          'The enterprises of the policy’s district it fits (common/domain/policy-fit.ts), each with the conditions it meets ' +
          'and where the policy’s delivery to it stands (null: not told yet)',
        params: idParam,
        response: { 200: policyFitsSchema, ...ruleErrorResponses },
      },
      config: { access: 'policy.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const policy = await findPolicy(db, actor, request.params.id);
      if (!policy) throw notFound();
      const items = await fittingEnterprises(db, actor, policy);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/v1/policies',
    {
      schema: {
        tags,
        summary: 'Draft a policy of the reader’s district with its conditions (tags, industries, sizes, regions, local only)',
        body: policyCreateBody,
        response: { 201: policySchema, ...ruleErrorResponses },
      },
      config: { access: 'policy.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createPolicy({ ctx, tx, input: request.body }));
      return reply.code(201).send(presentPolicy(ctx.actor, row));
    },
  );

  app.patch(
    '/api/v1/policies/:id',
    {
      schema: {
        tags,
        summary: 'Edit a policy at the version read',
        params: idParam,
        body: policyUpdateBody,
        response: { 200: policySchema, ...ruleErrorResponses },
      },
      config: { access: 'policy.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updatePolicy({ ctx, tx, id: request.params.id, input: request.body }));
      return presentPolicy(ctx.actor, row);
    },
  );

  app.post(
    '/api/v1/policies/:id/push',
    {
      schema: {
        tags,
        summary:
          'Push a policy in force to enterprises it fits: each told once (those already told are skipped); one it does not ' +
          'fit is a 400 at enterpriseIds.N, a policy not in force a 409',
        params: idParam,
        body: policyPushBody,
        response: { 200: policyPushedSchema, ...ruleErrorResponses },
      },
      config: { access: 'policy.manage' },
    },
    async (request) => {
      const ctx = request.context();
      return db.transaction((tx) => pushPolicy({ ctx, tx, id: request.params.id, enterpriseIds: request.body.enterpriseIds }));
    },
  );

  app.get(
    '/api/v1/policy-deliveries',
    {
      schema: {
        tags,
        summary: 'The deliveries of a policy (policyId) or the policies an enterprise received (enterpriseId), latest first',
        querystring: policyDeliveryListQuery,
        response: { 200: pageOf(policyDeliverySchema), ...ruleErrorResponses },
      },
      config: { access: 'policy.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listDeliveries(db, actor, request.query);
      return { items: rows.map((row) => presentDelivery(actor, row)), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.patch(
    '/api/v1/policy-deliveries/:id',
    {
      schema: {
        tags,
        summary: 'Move a delivery on (told → applied → granted, forward only) at the version read, with a note',
        params: idParam,
        body: policyDeliveryUpdateBody,
        response: { 200: policyDeliverySchema, ...ruleErrorResponses },
      },
      config: { access: 'policy.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateDelivery({ ctx, tx, id: request.params.id, input: request.body }));
      return presentDelivery(ctx.actor, row);
    },
  );
}
