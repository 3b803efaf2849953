import { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import {
  followUpCreateBody,
  leadCreateBody,
  leadDetailSchema,
  leadEventCreateBody,
  leadEventListQuery,
  leadEventSchema,
  leadEventUpdateBody,
  leadListQuery,
  leadSchema,
  leadSignBody,
  leadStageBody,
  leadStatsQuery,
  leadStatsSchema,
  leadUpdateBody,
  LEAD_STAGES,
} from '../../../common/schemas/leads';
import { idParam, pageOf } from '../../../common/schemas/shared';
import { can } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses, ruleErrorResponses } from '../../lib/http';
import { translate } from '../../lib/messages';
import { recordSheetResponse, sendRecordSheet } from '../../lib/spreadsheets/record-sheet';
import { leadColumns, loadLookups } from '../imports';
import { actorHomeRegion } from '../regions';
import { createEvent, findEvent, listEvents, updateEvent } from './events';
import { addFollowUp } from './follow-ups';
import { leadListAbilities } from './policy';
import { presentEvent, presentLead, presentLeadDetail } from './presenter';
import { leadCellValue } from './export';
import { findLead, followUpsOf, leadBatches, listLeads, movesOf } from './repository';
import { createLead, updateLead } from './service';
import { moveLead, signLead } from './stage';
import { leadStats } from './stats';

const tags = ['leads'];

/** The board's filters for the download: every lead that matches, no paging. */
const leadExportQuery = leadListQuery.omit({ page: true, pageSize: true });

const leadPage = pageOf(leadSchema).extend({
  /** How many leads of each stage match the other filters (the board's column heads). */
  stageCounts: z.partialRecord(z.enum(LEAD_STAGES), z.number().int()),
});

