import {
  formulaErrorSchema,
  scoreMonthBody,
  scoreMonthQuery,
  scoreMonthResponse,
  scoringRuleBody,
  scoringRuleSchema,
  scoringRulesQuery,
  scoringRulesResponse,
  unitHistoryParams,
  unitHistoryQuery,
  unitHistoryResponse,
} from '../../../common/schemas/assessment';
import { PassThrough } from 'node:stream';
import { can } from '../../lib/actor';
import { fileResponse, sendDownload } from '../../lib/download';
import { type MessageKey, translate } from '../../lib/messages';
import { XLSX_CONTENT_TYPE } from '../../lib/spreadsheets/workbook';
import { AppError } from '../../lib/errors';
import { type App, type Deps, ruleErrorResponses } from '../../lib/http';
import { linesOf, ranksDistricts, scoringRegionOrRefuse } from './region';
import { refusal } from './routes';
import { currentRule, listRules, presentRule, saveRule } from './rules';
import { FormulaRefused, districtUnits } from './scoring';
import { unitScoreHistory } from './history';
import { writeRankingWorkbook } from './ranking-xlsx';
import { computeMonthScores, isCurrentMonth, isFutureMonth, readMonthScores } from './snapshots';

const tags = ['assessment'];

/** The .xlsx column heading of a ranking's lines. */
const LINE_HEADING = { units: 'assessment.xlsx.unit', districts: 'assessment.xlsx.district', cities: 'assessment.xlsx.city' } as const;

/** A moment as China's clock reads it (UTC+8, no daylight saving): 2026-12-01 08:30. */
const chinaMinute = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The scoring rules (versioned per year) and monthly scores and rankings (snapshots) of the reader's region: his
 * district's, ranking its units; or his city's or province's, ranking the districts under it (scoringRegionOrRefuse).
 */
