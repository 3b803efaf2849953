import {
  chainCreateBody,
  chainListSchema,
  chainNodeBody,
  chainNodeParams,
  chainNodeUpdateBody,
  chainPlacementParams,
  chainSchema,
  chainUpdateBody,
  placementBody,
} from '../../../common/schemas/chains';
import { idParam, okSchema } from '../../../common/schemas/shared';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { chainListAbilities } from './policy';
import { presentChain, presentChainSummary } from './presenter';
import { chainNodesOf, chainPlacementsOf, findChain, listChains } from './repository';
import { addNode, createChain, deleteChain, placeEnterprise, removeNode, removePlacement, updateChain, updateNode } from './service';

const tags = ['chains'];

/** The whole chain as one answer (nodes, placements, gap flags, counts), or 404 when the reader does not see it. */
async function wholeChain(db: Executor, actor: Actor, id: string) {
  const row = await findChain(db, actor, id);
  if (!row) throw notFound();
  const [nodes, placements] = await Promise.all([chainNodesOf(db, id), chainPlacementsOf(db, id)]);
  return presentChain(actor, row, nodes, placements);
}

/** Industry-chain maps (产业链图谱): chains, their nodes by segment, the enterprises on each node, and the gaps. */
export function chainRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/chains',
    {
      schema: {
        tags,
        summary:
          'The industry chains of the districts in reach, by name, each with its counts of nodes, gaps, local and target enterprises',
        response: { 200: chainListSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const rows = await listChains(db, actor);
      return { items: rows.map((row) => presentChainSummary(actor, row)), abilities: chainListAbilities(actor) };
    },
  );

  app.get(
    '/api/v1/chains/:id',
    {
      schema: {
        tags,
        summary:
          'One chain whole: its nodes (上游, 中游, 下游, in order), the enterprises on each as local or target, each node flagged ' +
          'as a gap when no local enterprise sits on it, and the counts',
        params: idParam,
        response: { 200: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.read' },
    },
    async (request) => wholeChain(db, request.context().actor, request.params.id),
  );

  app.post(
    '/api/v1/chains',
    {
      schema: {
        tags,
        summary: 'Add an industry chain (a name the district already has is a 409)',
        body: chainCreateBody,
        response: { 201: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createChain({ ctx, tx, input: request.body }));
      return reply.code(201).send(presentChain(ctx.actor, row, [], []));
    },
  );

  app.patch(
    '/api/v1/chains/:id',
    {
      schema: {
        tags,
        summary: 'Edit a chain at the version read',
        params: idParam,
        body: chainUpdateBody,
        response: { 200: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      await db.transaction((tx) => updateChain({ ctx, tx, id: request.params.id, input: request.body }));
      return wholeChain(db, ctx.actor, request.params.id);
    },
  );

  app.delete(
    '/api/v1/chains/:id',
    {
      schema: {
        tags,
        summary: 'Remove a chain with its nodes and placements',
        params: idParam,
        response: { 200: okSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deleteChain({ ctx, tx, id: request.params.id }));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/chains/:id/nodes',
    {
      schema: {
        tags,
        summary: 'Add a node (环节) to a segment of the chain; answers the whole chain',
        params: idParam,
        body: chainNodeBody,
        response: { 201: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      await db.transaction((tx) => addNode({ ctx, tx, chainId: request.params.id, input: request.body }));
      return reply.code(201).send(await wholeChain(db, ctx.actor, request.params.id));
    },
  );

  app.patch(
    '/api/v1/chains/:id/nodes/:nodeId',
    {
      schema: {
        tags,
        summary: 'Edit a node (name, segment, description, position); answers the whole chain',
        params: chainNodeParams,
        body: chainNodeUpdateBody,
        response: { 200: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, nodeId } = request.params;
      await db.transaction((tx) => updateNode({ ctx, tx, chainId: id, nodeId, input: request.body }));
      return wholeChain(db, ctx.actor, id);
    },
  );

  app.delete(
    '/api/v1/chains/:id/nodes/:nodeId',
    {
      schema: {
        tags,
        summary: 'Remove a node and the placements on it; answers the whole chain',
        params: chainNodeParams,
        response: { 200: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, nodeId } = request.params;
      await db.transaction((tx) => removeNode({ ctx, tx, chainId: id, nodeId }));
      return wholeChain(db, ctx.actor, id);
    },
  );

  app.post(
    '/api/v1/chains/:id/nodes/:nodeId/placements',
    {
      schema: {
        tags,
        summary:
          'Place an enterprise of the district’s register on a node, as local or target (its own kind when role is left out); ' +
          'once per node (409); answers the whole chain',
        params: chainNodeParams,
        body: placementBody,
        response: { 201: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const { id, nodeId } = request.params;
      await db.transaction((tx) => placeEnterprise({ ctx, tx, chainId: id, nodeId, input: request.body }));
      return reply.code(201).send(await wholeChain(db, ctx.actor, id));
    },
  );

  app.delete(
    '/api/v1/chains/:id/placements/:placementId',
    {
      schema: {
        tags,
        summary: 'Take an enterprise off a node; answers the whole chain',
        params: chainPlacementParams,
        response: { 200: chainSchema, ...ruleErrorResponses },
      },
      config: { access: 'chain.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, placementId } = request.params;
      await db.transaction((tx) => removePlacement({ ctx, tx, chainId: id, placementId }));
      return wholeChain(db, ctx.actor, id);
    },
  );
}