/** Leads (招商线索): the board's list, one lead with its log, recording, editing, stage moves, signing, follow-ups. */
export function leadRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary:
          'The leads of the districts in reach: q (name or enterprise), stage and method (comma-separated), unitId, ownerId, ' +
          "enterpriseId, eventId, projectId, chainNodeId (a chain map's node), industryCode, overdue=true (a service clock has run out); with counts per stage",
        querystring: leadListQuery,
        response: { 200: leadPage, ...ruleErrorResponses },
      },
      config: { access: 'lead.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const today = todayInChina();
      const { rows, total, stageCounts } = await listLeads(db, actor, request.query, today);
      return {
        items: rows.map((row) => presentLead(actor, row, today)),
        total,
        stageCounts,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: leadListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/leads/stats',
    {
      schema: {
        tags,
        summary:
          'Conversion figures: signed → registered → started → funds in → in production, rates and median days between stages, ' +
          'contract value and out-of-city money, by unit, method, industry or month of signing (from/to: signing dates)',
        querystring: leadStatsQuery,
        response: { 200: leadStatsSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.read' },
    },
    async (request) => leadStats(db, request.context().actor, request.query),
  );

  app.get(
    '/api/v1/leads/export.xlsx',
    {
      schema: {
        tags,
        summary:
          'Download the leads the board shows as .xlsx (its filters, stage included; every match, no paging), in the columns the ' +
          'leads import reads back',
        querystring: leadExportQuery,
        response: { 200: recordSheetResponse('The leads sheet'), ...errorResponses },
      },
      config: { access: 'lead.read' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const today = todayInChina();
      // Checked before the first byte (an unknown sort is a 400, not a cut download).
      const batches = leadBatches(db, actor, request.query, today);
      const district = await actorHomeRegion(db, actor);
      const lookups = await loadLookups(db, district);
      return sendRecordSheet(request, reply, {
        batches,
        columns: leadColumns,
        lookups,
        cellValue: leadCellValue,
        sheetName: translate(request.locale, 'lead.export_sheet'),
        fileName: `${translate(request.locale, 'lead.export_file')}-${today}.xlsx`,
        asciiFallback: `leads-${today}.xlsx`,
      });
    },
  );

  app.get(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'One lead with its follow-up log and the stages it went through',
        params: idParam,
        response: { 200: leadDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findLead(db, actor, request.params.id);
      if (!row) throw notFound();
      const [followUps, moves] = await Promise.all([followUpsOf(db, row.id), movesOf(db, row.id)]);
      return presentLeadDetail(actor, row, todayInChina(), followUps, moves);
    },
  );

  app.post(
    '/api/v1/leads',
    {
      schema: {
        tags,
        summary: 'Record a lead in the reader’s district at its first stage (the owner the reader unless named)',
        body: leadCreateBody,
        response: { 201: leadSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createLead({ ctx, tx, input: request.body }));
      return reply.code(201).send(presentLead(ctx.actor, row, todayInChina()));
    },
  );

  app.patch(
    '/api/v1/leads/:id',
    {
      schema: {
        tags,
        summary: 'Edit a lead at the version read (its owner’s side only)',
        params: idParam,
        body: leadUpdateBody,
        response: { 200: leadSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateLead({ ctx, tx, id: request.params.id, input: request.body }));
      return presentLead(ctx.actor, row, todayInChina());
    },
  );

  app.post(
    '/api/v1/leads/:id/stage',
    {
      schema: {
        tags,
        summary:
          'Move a lead to its next stage or drop it (reason required); a move out of order is a 422 lead_wrong_stage naming ' +
          'the stages it may go to; signing goes through /sign',
        params: idParam,
        body: leadStageBody,
        response: { 200: leadSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => moveLead({ ctx, tx, id: request.params.id, input: request.body }));
      return presentLead(ctx.actor, row, todayInChina());
    },
  );

  app.post(
    '/api/v1/leads/:id/sign',
    {
      schema: {
        tags,
        summary:
          'Sign a lead being negotiated: contract value and date (400 naming what is missing), and a new project in planning ' +
          'or advancing carrying its data (advancing through its gate: 422 gate_refused) or an existing project linked',
        params: idParam,
        body: leadSignBody,
        response: { 200: leadSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.manage' },
    },
    async (request) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => signLead({ ctx, tx, id: request.params.id, input: request.body }));
      return presentLead(ctx.actor, row, todayInChina());
    },
  );

  app.post(
    '/api/v1/leads/:id/follow-ups',
    {
      schema: {
        tags,
        summary: 'Log a contact with a lead (day, way, text, next step; toReferrer when the referrer was given feedback)',
        params: idParam,
        body: followUpCreateBody,
        response: { 201: leadSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => addFollowUp({ ctx, tx, id: request.params.id, input: request.body }));
      return reply.code(201).send(presentLead(ctx.actor, row, todayInChina()));
    },
  );

  app.get(
    '/api/v1/lead-events',
    {
      schema: {
        tags,
        summary: 'The outbound trips and fairs of the districts in reach, latest first, each with how many leads it produced',
        querystring: leadEventListQuery,
        response: { 200: pageOf(leadEventSchema), ...ruleErrorResponses },
      },
      config: { access: 'lead.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listEvents(db, actor, request.query);
      const manage = can(actor, 'lead.manage');
      return {
        items: rows.map((row) => presentEvent(row, manage)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: { create: manage },
      };
    },
  );

  app.get(
    '/api/v1/lead-events/:id',
    {
      schema: { tags, summary: 'One outbound trip or fair', params: idParam, response: { 200: leadEventSchema, ...ruleErrorResponses } },
      config: { access: 'lead.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findEvent(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentEvent(row, can(actor, 'lead.manage'));
    },
  );

  app.post(
    '/api/v1/lead-events',
    {
      schema: {
        tags,
        summary: 'Record an outbound trip or a fair of the reader’s district',
        body: leadEventCreateBody,
        response: { 201: leadEventSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createEvent({ ctx, tx, input: request.body }));
      return reply.code(201).send(presentEvent(row, true));
    },
  );

  app.patch(
    '/api/v1/lead-events/:id',
    {
      schema: {
        tags,
        summary: 'Edit an outbound trip or a fair at the version read',
        params: idParam,
        body: leadEventUpdateBody,
        response: { 200: leadEventSchema, ...ruleErrorResponses },
      },
      config: { access: 'lead.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateEvent({ ctx, tx, id: request.params.id, input: request.body }));
      return presentEvent(row, true);
    },
  );
}
