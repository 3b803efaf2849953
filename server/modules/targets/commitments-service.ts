import type { z } from 'zod';
import { compareDates, todayInChina } from '../../../common/domain/dates';
import { toScaled } from '../../../common/domain/decimal';
import { enumLabel } from '../../../common/labels';
import type {
  commitmentCreateBody,
  commitmentDoneBody,
  commitmentProgressBody,
  commitmentUpdateBody,
  raiseMatterBody,
} from '../../../common/schemas/targets';
import type { Tx } from '../../db/client';
import { commitments } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../lib/errors';
import { translate } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { createMatter } from '../matters';
import { actorDistrict, districtOf } from '../regions';
import { isFutureMonth } from './indicators-service';
import { mayEnter } from './policy';
import { decimalOut } from './presenter';
import { type CommitmentRow, findCommitment, lockCommitment, unitsOfDistrict, upsertProgress } from './repository';

type Fields = Omit<z.infer<typeof commitmentUpdateBody>, 'version'>;

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<CommitmentRow> {
  const row = await findCommitment(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

const fieldsOf = (input: Fields) => ({
  unitId: input.unitId,
  title: input.title,
  targetValue: input.targetValue,
  measure: input.measure,
  deadline: input.deadline,
  publicWording: input.publicWording?.trim() || null,
  sortOrder: input.sortOrder ?? 0,
});

const auditView = (row: ReturnType<typeof fieldsOf>) => ({ ...row, targetValue: decimalOut(row.targetValue) });

async function checkFields(tx: Tx, districtPath: string, input: Fields) {
  const known = await unitsOfDistrict(tx, districtPath, [input.unitId]);
  if (!known.has(input.unitId)) throw invalidField('unitId', 'target.unit_not_found');
  if (toScaled(input.targetValue) < 0n) throw invalidField('targetValue', 'target.negative_level');
}

/** Adds a unit's pledge (军令状) or one of the year's 民生实事 in the office's district: a unit of the district, a quantity not negative. Audited. */
export async function createCommitment({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: z.infer<typeof commitmentCreateBody> }) {
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'target.no_district');
  await checkFields(tx, district.path, input);
  const fields = fieldsOf(input);
  const [row] = await tx
    .insert(commitments)
    .values({ regionCode: district.code, year: input.year, kind: input.kind, ...fields })
    .returning();
  if (!row) throw new Error('commitment not written');
  await recordAudit(tx, ctx, {
    action: 'targets.create_commitment',
    recordType: 'commitment',
    recordId: row.id,
    regionCode: row.regionCode,
    after: { kind: row.kind, year: row.year, ...auditView(fields) },
  });
  return reloaded(tx, ctx, row.id);
}

/** Changes a pledge or 民生实事 at the version read. Audited with the fields changed. */
export async function updateCommitment({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof commitmentUpdateBody>;
}) {
  const current = await findCommitment(tx, ctx.actor, id);
  if (!current) throw notFound();
  await lockCommitment(tx, id);
  if (current.version !== input.version) throw staleVersion();
  const district = await districtOf(tx, current.regionCode);
  if (!district) throw notFound();
  await checkFields(tx, district.path, input);
  const fields = fieldsOf(input);
  await updateAtVersion(tx, commitments, { key: commitments.id, keyValue: id, version: input.version }, fields);
  const { before, after } = changedFields(auditView(fieldsOf(current)), auditView(fields));
  await recordAudit(tx, ctx, {
    action: 'targets.update_commitment',
    recordType: 'commitment',
    recordId: id,
    regionCode: current.regionCode,
    before,
    after,
  });
  return reloaded(tx, ctx, id);
}

/**
 * Enters a month's progress on a pledge or 民生实事 — the quantity reached so far and its evidence (a note or a link:
 * attachments are not built yet) — replacing the month's earlier entry. The unit that pledged it or the office; no
 * month still to come (400 on `month`). Audited.
 */
export async function enterProgress({
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
  input: z.infer<typeof commitmentProgressBody>;
}) {
  const current = await findCommitment(tx, ctx.actor, id);
  if (!current) throw notFound();
  if (!mayEnter(ctx.actor, current)) throw forbidden();
  if (isFutureMonth(current.year, month)) throw invalidField('month', 'commitment.future_month', { year: current.year, month });
  if (toScaled(input.value) < 0n) throw invalidField('value', 'target.negative_level');
  await lockCommitment(tx, id);
  const before = await upsertProgress(tx, {
    commitmentId: id,
    month,
    value: input.value,
    evidence: input.evidence,
    enteredBy: ctx.actor.userId,
  });
  await recordAudit(tx, ctx, {
    action: 'targets.enter_progress',
    recordType: 'commitment',
    recordId: id,
    regionCode: current.regionCode,
    before: before ? { month, value: decimalOut(before.value), evidence: before.evidence } : null,
    after: { month, value: decimalOut(input.value), evidence: input.evidence },
  });
  return reloaded(tx, ctx, id);
}

/** Marks a pledge or 民生实事 done (today) or not done, at the version read. Audited. */
export async function markCommitmentDone({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof commitmentDoneBody>;
}) {
  const current = await findCommitment(tx, ctx.actor, id);
  if (!current) throw notFound();
  await lockCommitment(tx, id);
  const doneOn = input.done ? todayInChina() : null;
  await updateAtVersion(tx, commitments, { key: commitments.id, keyValue: id, version: input.version }, { done: input.done, doneOn });
  await recordAudit(tx, ctx, {
    action: 'targets.mark_done',
    recordType: 'commitment',
    recordId: id,
    regionCode: current.regionCode,
    before: { done: current.done, doneOn: current.doneOn },
    after: { done: input.done, doneOn },
  });
  return reloaded(tx, ctx, id);
}

/**
 * Raises a matter (督查反馈, through the matters module's face) on a late pledge or 民生实事: led by its unit, due by the
 * deadline given, its title and description worded in Chinese from the commitment. Refused when it is not late or a
 * matter was raised already (409). The commitment keeps the matter's id; both writes audited.
 */
export async function raiseCommitmentMatter({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: z.infer<typeof raiseMatterBody>;
}) {
  const current = await findCommitment(tx, ctx.actor, id);
  if (!current) throw notFound();
  await lockCommitment(tx, id);
  if (current.version !== input.version) throw staleVersion();
  if (current.matterId) throw new AppError(409, 'conflict', 'commitment.matter_exists', { title: current.title });
  if (current.done || compareDates(current.deadline, todayInChina()) >= 0)
    throw new AppError(409, 'conflict', 'commitment.not_late', { title: current.title });
  // Matters are worded in Chinese, the district's working language (as the demo's and the notifications' texts are).
  const kind = enumLabel('zh-CN', 'commitmentKind', current.kind);
  const measure = enumLabel('zh-CN', 'targetMeasure', current.measure);
  const latest =
    current.latestValue === null ? translate('zh-CN', 'commitment.no_progress') : `${decimalOut(current.latestValue)}${measure}`;
  const description =
    input.description?.trim() ||
    translate('zh-CN', 'commitment.matter_description', {
      kind,
      title: current.title,
      target: decimalOut(current.targetValue),
      measure,
      deadline: current.deadline,
      latest,
    });
  const matter = await createMatter({
    ctx,
    tx,
    input: {
      source: 'inspection',
      title: translate('zh-CN', 'commitment.matter_title', { kind, title: current.title }).slice(0, 200),
      description,
      category: 'other',
      leadUnitId: current.unitId,
      deadline: input.deadline,
    },
  });
  await updateAtVersion(tx, commitments, { key: commitments.id, keyValue: id, version: input.version }, { matterId: matter.id });
  await recordAudit(tx, ctx, {
    action: 'targets.raise_matter',
    recordType: 'commitment',
    recordId: id,
    regionCode: current.regionCode,
    after: { matterId: matter.id },
  });
  return { commitment: await reloaded(tx, ctx, id), matterId: matter.id };
}
