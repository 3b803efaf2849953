import { todayInChina } from '../../../common/domain/dates';
import { COMPUTATIONS } from '../../../common/domain/targets';
import { TARGET_COMPUTATIONS } from '../../../common/enums';
import { enumLabel } from '../../../common/labels';
import {
  actualBody,
  breakdownBody,
  computationSchema,
  indicatorCreateBody,
  indicatorComparisonSchema,
  indicatorDetailSchema,
  indicatorListSchema,
  indicatorMonthParam,
  indicatorParam,
  indicatorUpdateBody,
  indicatorYearQuery,
} from '../../../common/schemas/targets';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { type App, type Deps, assertIfMatch, ruleErrorResponses } from '../../lib/http';
import { translate } from '../../lib/messages';
import { z } from 'zod';
import { indicatorComparison } from './comparison';
import { districtSharesOf, shareDistricts, sharedBelow } from './district-shares';
import { actualsOfIndicators, newActualsMemo } from './indicator-values';
import { createIndicator, enterActual, setBreakdown, updateIndicator } from './indicators-service';
import { decimalOut, presentIndicator } from './presenter';
import { mayManageIndicator, targetListAbilities } from './policy';
import { type IndicatorRow, breakdownOf, findIndicator, listIndicators } from './repository';

const tags = ['targets'];

/**
 * One indicator with its actual, its entered months (history) and its breakdown — for a city's indicator, the district
 * shares the reader may see (a district's reader his own only) and, for its office, the districts it can go to.
 */
async function indicatorDetail(db: Executor, actor: Actor, row: IndicatorRow) {
  const today = todayInChina();
  const memo = newActualsMemo();
  const { values, actuals } = await actualsOfIndicators(db, [row], today, memo);
  const [shares] = await districtSharesOf(db, actor, [row], today, memo);
  const breakdown = shares
    ? shares.items.map((s) => ({ unitId: s.unitId, unitName: s.regionName, targetValue: s.targetValue }))
    : await breakdownOf(db, row.id);
  const mayBreakDown = sharedBelow(row) && mayManageIndicator(actor, row);
  return {
    ...presentIndicator(actor, row, values[0] ?? { value: null, month: null, asOf: null, unavailable: false }, shares ?? null),
    actuals: actuals.map((a) => ({
      month: a.month,
      value: decimalOut(a.value),
      note: a.note,
      enteredByName: a.enteredByName,
      updatedAt: a.updatedAt.toISOString(),
    })),
    breakdown: breakdown.map((b) => ({ ...b, targetValue: decimalOut(b.targetValue) })),
    breakdownDistricts: mayBreakDown
      ? (await shareDistricts(db, row)).map((d) => ({ regionCode: d.code, regionName: d.name, unitId: d.unitId }))
      : null,
  };
}