export function scoringRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/assessment/rules',
    {
      schema: {
        tags,
        summary:
          "The year's scoring rule of the reader's district — or, for a city or province reader, of his city or province, which ranks its districts: the current (highest) version and every version, newest first, each with its ranking groups; the region's name and level; and the district's units (id, name, kind) the groups choose from (none above district level: no groups there)",
        querystring: scoringRulesQuery,
        response: { 200: scoringRulesResponse, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const region = await scoringRegionOrRefuse(db, request.context().actor);
      const versions = (await listRules(db, region.code, request.query.year)).map(presentRule);
      const units = ranksDistricts(region) ? [] : await districtUnits(db, region.path);
      const { name: regionName, level } = region;
      return { year: request.query.year, regionName, level, current: versions[0] ?? null, versions, units };
    },
  );

  app.post(
    '/api/v1/assessment/rules',
    {
      schema: {
        tags,
        summary:
          "Save a formula and its ranking groups as the next version of the scoring rule of the reader's district (or city or province: no groups there, 422 ranking_groups_invalid on groups) for the year (422 formula_invalid with line and column when it does not parse or names an unknown variable; 422 ranking_groups_invalid naming the field when a unit is in two groups, is not of the district, or a group is empty or its name repeated); audited",
        body: scoringRuleBody,
        response: { 201: scoringRuleSchema, ...ruleErrorResponses, 422: formulaErrorSchema },
      },
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const district = await scoringRegionOrRefuse(db, ctx.actor);
      try {
        const row = await db.transaction((tx) => saveRule({ ctx, tx, district, input: request.body }));
        return reply.code(201).send(presentRule(row));
      } catch (error) {
        if (error instanceof FormulaRefused) return reply.code(422).send(refusal(error.formulaError, ctx.actor.locale, request.id));
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/assessment/scores',
    {
      schema: {
        tags,
        summary:
          "Take a month's scores and rankings with the year's current rule (the units it assesses, ranked within its groups; every unit in one ranking when it has none; for a city or province, its districts on the sums over their units); a past month once only (409), the current month again replaces it; audited",
        body: scoreMonthBody,
        response: { 200: scoreMonthResponse, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const district = await scoringRegionOrRefuse(db, ctx.actor);
      const month = request.body;
      try {
        await db.transaction((tx) => computeMonthScores({ ctx, tx, district, month }));
      } catch (error) {
        if (error instanceof FormulaRefused) return reply.code(422).send(refusal(error.formulaError, ctx.actor.locale, request.id));
        throw error;
      }
      const read = await readMonthScores(db, district.code, month, ctx.actor.locale, linesOf(district));
      return { ...month, ...read, level: district.level, ruleExists: true, mayCompute: true };
    },
  );

  app.get(
    '/api/v1/assessment/scores',
    {
      schema: {
        tags,
        summary:
          "A month's ranking of the reader's district (or, for a city or province reader, of the districts under it) as snapshotted: the groups in order and each line's group, score, rank within its group (ties share one) and terms with their inputs; no snapshot yet → snapshot null, and ruleExists says whether the region has a rule for the year at all",
        querystring: scoreMonthQuery,
        response: { 200: scoreMonthResponse, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const region = await scoringRegionOrRefuse(db, actor);
      const month = request.query;
      const read = await readMonthScores(db, region.code, month, actor.locale, linesOf(region));
      const ruleExists = (await currentRule(db, region.code, month.year)) !== null;
      const mayCompute =
        ruleExists && can(actor, 'target.manage') && !isFutureMonth(month) && (read.snapshot === null || isCurrentMonth(month));
      return { ...month, ...read, level: region.level, ruleExists, mayCompute };
    },
  );
  app.get(
    '/api/v1/assessment/units/:unitId/history',
    {
      schema: {
        tags,
        summary:
          "A unit's score and rank over the year: each month the reader's district has a snapshot of, with the unit's group, score, rank within the group and the group's size, or line null when the unit was not assessed that month; a unit not of the district → 404",
        params: unitHistoryParams,
        querystring: unitHistoryQuery,
        response: { 200: unitHistoryResponse, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const region = await scoringRegionOrRefuse(db, request.context().actor);
      return unitScoreHistory(db, region, request.params.unitId, request.query.year);
    },
  );
  app.get(
    '/api/v1/assessment/scores.xlsx',
    {
      schema: {
        tags,
        summary:
          "Download a month's ranking of the reader's district as .xlsx (sheet 考核排名: title with district, month and rule version; 名次, 单位, 得分 and one column per term of the rule; a block per ranking group); no snapshot yet → 404",
        querystring: scoreMonthQuery,
        response: { 200: fileResponse(XLSX_CONTENT_TYPE, 'The ranking workbook'), ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const { locale } = request;
      const district = await scoringRegionOrRefuse(db, actor);
      const { year, month } = request.query;
      // Everything is read and checked before the first byte is sent: a refusal is an ordinary error answer.
      const ranking = await readMonthScores(db, district.code, { year, month }, locale, linesOf(district));
      if (!ranking.snapshot) throw new AppError(404, 'score_snapshot_missing', 'assessment.snapshot_missing', { year, month });
      const t = (key: MessageKey, params?: Record<string, string | number>) => translate(locale, key, params);
      const { snapshot } = ranking;
      const words = {
        sheet: t('assessment.xlsx.sheet'),
        title: t('assessment.xlsx.title', { district: district.name, year, month, version: snapshot.ruleVersion }),
        taken: t('assessment.xlsx.taken', {
          at: chinaMinute(snapshot.computedAt),
          by: snapshot.computedByName ?? t('assessment.xlsx.by_system'),
        }),
        rank: t('assessment.xlsx.rank'),
        unit: t(LINE_HEADING[linesOf(district)]),
        score: t('assessment.xlsx.score'),
        error: t('assessment.xlsx.error'),
        group: (group: string, count: number) => t('assessment.xlsx.group', { group, count }),
      };
      const body = new PassThrough();
      writeRankingWorkbook(body, ranking, words).catch((error: unknown) => {
        request.log.error({ err: error }, 'ranking export failed while streaming');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return sendDownload(reply, {
        body,
        fileName: `${t('assessment.xlsx.file', { district: district.name, year, month })}.xlsx`,
        asciiFallback: `scores-${district.code}-${year}-${String(month).padStart(2, '0')}.xlsx`,
        contentType: XLSX_CONTENT_TYPE,
      });
    },
  );
}
