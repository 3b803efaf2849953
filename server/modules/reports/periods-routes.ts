import { todayInChina } from '../../../common/domain/dates';
import {
  missingReportSchema,
  missingReportsQuery,
  missingReportsSchema,
  periodCloseBody,
  periodReopenBody,
  periodListQuery,
  periodOpenBody,
  periodParam,
  periodProjectBody,
  periodProjectParam,
  progressReportSchema,
  reportingPeriodSchema,
} from '../../../common/schemas/reports';
import { okSchema, pageOf } from '../../../common/schemas/shared';
import type { Actor } from '../../lib/actor';
import { invalidField, notFound } from '../../lib/errors';
import type { Executor } from '../../db/client';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { type PeriodRow, districtNamesOf, findPeriod, listPeriods, periodCounts } from './period-repository';
import { addProjectToPeriod, closePeriod, openPeriod, removeProjectFromPeriod, reopenPeriod } from './periods-service';
import { periodListAbilities } from './policy';
import { presentMissing, presentPeriod } from './presenter';
import { presentReports } from './present-reports';
import { findUnit } from '../units';
import { findReport, missingByUnit, missingReportsPage, unitOwesVisibleReport } from './report-repository';

const tags = ['reporting periods'];

async function presentPeriods(db: Executor, actor: Actor, rows: PeriodRow[]) {
  const [counts, names] = await Promise.all([
    periodCounts(
      db,
      actor,
      rows.map((r) => r.id),
    ),
    districtNamesOf(
      db,
      rows.map((r) => r.regionCode),
    ),
  ]);
  return rows.map((row) => {
    const c = counts.get(row.id);
    if (!c) throw new Error(`no counts for period ${row.id}`);
    return presentPeriod(actor, row, c, names.get(row.regionCode) ?? row.regionCode);
  });
}

async function presentOnePeriod(db: Executor, actor: Actor, row: PeriodRow) {
  const [presented] = await presentPeriods(db, actor, [row]);
  if (!presented) throw notFound();
  return presented;
}

async function visiblePeriod(db: Executor, actor: Actor, id: string): Promise<PeriodRow> {
  const row = await findPeriod(db, actor, id);
  if (!row) throw notFound();
  return row;
}

/** Reporting periods (填报期): a district's months, opened and closed by the project office, with their owed reports. */
export function periodRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/reporting-periods',
    {
      schema: {
        tags,
        summary: 'Reporting periods of the districts in reach, newest month first, with the counts of the reports the reader sees',
        querystring: periodListQuery,
        response: { 200: pageOf(reportingPeriodSchema), ...ruleErrorResponses },
      },
      config: { access: 'report.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listPeriods(db, actor, request.query);
      return {
        items: await presentPeriods(db, actor, rows),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
        abilities: periodListAbilities(actor),
      };
    },
  );

  app.post(
    '/api/v1/reporting-periods',
    {
      schema: {
        tags,
        summary:
          "Open a district's period for a month (the opener's district unless regionCode names one in reach) with its " +
          'deadline; every project of the implementing pool then owes a report (a draft) from its lead unit. ' +
          'One period per district and month, else 409',
        body: periodOpenBody,
        response: { 201: reportingPeriodSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.manage_period' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const period = await db.transaction((tx) => openPeriod({ ctx, tx, input: request.body }));
      return reply.status(201).send(await presentOnePeriod(db, ctx.actor, period));
    },
  );

  app.get(
    '/api/v1/reporting-periods/:id',
    {
      schema: {
        tags,
        summary: 'One reporting period, with the counts of the reports the reader sees',
        params: periodParam,
        response: { 200: reportingPeriodSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.read' },
    },
    async (request) => {
      const { actor } = request.context();
      return presentOnePeriod(db, actor, await visiblePeriod(db, actor, request.params.id));
    },
  );

  app.post(
    '/api/v1/reporting-periods/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a period at the version read (409 while a report awaits review); its reports no longer change',
        params: periodParam,
        body: periodCloseBody,
        response: { 200: reportingPeriodSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.manage_period' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const closed = await db.transaction((tx) => closePeriod({ ctx, tx, id: request.params.id, input: request.body }));
      return presentOnePeriod(db, ctx.actor, closed);
    },
  );

  app.post(
    '/api/v1/reporting-periods/:id/reopen',
    {
      schema: {
        tags,
        summary: 'Reopen a closed period at the version read, with the reason (audited): its unfinished reports can be filled again, late',
        params: periodParam,
        body: periodReopenBody,
        response: { 200: reportingPeriodSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.manage_period' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const reopened = await db.transaction((tx) => reopenPeriod({ ctx, tx, id: request.params.id, input: request.body }));
      return presentOnePeriod(db, ctx.actor, reopened);
    },
  );

  app.post(
    '/api/v1/reporting-periods/:id/projects',
    {
      schema: {
        tags,
        summary: "Add a project of the period's district to an open period's list: it owes a report (a draft) from its lead unit",
        params: periodParam,
        body: periodProjectBody,
        response: { 201: progressReportSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.manage_period' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const created = await db.transaction((tx) =>
        addProjectToPeriod({ ctx, tx, periodId: request.params.id, projectId: request.body.projectId }),
      );
      const row = await findReport(db, ctx.actor, created.id);
      if (!row) throw notFound();
      const [presented] = await presentReports(db, ctx.actor, [row]);
      if (!presented) throw notFound();
      return reply.status(201).send(presented);
    },
  );

  app.delete(
    '/api/v1/reporting-periods/:id/projects/:projectId',
    {
      schema: {
        tags,
        summary: "Take a project off an open period's list: its report is deleted while a draft or returned (else 409)",
        params: periodProjectParam,
        response: { 200: okSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.manage_period' },
    },
    async (request) => {
      const ctx = request.context();
      const { id, projectId } = request.params;
      await db.transaction((tx) => removeProjectFromPeriod({ ctx, tx, periodId: id, projectId }));
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/reporting-periods/:id/missing',
    {
      schema: {
        tags,
        summary:
          "未报送: how many of the period's owed reports not submitted (draft or returned) that the reader sees each " +
          'responsible unit owes, most first, with the total; the reports themselves from …/missing/reports',
        params: periodParam,
        response: { 200: missingReportsSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const period = await visiblePeriod(db, actor, request.params.id);
      return presentMissing(period, await missingByUnit(db, actor, period.id), todayInChina());
    },
  );

  app.get(
    '/api/v1/reporting-periods/:id/missing/reports',
    {
      schema: {
        tags,
        summary:
          "未报送's reports the reader sees, a page at a time: of one responsible unit (`unitId`: in the reader's data " +
          'scope or owing a report of the period he sees, else 400 on it), or of every unit; by unit, then project name',
        params: periodParam,
        querystring: missingReportsQuery,
        response: { 200: pageOf(missingReportSchema), ...ruleErrorResponses },
      },
      config: { access: 'report.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const period = await visiblePeriod(db, actor, request.params.id);
      const { unitId, page, pageSize } = request.query;
      if (unitId && !(await unitInReach(db, actor, period.id, unitId))) throw invalidField('query.unitId', 'missing.unit_outside_scope');
      const { rows, total } = await missingReportsPage(db, actor, period.id, request.query);
      return { items: rows, total, page, pageSize };
    },
  );
}

/** A unit 未报送 may be narrowed to: one in the reader's data scope, or one owing a report of the period he sees. */
async function unitInReach(db: Executor, actor: Actor, periodId: string, unitId: string): Promise<boolean> {
  return (await unitOwesVisibleReport(db, actor, periodId, unitId)) || (await findUnit(db, actor, unitId)) !== null;
}
