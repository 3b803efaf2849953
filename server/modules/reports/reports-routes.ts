import {
  progressReportDetailSchema,
  progressReportSchema,
  reportApproveBody,
  reportFillBody,
  reportListQuery,
  reportParam,
  reportReturnBody,
  reportSubmitBody,
} from '../../../common/schemas/reports';
import { pageOf } from '../../../common/schemas/shared';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { mattersFromReport } from '../matters';
import { presentReports } from './present-reports';
import { type ReportRow, findReport, listReports } from './report-repository';
import { approveReport, fillReport, returnReport, submitReport } from './reports-service';

const tags = ['progress reports'];

/** Monthly progress reports (工作台账): filled and submitted by the responsible unit, approved or returned by the project office. */
export function reportRoutes(app: App, { db }: Deps) {
  const presentOne = async (actor: Parameters<typeof presentReports>[1], row: ReportRow) => {
    const [presented] = await presentReports(db, actor, [row]);
    if (!presented) throw notFound();
    return presented;
  };

  app.get(
    '/api/v1/progress-reports',
    {
      schema: {
        tags,
        summary: 'Progress reports of the projects the reader sees (by period, project, responsible unit, state, lateness, year)',
        querystring: reportListQuery,
        response: { 200: pageOf(progressReportSchema), ...ruleErrorResponses },
      },
      config: { access: 'report.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const { rows, total } = await listReports(db, actor, request.query);
      return { items: await presentReports(db, actor, rows), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  app.get(
    '/api/v1/progress-reports/:id',
    {
      schema: {
        tags,
        summary:
          'One progress report, with what the reader may do to it (fill, submit, approve, return) and the matters raised ' +
          'from its problems that the reader sees',
        params: reportParam,
        response: { 200: progressReportDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findReport(db, actor, request.params.id);
      if (!row) throw notFound();
      const [report, raisedMatters] = await Promise.all([presentOne(actor, row), mattersFromReport(db, actor, row.id)]);
      return { ...report, raisedMatters };
    },
  );

  app.patch(
    '/api/v1/progress-reports/:id',
    {
      schema: {
        tags,
        summary:
          'Fill a draft or returned report at the version read: investment completed this period (元), 形象进度 in words ' +
          'and %, milestones reached, new problems; fields left out are kept, null clears one',
        params: reportParam,
        body: reportFillBody,
        response: { 200: progressReportSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.fill' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => fillReport({ ctx, tx, id: request.params.id, input: request.body }));
      return presentOne(ctx.actor, row);
    },
  );

  app.post(
    '/api/v1/progress-reports/:id/submit',
    {
      schema: {
        tags,
        summary:
          'Submit a complete draft or returned report at the version read (late when first submitted after the deadline); ' +
          "an amount above the project's remaining investment needs confirmLarge",
        params: reportParam,
        body: reportSubmitBody,
        response: { 200: progressReportSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.fill' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => submitReport({ ctx, tx, id: request.params.id, input: request.body }));
      return presentOne(ctx.actor, row);
    },
  );

  app.post(
    '/api/v1/progress-reports/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a submitted report at the version read: it counts from now on, and its milestones reached fill the plan',
        params: reportParam,
        body: reportApproveBody,
        response: { 200: progressReportSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.review' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => approveReport({ ctx, tx, id: request.params.id, input: request.body }));
      return presentOne(ctx.actor, row);
    },
  );

  app.post(
    '/api/v1/progress-reports/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a submitted report to its unit with the reason (required), at the version read',
        params: reportParam,
        body: reportReturnBody,
        response: { 200: progressReportSchema, ...ruleErrorResponses },
      },
      config: { access: 'report.review' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      const row = await db.transaction((tx) => returnReport({ ctx, tx, id: request.params.id, input: request.body }));
      return presentOne(ctx.actor, row);
    },
  );
}
