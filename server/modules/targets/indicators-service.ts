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
import { AppError, invalidField, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { actorDistrict, districtOf } from '../regions';
import { mayEnter } from './policy';
import { decimalOut } from './presenter';
import {
  type IndicatorRow,
  breakdownOf,
  findIndicator,
  indicatorNamed,
  lockIndicator,
  replaceBreakdown,
  unitsOfDistrict,
  upsertActual,
} from './repository';

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);
type IndicatorFields = z.infer<typeof indicatorUpdateBody>;

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<IndicatorRow> {
  const row = await findIndicator(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/** The field problems of an indicator's fields in its district: owner unit, unit of measure, sign, name taken. */
async function indicatorProblems(
  tx: Tx,
  ctx: RequestContext,
  district: { code: string; path: string },
  year: number,
  input: Omit<IndicatorFields, 'version'>,
  exceptId?: string,
): Promise<Detail[]> {
  const { locale } = ctx.actor;
  const details: Detail[] = [];
  const known = await unitsOfDistrict(tx, district.path, [input.ownerUnitId]);
  if (!known.has(input.ownerUnitId)) details.push({ path: 'ownerUnitId', messageKey: 'target.unit_not_found' });
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
  if (await indicatorNamed(tx, district.code, year, input.name, exceptId))
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
 * Sets one of the year's indicators of the office's district: its owner unit must be of the district, its unit of
 * measure fit its kind and computation (a growth rate in %, a computed one in its computation's unit), a level
 * target not negative, its name not taken that year. Audited.
 */
export async function createIndicator({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: z.infer<typeof indicatorCreateBody> }) {
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'target.no_district');
  const details = await indicatorProblems(tx, ctx, district, input.year, input);
  if (details.length) throw invalid(details);
  const fields = fieldsOf(input);
  const [row] = await tx
    .insert(indicators)
    .values({ regionCode: district.code, year: input.year, ...fields })
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
  await lockIndicator(tx, id);
  if (current.version !== input.version) throw staleVersion();
  const district = await districtOf(tx, current.regionCode);
  if (!district) throw notFound();
  const details = await indicatorProblems(tx, ctx, district, current.year, input, id);
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
  if (!mayEnter(ctx.actor, indicator))
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
 * Breaks an indicator down to units (分解到单位) at the version read: units of its district, each once, whose shares
 * sum back to the target exactly — else 400 naming the sum, the target and the difference, and nothing is saved. An
 * empty list removes the breakdown. A growth rate is not broken down. Audited; the indicator's version moves on.
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
  await lockIndicator(tx, id);
  if (indicator.version !== input.version) throw staleVersion();
  if (indicator.kind === 'growth') throw invalidField('items', 'target.breakdown_growth');
  const district = await districtOf(tx, indicator.regionCode);
  if (!district) throw notFound();
  const details: Detail[] = [];
  const known = await unitsOfDistrict(
    tx,
    district.path,
    input.items.map((i) => i.unitId),
  );
  const seen = new Set<string>();
  input.items.forEach((item, i) => {
    if (!known.has(item.unitId)) details.push({ path: `items.${i}.unitId`, messageKey: 'target.unit_not_found' });
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
      throw invalid([{ path: 'items', messageKey: 'target.breakdown_sum', params }]);
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