/** Indicators (目标指标): the year's list with actuals and completion against time, one with its history, setting, entering, breaking down. */
export function indicatorRoutes(app: App, { db }: Deps) {
  app.get(
    '/api/v1/targets/computations',
    {
      schema: {
        tags,
        summary: 'The named computations a computed indicator may use: unit of measure, whether Lantu computes it yet, what it counts',
        response: { 200: z.object({ items: z.array(computationSchema) }), ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const { locale } = request.context().actor;
      return {
        items: TARGET_COMPUTATIONS.map((key) => ({
          key,
          name: enumLabel(locale, 'targetComputation', key),
          measure: COMPUTATIONS[key].measure,
          available: COMPUTATIONS[key].available,
          description: translate(locale, `target.computation.${key}`),
        })),
      };
    },
  );

  app.get(
    '/api/v1/targets/indicators',
    {
      schema: {
        tags,
        summary:
          "The year's indicators the reader sees (default: this year), each with its actual to date, completion against time and its standing in words",
        querystring: indicatorYearQuery,
        response: { 200: indicatorListSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const year = request.query.year ?? Number(todayInChina().slice(0, 4));
      const rows = await listIndicators(db, actor, year);
      const [today, memo] = [todayInChina(), newActualsMemo()];
      const [{ values }, shares] = await Promise.all([
        actualsOfIndicators(db, rows, today, memo),
        districtSharesOf(db, actor, rows, today, memo),
      ]);
      return {
        year,
        items: rows.map((row, i) =>
          presentIndicator(actor, row, values[i] ?? { value: null, month: null, asOf: null, unavailable: false }, shares[i] ?? null),
        ),
        abilities: targetListAbilities(actor),
      };
    },
  );

  app.get(
    '/api/v1/targets/indicators/by-district',
    {
      schema: {
        tags,
        summary:
          "The year's indicators the reader sees, district by district (a city or province reader's comparison): a row per indicator the districts share by name, kind, unit and computation, each district's target, actual and completion, and their sum where it adds up",
        querystring: indicatorYearQuery,
        response: { 200: indicatorComparisonSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const { actor } = request.context();
      return indicatorComparison(db, actor, request.query.year ?? Number(todayInChina().slice(0, 4)));
    },
  );

  app.get(
    '/api/v1/targets/indicators/:id',
    {
      schema: {
        tags,
        summary:
          "One indicator with its monthly actuals (history) and its breakdown to units; a city's indicator with its districts' shares the reader may see (each with the district's actual and completion; a district's reader sees its own share only) and, for the city's office, the districts it can be broken down to",
        params: indicatorParam,
        response: { 200: indicatorDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.read' },
    },
    async (request) => {
      const { actor } = request.context();
      const row = await findIndicator(db, actor, request.params.id);
      if (!row) throw notFound();
      return indicatorDetail(db, actor, row);
    },
  );

  app.post(
    '/api/v1/targets/indicators',
    {
      schema: {
        tags,
        summary:
          "Set one of the year's indicators of the reader's district, or of a city office's city (owner: one of the city's own units; broken down to its districts): name, unit of measure, target (exact decimal) with its qualifier, kind, direction, owner unit, source (computed by a named computation, or entered)",
        body: indicatorCreateBody,
        response: { 201: indicatorDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request, reply) => {
      const ctx = request.context();
      const result = await db.transaction(async (tx) =>
        indicatorDetail(tx, ctx.actor, await createIndicator({ ctx, tx, input: request.body })),
      );
      return reply.code(201).send(result);
    },
  );

  app.patch(
    '/api/v1/targets/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Change an indicator at the version read',
        params: indicatorParam,
        body: indicatorUpdateBody,
        response: { 200: indicatorDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      return db.transaction(async (tx) =>
        indicatorDetail(tx, ctx.actor, await updateIndicator({ ctx, tx, id: request.params.id, input: request.body })),
      );
    },
  );

  app.put(
    '/api/v1/targets/indicators/:id/actuals/:month',
    {
      schema: {
        tags,
        summary:
          "Enter an entered indicator's actual for a month of its year (year-to-date as of the month's end) with a note; the owner unit or the office; not a month still to come",
        params: indicatorMonthParam,
        body: actualBody,
        response: { 200: indicatorDetailSchema, ...ruleErrorResponses },
      },
      config: { access: { anyOf: ['target.enter', 'target.manage'] } },
    },
    async (request) => {
      const ctx = request.context();
      const { id, month } = request.params;
      return db.transaction(async (tx) => indicatorDetail(tx, ctx.actor, await enterActual({ ctx, tx, id, month, input: request.body })));
    },
  );

  app.put(
    '/api/v1/targets/indicators/:id/breakdown',
    {
      schema: {
        tags,
        summary:
          "Break an indicator down to units (分解到单位) — a city's indicator to its districts (分解到区县), each under the unit named in breakdownDistricts — at the version read: the shares must sum back to its target exactly; only the office of the indicator's own level (a district cannot change a city's breakdown: 403)",
        params: indicatorParam,
        body: breakdownBody,
        response: { 200: indicatorDetailSchema, ...ruleErrorResponses },
      },
      config: { access: 'target.manage' },
    },
    async (request) => {
      const ctx = request.context();
      assertIfMatch(request.headers['if-match'], request.body.version);
      return db.transaction(async (tx) =>
        indicatorDetail(tx, ctx.actor, await setBreakdown({ ctx, tx, id: request.params.id, input: request.body })),
      );
    },
  );
}
