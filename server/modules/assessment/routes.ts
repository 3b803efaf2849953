import { type FormulaError, formulaErrorMessage, formulaVariable, type ParsedFormula } from '../../../common/domain/formula';
import type { ErrorCode } from '../../../common/errors';
import type { Locale } from '../../../common/locale';
import {
  formulaCheckBody,
  formulaCheckResponse,
  formulaErrorSchema,
  formulaPreviewBody,
  formulaPreviewResponse,
} from '../../../common/schemas/assessment';
import { type App, type Deps, ruleErrorResponses } from '../../lib/http';
import { rankByGroup } from '../../../common/domain/ranking-groups';
import { checkGroups, groupsOrNull } from './groups';
import { FormulaRefused, parseOrRefuse, scoreRegion, termsOf } from './scoring';
import { projectFieldNotes, scoreNotes } from './notes';
import { linesOf, scoringRegionOrRefuse } from './region';

const tags = ['assessment'];

/** 422 with the formula's message and where it is (1-based line and column), for the editor's caret. */
export function refusal(error: FormulaError, locale: Locale, requestId: string) {
  const message = formulaErrorMessage(error, locale);
  return {
    error: {
      code: 'formula_invalid' satisfies ErrorCode,
      message,
      requestId,
      details: [{ path: 'formula', message, line: error.line, column: error.column }],
    },
  };
}

function variableOf(name: string, locale: Locale) {
  const v = formulaVariable(name);
  if (!v) return null;
  return {
    name: v.name,
    zh: v.zh,
    label: locale === 'zh-CN' ? v.zh : v.en,
    meaning: locale === 'zh-CN' ? v.meaningZh : v.meaningEn,
    kind: v.kind,
  };
}

/** The formula editor's API: check a formula as it is typed, preview it on a month's data. Nothing is saved. */
export function assessmentRoutes(app: App, { db }: Deps) {
  app.post(
    '/api/v1/assessment/formula/check',
    {
      schema: {
        tags,
        summary: 'Check a scoring formula: the variables it names, or where it is wrong (line and column, in the reader’s language)',
        body: formulaCheckBody,
        response: { 200: formulaCheckResponse, ...ruleErrorResponses, 422: formulaErrorSchema },
      },
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const { locale } = request.context().actor;
      try {
        const parsed = parseOrRefuse(request.body.formula);
        const variables = parsed.variables.map((name) => variableOf(name, locale)).filter((v) => v !== null);
        return { ok: true as const, variables };
      } catch (error) {
        if (error instanceof FormulaRefused) return reply.code(422).send(refusal(error.formulaError, locale, request.id));
        throw error;
      }
    },
  );

  app.post(
    '/api/v1/assessment/formula/preview',
    {
      schema: {
        tags,
        summary:
          "Evaluate a scoring formula on a month's data for every unit of the reader's district, or with `groups` for the units they assess ranked within each group (422 ranking_groups_invalid naming the field when they do not hold); for a city or province reader, for every district under it on the sums over its units (no groups); each value explained term by term; variables that read 0 for want of data (no plan, no target) are named in notes",
        body: formulaPreviewBody,
        response: { 200: formulaPreviewResponse, ...ruleErrorResponses, 422: formulaErrorSchema },
      },
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const { actor } = request.context();
      const { locale } = actor;
      const { formula, year, month } = request.body;
      let parsed: ParsedFormula;
      try {
        parsed = parseOrRefuse(formula);
      } catch (error) {
        if (error instanceof FormulaRefused) return reply.code(422).send(refusal(error.formulaError, locale, request.id));
        throw error;
      }
      const region = await scoringRegionOrRefuse(db, actor);
      const groups = groupsOrNull(request.body.groups);
      await checkGroups(db, region, groups);
      const scores = await scoreRegion(db, region, parsed, year, month, groups);
      const ranked = rankByGroup(scores.map((s) => ({ ...s, id: s.unitId, name: s.unitName, score: s.result?.value ?? null })));
      const items = ranked.map((unit) => ({
        unitId: unit.unitId,
        unitName: unit.unitName,
        group: unit.groupName,
        value: unit.result?.value ?? null,
        rank: unit.rank,
        error: unit.error ? formulaErrorMessage(unit.error, locale) : null,
        terms: termsOf(unit.result),
        variables: unit.variables,
      }));
      const notes = [
        ...scoreNotes(
          parsed.variables,
          scores.map((unit) => unit.variables),
          locale,
          linesOf(region),
        ),
        ...projectFieldNotes(parsed.text, locale),
      ];
      return { year, month, items, notes };
    },
  );
}
