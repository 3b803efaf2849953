import { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import {
  commitmentCreateBody,
  commitmentDetailSchema,
  commitmentDoneBody,
  commitmentListQuery,
  commitmentListSchema,
  commitmentMonthParam,
  commitmentParam,
  commitmentProgressBody,
  commitmentUpdateBody,
  raiseMatterBody,
} from '../../../common/schemas/targets';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { createCommitment, enterProgress, markCommitmentDone, raiseCommitmentMatter, updateCommitment } from './commitments-service';
import { targetListAbilities } from './policy';
import { decimalOut, presentCommitment } from './presenter';
import { type CommitmentRow, findCommitment, listCommitments, progressOf } from './repository';

const tags = ['targets'];

/** One pledge or 民生实事 with its monthly progress, latest first. */
async function commitmentDetail(db: Executor, actor: Actor, row: CommitmentRow) {
  const progress = await progressOf(db, row.id);
  return {
    ...presentCommitment(actor, row, todayInChina()),
    progress: progress.map((p) => ({
      month: p.month,
      value: decimalOut(p.value),
      evidence: p.evidence,
      enteredByName: p.enteredByName,
      enteredAt: p.enteredAt.toISOString(),
    })),
  };
}

/** Pledges (军令状 / 目标责任书) and 民生实事: the year's list, one with its progress, adding, changing, progress, done, raising a matter when late. */
export function commitmentRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/commitments',
    {
      schema: {
        tags,
        summary: "The year's pledges or 民生实事 the reader sees (default: this year), with the latest progress, late or done",
        querystring: commitmentListQuery,
        response: { 200: commitmentListSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const year = request.query.year ?? Number(todayInChina().slice(0, 4));
      const today = todayInChina();
      const rows = await listCommitments(db, actor, request.query.kind, year);
      return {
        year,
        kind: request.query.kind,
        items: rows.map((row) => presentCommitment(actor, row, today)),
        abilities: targetListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/commitments/:id',
    {
      schema: {
        tags,
        summary: 'One pledge or 民生实事 with its monthly progress and evidence',
        params: commitmentParam,
        response: { 200: commitmentDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findCommitment(db, actor, request.params.id);
      if (!row) throw notFound();
      return commitmentDetail(db, actor, row);
    },
  );

  app.post(
    '/api/v1/commitments',
    {
      schema: {
        tags,
        summary:
          "Add a unit's pledge or one of the year's 民生实事 in the reader's district: unit, text, target and unit of measure, deadline, public wording",
        body: commitmentCreateBody,
        response: { 201: commitmentDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const result = await db.transaction(async (tx) =>
        commitmentDetail(tx, ctx.actor, await createCommitment({ ctx, tx, input: request.body })),
      );
      return reply.code(201).send(result);
    },
  );

  app.patch(
    '/api/v1/commitments/:id',
    {
      schema: {
        tags,
        summary: 'Change a pledge or 民生实事 at the version read',
        params: commitmentParam,
        body: commitmentUpdateBody,
        response: { 200: commitmentDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      return db.transaction(async (tx) =>
        commitmentDetail(tx, ctx.actor, await updateCommitment({ ctx, tx, id: request.params.id, input: request.body })),
      );
    },
  );

  app.put(
    '/api/v1/commitments/:id/progress/:month',
    {
      schema: {
        tags,
        summary:
          "Enter a month's progress (the quantity reached so far) with its evidence as a note or link; the unit or the office; not a month still to come",
        params: commitmentMonthParam,
        body: commitmentProgressBody,
        response: { 200: commitmentDetailSchema, ...ruleErrorResponses },
      },
      config: { access: { anyOf: ['target.enter', 'target.manage'] } },
    },
    async (request) => {
      const ctx = request.context();
      const { id, month } = request.params;
      return db.transaction(async (tx) =>
        commitmentDetail(tx, ctx.actor, await enterProgress({ ctx, tx, id, month, input: request.body })),
      );
    },
  );

  app.post(
    '/api/v1/commitments/:id/done',
    {
      schema: {
        tags,
        summary: 'Mark a pledge or 民生实事 done (today) or not done, at the version read',
        params: commitmentParam,
        body: commitmentDoneBody,
        response: { 200: commitmentDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      return db.transaction(async (tx) =>
        commitmentDetail(tx, ctx.actor, await markCommitmentDone({ ctx, tx, id: request.params.id, input: request.body })),
      );
    },
  );

  app.post(
    '/api/v1/commitments/:id/raise-matter',
    {
      schema: {
        tags,
        summary:
          'Raise a matter (督查反馈, 问题协调) on a late pledge or 民生实事, led by its unit, due by the deadline given; 409 when not late or already raised',
        params: commitmentParam,
        body: raiseMatterBody,
        response: { 201: commitmentDetailSchema.extend({ raisedMatterId: z.string() }), ...ruleErrorResponses },
      },
      config: { access: 'matter.create' },
    },
    async (request, reply) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const result = await db.transaction(async (tx) => {
        const { commitment, matterId } = await raiseCommitmentMatter({ ctx, tx, id: request.params.id, input: request.body });
        return { ...(await commitmentDetail(tx, ctx.actor, commitment)), raisedMatterId: matterId };
      });
      return reply.code(201).send(result);
    },
  );
}
