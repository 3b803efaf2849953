import {
  EDITABLE_OPPORTUNITY_STATUSES,
  type OpportunityAction,
  REASON_REQUIRED,
  opportunityStep,
} from '../../../common/domain/opportunities';
import type { OpportunityStatus } from '../../../common/enums';
import { enumLabel } from '../../../common/labels';
import type { OpportunityCreateBody, OpportunityStepBody, OpportunityUpdateBody } from '../../../common/schemas/opportunities';
import type { Tx } from '../../db/client';
import { opportunities } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../lib/errors';
import { type MessageKey, translate } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { actorDistrict } from '../regions';
import { opportunityRoles } from './policy';
import {
  type OpportunityRecord,
  type OpportunityRow,
  deleteOpportunityRow,
  findOpportunity,
  insertOpportunity,
  lockOpportunity,
} from './repository';

const auditView = (row: OpportunityRecord) => ({
  kind: row.kind,
  title: row.title,
  description: row.description,
  location: row.location,
  contactName: row.contactName,
  contactPhone: row.contactPhone,
  validFrom: row.validFrom,
  validTo: row.validTo,
  status: row.status,
  returnReason: row.returnReason,
});

/** The validity ends on or after it starts (400 on `validTo`). */
function checkValidity(validFrom: string, validTo: string | null) {
  if (validTo !== null && validTo < validFrom) throw invalidField('validTo', 'opportunity.valid_to_before_from', { validFrom });
}

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<OpportunityRow> {
  const row = await findOpportunity(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/** Loads an item in the reader's reach and locks it for the change: 404 out of reach, 409 at another version. */
async function lockedAtVersion(tx: Tx, ctx: RequestContext, id: string, version: number): Promise<OpportunityRow> {
  if (!(await findOpportunity(tx, ctx.actor, id))) throw notFound();
  await lockOpportunity(tx, id);
  const row = await reloaded(tx, ctx, id);
  if (row.version !== version) throw staleVersion();
  return row;
}

/** An item in a state that does not allow the change: 409 naming its state and the states that would. */
function wrongState(ctx: RequestContext, status: OpportunityStatus, action: string, expected: readonly OpportunityStatus[]) {
  const { locale } = ctx.actor;
  const params = {
    status: enumLabel(locale, 'opportunityStatus', status),
    action,
    expected: expected.map((s) => enumLabel(locale, 'opportunityStatus', s)).join(locale === 'zh-CN' ? '、' : ', '),
  };
  return new AppError(409, 'opportunity_wrong_state', 'opportunity.wrong_state', params, [
    { path: 'status', messageKey: 'opportunity.wrong_state', params },
  ]);
}

/** Drafts an item of the reader's district's list, audited. */
export async function createOpportunity({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: OpportunityCreateBody }) {
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'opportunity.no_district');
  checkValidity(input.validFrom, input.validTo);
  const row = await insertOpportunity(tx, { ...input, regionCode: district.code, createdBy: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'opportunities.create',
    recordType: 'opportunity',
    recordId: row.id,
    regionCode: row.regionCode,
    after: auditView(row),
  });
  return reloaded(tx, ctx, row.id);
}

/** Edits a draft or returned item at the version read; the changed fields audited. */
export async function updateOpportunity({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: OpportunityUpdateBody }) {
  const before = await lockedAtVersion(tx, ctx, id, input.version);
  if (!EDITABLE_OPPORTUNITY_STATUSES.includes(before.status))
    throw wrongState(ctx, before.status, translate(ctx.actor.locale, 'opportunity.action.edit'), EDITABLE_OPPORTUNITY_STATUSES);
  const { version, ...changes } = input;
  checkValidity(changes.validFrom ?? before.validFrom, changes.validTo === undefined ? before.validTo : changes.validTo);
  const row = await updateAtVersion(tx, opportunities, { key: opportunities.id, keyValue: id, version }, changes);
  await recordAudit(tx, ctx, {
    action: 'opportunities.update',
    recordType: 'opportunity',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(auditView(before), auditView(row)),
  });
  return reloaded(tx, ctx, id);
}

/** Deletes a draft that was never submitted, audited with what it held. */
export async function deleteOpportunity({ ctx, tx, id }: { ctx: RequestContext; tx: Tx; id: string }) {
  const row = await findOpportunity(tx, ctx.actor, id);
  if (!row) throw notFound();
  if (row.status !== 'draft') throw wrongState(ctx, row.status, translate(ctx.actor.locale, 'opportunity.action.delete'), ['draft']);
  await deleteOpportunityRow(tx, id);
  await recordAudit(tx, ctx, {
    action: 'opportunities.delete',
    recordType: 'opportunity',
    recordId: id,
    regionCode: row.regionCode,
    before: auditView(row),
  });
}

/**
 * Makes one move of the review loop at the version read (common/domain/opportunities.ts decides): 404 out of reach,
 * 409 `opportunity_wrong_state` naming the state when out of order, 403 when not the reader's move, 400 on `reason`
 * when returning without one, 409 `version_conflict` on a second click. Audited as `opportunities.<action>`.
 */
export async function moveOpportunity({
  ctx,
  tx,
  id,
  action,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  action: OpportunityAction;
  input: OpportunityStepBody;
}) {
  const before = await lockedAtVersion(tx, ctx, id, input.version);
  const step = opportunityStep(before.status, action, opportunityRoles(ctx.actor));
  if (!step.ok) {
    if (step.refusal === 'not_allowed') throw forbidden();
    throw wrongState(ctx, before.status, translate(ctx.actor.locale, `opportunity.action.${action}` as MessageKey), step.expected);
  }
  const reason = input.reason?.trim() || null;
  if (REASON_REQUIRED.has(action) && !reason) throw invalidField('reason', 'opportunity.reason_required');
  const now = new Date();
  const changes: Partial<OpportunityRecord> = { status: step.to };
  if (action === 'submit') Object.assign(changes, { submittedBy: ctx.actor.userId, returnReason: null });
  if (action === 'publish') Object.assign(changes, { reviewedBy: ctx.actor.userId, reviewedAt: now, publishedAt: now });
  if (action === 'return') Object.assign(changes, { reviewedBy: ctx.actor.userId, reviewedAt: now, returnReason: reason });
  const row = await updateAtVersion(tx, opportunities, { key: opportunities.id, keyValue: id, version: input.version }, changes);
  await recordAudit(tx, ctx, {
    action: `opportunities.${action}`,
    recordType: 'opportunity',
    recordId: id,
    regionCode: row.regionCode,
    before: { status: before.status },
    after: { status: row.status, ...(reason ? { reason } : {}) },
  });
  return reloaded(tx, ctx, id);
}
