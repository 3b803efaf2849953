import { todayInChina } from '../../../common/domain/dates';
import { visitStats } from '../../../common/domain/visit-stats';
import {
  visitCreateBody,
  visitExportQuery,
  visitListQuery,
  visitSchema,
  visitStatsQuery,
  visitStatsSchema,
  visitUpdateBody,
} from '../../../common/schemas/visits';
import { idParam, okSchema, pageOf } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, errorResponses, ruleErrorResponses } from '../../lib/http';
import { translate } from '../../lib/messages';
import { recordSheetResponse, sendRecordSheet } from '../../lib/spreadsheets/record-sheet';
import { loadLookups, visitColumns } from '../imports';
import { actorHomeRegion } from '../regions';
import { visitCellValue, withVisitorNames } from './export';
import { loadVisitLinks } from './links';
import { visitListAbilities } from './policy';
import { presentVisit } from './presenter';
import { findVisit, listVisits, visitBatches, visitsForStats } from './repository';
import { createVisit, deleteVisit, updateVisit } from './service';

const tags = ['visits'];

/** Visits to enterprises (走访): the list, one visit, recording one with its demands, correcting or removing one, statistics. */
export function visitRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/visits',
    {
      schema: {
        tags,
        summary:
          'The visits the reader sees, latest first: a unit its own, the register keepers every visit of the district; ' +
          'q in the enterprise name or purpose, by enterprise, unit and from/to days; each with its demands and where they stand',
        querystring: visitListQuery,
        response: { 200: pageOf(visitSchema), ...ruleErrorResponses },
      },
      config: { access: 'visit.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listVisits(db, actor, request.query);
      const links = await loadVisitLinks(db, rows);
      return {
        items: rows.map((row) => presentVisit(actor, row, links)),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: visitListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/visits/export.xlsx',
    {
      schema: {
        tags,
        summary:
          'Download the visits the list shows as .xlsx (its filters, every match, no paging), in the columns the visits import ' +
          'reads (without the demands, which live on as matters)',
        querystring: visitExportQuery,
        response: { 200: recordSheetResponse('The visits sheet'), ...errorResponses },
      },
      config: { access: 'visit.read' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const today = todayInChina();
      const lookups = await loadLookups(db, await actorHomeRegion(db, actor));
      return sendRecordSheet(request, reply, {
        batches: withVisitorNames(db, visitBatches(db, actor, request.query)),
        columns: visitColumns,
        lookups,
        cellValue: visitCellValue,
        sheetName: translate(request.locale, 'export.sheet.visits'),
        fileName: `${translate(request.locale, 'export.file.visits')}-${today}.xlsx`,
        asciiFallback: `visits-${today}.xlsx`,
      });
    },
  );

  app.get(
    '/api/v1/visits/stats',
    {
      schema: {
        tags,
        summary:
          'Visits, demands raised, resolved and resolved on time (with rates) by visiting unit or month of a year (this year ' +
          'unless told), over the visits the reader sees',
        querystring: visitStatsQuery,
        response: { 200: visitStatsSchema, ...ruleErrorResponses },
      },
      config: { access: 'visit.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const year = request.query.year ?? Number(todayInChina().slice(0, 4));
      const rows = await visitsForStats(db, actor, {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        enterpriseId: request.query.enterpriseId,
      });
      const links = await loadVisitLinks(db, rows);
      const facts = rows.map((row) => ({
        unitId: row.unitId,
        unitName: row.unitName,
        visitDate: row.visitDate,
        demands: (links.demandIds.get(row.id) ?? []).flatMap((id) => {
          const m = links.outcomes.get(id);
          return m ? [{ deadline: m.deadline, closedOn: m.closedOn }] : [];
        }),
      }));
      const totalName = actor.locale === 'zh-CN' ? '合计' : 'Total';
      return { by: request.query.by, year, ...visitStats(facts, request.query.by, totalName) };
    },
  );

  app.get(
    '/api/v1/visits/:id',
    {
      schema: { tags, summary: 'One visit with its demands', params: idParam, response: { 200: visitSchema, ...ruleErrorResponses } },
      config: { access: 'visit.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findVisit(db, actor, request.params.id);
      if (!row) throw notFound();
      return presentVisit(actor, row, await loadVisitLinks(db, [row]));
    },
  );

  app.post(
    '/api/v1/visits',
    {
      schema: {
        tags,
        summary:
          'Record a visit by a unit in the reader’s scope (his own unless told) to an enterprise of his district; each demand ' +
          'becomes a matter of source enterprise_demand assigned to its lead unit (a fault named at demands.N.field)',
        body: visitCreateBody,
        response: { 201: visitSchema, ...ruleErrorResponses },
      },
      config: { access: 'visit.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const row = await db.transaction((tx) => createVisit({ ctx, tx, input: request.body }));
      return reply.code(201).send(presentVisit(ctx.actor, row, await loadVisitLinks(db, [row])));
    },
  );

  app.patch(
    '/api/v1/visits/:id',
    {
      schema: {
        tags,
        summary: 'Correct a visit’s day, visitors, purpose or notes at the version read',
        params: idParam,
        body: visitUpdateBody,
        response: { 200: visitSchema, ...ruleErrorResponses },
      },
      config: { access: 'visit.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => updateVisit({ ctx, tx, id: request.params.id, input: request.body }));
      return presentVisit(ctx.actor, row, await loadVisitLinks(db, [row]));
    },
  );

  app.delete(
    '/api/v1/visits/:id',
    {
      schema: {
        tags,
        summary: 'Remove a visit recorded by mistake (409 when it raised demands: they are matters with a life of their own)',
        params: idParam,
        response: { 200: okSchema, ...ruleErrorResponses },
      },
      config: { access: 'visit.manage' },
    },
    async (request) => {
      const ctx = request.context();
      await db.transaction((tx) => deleteVisit({ ctx, tx, id: request.params.id }));
      return { ok: true as const };
    },
  );
}
