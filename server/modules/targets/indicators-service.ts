import type { z } from 'zod';
import { todayInChina } from '../../../common/domain/dates';
import { subtractDecimals, sumDecimals, toScaled } from '../../../common/domain/decimal';
import { measureProblem } from '../../../common/domain/targets';
import { enumLabel } from '../../../common/labels';
import type { actualBody, breakdownBody, indicatorCreateBody, indicatorUpdateBody } from '../../../common/schemas/targets';
import type { Tx } from '../../db/client';
import { indicators } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { can } from '../../lib/actor';
import { actorLevelRegion } from '../regions';
import { districtUnitsAmong, sharedBelow } from './district-shares';
import { mayEnterIndicator } from './policy';
import { decimalOut } from './presenter';
import {
  type IndicatorRow,
  breakdownOf,
  findIndicator,
  indicatorNamed,
  lockIndicator,
  replaceBreakdown,
  unitsOfCity,
  unitsOfDistrict,
  upsertActual,
} from './repository';

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);
type IndicatorFields = z.infer<typeof indicatorUpdateBody>;

/** The region of a stored indicator. */
const regionOf = (row: IndicatorRow): IndicatorRegion => ({ code: row.regionCode, path: row.regionPath, level: row.regionLevel });

/** 403 unless the indicator is of the reader's own level (a district office reads the city's, a city's its districts'). */
function refuseAway(row: IndicatorRow) {
  if (!row.isHome) throw new AppError(403, 'forbidden', 'target.not_home', { name: row.name, region: row.regionName });
}

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<IndicatorRow> {
  const row = await findIndicator(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/**
 * The region an indicator belongs to: a district, a city (whose indicator is broken down to its districts) or a
 * province (broken down to its cities).
 */
type IndicatorRegion = { code: string; path: string; level: 'district' | 'city' | 'province' };

/**
 * The field problems of an indicator's fields in its region: owner unit (a district's unit or its streets'; for a
 * city's, one of the city's own units), unit of measure, sign, name taken.
 */
async function indicatorProblems(
  tx: Tx,
  ctx: RequestContext,
  region: IndicatorRegion,
  year: number,
  input: Omit<IndicatorFields, 'version'>,
  exceptId?: string,
): Promise<Detail[]> {
  const { locale } = ctx.actor;
  const details: Detail[] = [];
  const ids = [input.ownerUnitId];
  const above = region.level !== 'district';
  const known = above ? await unitsOfCity(tx, region.code, ids) : await unitsOfDistrict(tx, region.path, ids);
  const unknown: MessageKey =
    region.level === 'province' ? 'target.province_unit_not_found' : above ? 'target.city_unit_not_found' : 'target.unit_not_found';
  if (!known.has(input.ownerUnitId)) details.push({ path: 'ownerUnitId', messageKey: unknown });
  const problem = measureProblem({ kind: input.kind, measure: input.measure, computation: input.computation });
  if (problem)
    details.push({
      path: 'measure',
      messageKey: 'target.wrong_measure',
      params: {
        name: input.name,
        expected: enumLabel(locale, 'targetMeasure', problem.expected),
        given: enumLabel(locale, 'targetMeasure', input.measure),
      },
    });
  if (input.kind === 'level' && toScaled(input.targetValue) < 0n)
    details.push({ path: 'targetValue', messageKey: 'target.negative_level' });
  if (await indicatorNamed(tx, region.code, year, input.name, exceptId))
    details.push({ path: 'name', messageKey: 'target.duplicate_name', params: { name: input.name, year } });
  return details;
}

const fieldsOf = (input: Omit<IndicatorFields, 'version'>) => ({
  name: input.name,
  measure: input.measure,
  kind: input.kind,
  targetValue: input.targetValue,
  qualifier: input.qualifier,
  direction: input.direction,
  ownerUnitId: input.ownerUnitId,
  source: input.source,
  computation: input.source === 'computed' ? input.computation : null,
  note: input.note?.trim() || null,
  sortOrder: input.sortOrder ?? 0,
});

const auditView = (row: ReturnType<typeof fieldsOf>) => ({ ...row, targetValue: decimalOut(row.targetValue) });

/**
 * Sets one of the year's indicators of the office's district — or of a city office's city (broken down to its
 * districts later), of a province office's province (to its cities): its owner unit must be of the district (of the
 * city's, the province's own units), its unit of measure fit its
 * kind and computation (a growth rate in %, a computed one in its computation's unit), a level target not negative,
 * its name not taken that year. Audited.
 */
export async function createIndicator({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: z.infer<typeof indicatorCreateBody> }) {
  const home = await actorLevelRegion(tx, ctx.actor);
  if (!home) throw new AppError(422, 'no_district', 'target.no_home_region');
  const region: IndicatorRegion = { code: home.code, path: home.path, level: home.level };
  const details = await indicatorProblems(tx, ctx, region, input.year, input);
  if (details.length) throw invalid(details);
  const fields = fieldsOf(input);
  const [row] = await tx
    .insert(indicators)
    .values({ regionCode: region.code, year: input.year, ...fields })
    .returning();
  if (!row) throw new Error('indicator not written');
  await recordAudit(tx, ctx, {
    action: 'targets.create_indicator',
    recordType: 'indicator',
    recordId: row.id,
    regionCode: row.regionCode,
    after: { year: row.year, ...auditView(fields) },
  });
  return reloaded(tx, ctx, row.id);
}

/** Changes an indicator at the version read, by the same rules as setting it. Audited with the fields changed. */
export async function updateIndicator({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof indicatorUpdateBody>;
}) {
  const current = await findIndicator(tx, ctx.actor, id);
  if (!current) throw notFound();
  refuseAway(current);
  await lockIndicator(tx, id);
  if (current.version !== input.version) throw staleVersion();
  const details = await indicatorProblems(tx, ctx, regionOf(current), current.year, input, id);
  if (details.length) throw invalid(details);
  const fields = fieldsOf(input);
  await updateAtVersion(tx, indicators, { key: indicators.id, keyValue: id, version: input.version }, fields);
  const { before, after } = changedFields(auditView(fieldsOf({ ...current, note: current.note })), auditView(fields));
  await recordAudit(tx, ctx, {
    action: 'targets.update_indicator',
    recordType: 'indicator',
    recordId: id,
    regionCode: current.regionCode,
    before,
    after,
  });
  return reloaded(tx, ctx, id);
}

/** True when the month of the year has not begun yet (China Standard Time). */
export function isFutureMonth(year: number, month: number, today = todayInChina()): boolean {
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  return year > thisYear || (year === thisYear && month > thisMonth);
}

/**
 * Enters an entered indicator's actual for a month (year-to-date as of the month's end) with the owner unit's note,
 * replacing the month's earlier figure. Refused: a computed indicator (409), a month still to come (400 on `month`),
 * a reader who is neither the owner unit nor the office (403 naming the owner). Audited with the figure replaced.
 */
export async function enterActual({
  ctx,
  tx,
  id,
  month,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  month: number;
  input: z.infer<typeof actualBody>;
}) {
  const indicator = await findIndicator(tx, ctx.actor, id);
  if (!indicator) throw notFound();
  if (!mayEnterIndicator(ctx.actor, indicator))
    throw new AppError(403, 'forbidden', 'target.not_owner', { unit: indicator.ownerUnitName, name: indicator.name });
  if (indicator.source === 'computed')
    throw new AppError(409, 'conflict', 'target.computed_no_entry', { name: indicator.name }, [
      { path: 'value', messageKey: 'target.computed_no_entry', params: { name: indicator.name } },
    ]);
  if (isFutureMonth(indicator.year, month)) throw invalidField('month', 'target.future_month', { year: indicator.year, month });
  await lockIndicator(tx, id);
  const note = input.note?.trim() || null;
  const before = await upsertActual(tx, { indicatorId: id, month, value: input.value, note, enteredBy: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'targets.enter_actual',
    recordType: 'indicator',
    recordId: id,
    regionCode: indicator.regionCode,
    before: before ? { month, value: decimalOut(before.value), note: before.note } : null,
    after: { month, value: decimalOut(input.value), note },
  });
  return reloaded(tx, ctx, id);
}

/**
 * Breaks an indicator down to units (分解到单位) at the version read: units of its district, each once — or, for a
 * city's indicator, its districts (each under its top unit, `shareDistricts`), for a province's its cities — whose
 * shares sum back to the target
 * exactly, else 400 naming the sum, the target and the difference, and nothing is saved. An empty list removes the
 * breakdown. A growth rate is not broken down. Only the office of the indicator's own level (403 otherwise). Audited;
 * the indicator's version moves on.
 */
export async function setBreakdown({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof breakdownBody>;
}) {
  const indicator = await findIndicator(tx, ctx.actor, id);
  if (!indicator) throw notFound();
  refuseAway(indicator);
  if (!can(ctx.actor, 'target.manage')) throw forbidden();
  await lockIndicator(tx, id);
  if (indicator.version !== input.version) throw staleVersion();
  if (indicator.kind === 'growth') throw invalidField('items', 'target.breakdown_growth');
  const details: Detail[] = [];
  const ids = input.items.map((i) => i.unitId);
  const toDistricts = sharedBelow(indicator);
  const toCities = indicator.regionLevel === 'province';
  const known = toDistricts ? await districtUnitsAmong(tx, indicator, ids) : await unitsOfDistrict(tx, indicator.regionPath, ids);
  const unknown: MessageKey = toCities ? 'target.city_not_found' : toDistricts ? 'target.district_not_found' : 'target.unit_not_found';
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (!known.has(item.unitId)) details.push({ path: `items.${i}.unitId`, messageKey: unknown });
    else if (seen.has(item.unitId)) details.push({ path: `items.${i}.unitId`, messageKey: 'target.breakdown_duplicate' });
    seen.add(item.unitId);
    if (toScaled(item.targetValue) < 0n) details.push({ path: `items.${i}.targetValue`, messageKey: 'target.negative_level' });
  });
  if (details.length) throw invalid(details);
  const target = decimalOut(indicator.targetValue);
  if (input.items.length) {
    const sum = sumDecimals(input.items.map((i) => i.targetValue));
    const difference = subtractDecimals(sum, target);
    if (toScaled(difference) !== 0n) {
      const measure = enumLabel(ctx.actor.locale, 'targetMeasure', indicator.measure);
      const params = { sum, target, difference: difference.replace('-', ''), measure };
      const key: MessageKey = toCities
        ? 'target.breakdown_sum_cities'
        : toDistricts
          ? 'target.breakdown_sum_districts'
          : 'target.breakdown_sum';
      throw invalid([{ path: 'items', messageKey: key, params }]);
    }
  }
  const before = await breakdownOf(tx, id);
  await replaceBreakdown(tx, id, input.items);
  await updateAtVersion(tx, indicators, { key: indicators.id, keyValue: id, version: input.version }, {});
  await recordAudit(tx, ctx, {
    action: 'targets.set_breakdown',
    recordType: 'indicator',
    recordId: id,
    regionCode: indicator.regionCode,
    before: { items: before.map((b) => ({ unitId: b.unitId, targetValue: decimalOut(b.targetValue) })) },
    after: { items: input.items.map((i) => ({ unitId: i.unitId, targetValue: decimalOut(i.targetValue) })) },
  });
  return reloaded(tx, ctx, id);
}
