import { sql } from 'drizzle-orm';
import { policyFits } from '../../../common/domain/policy-fit';
import { POLICY_DELIVERY_STATES, type PolicyDeliveryState } from '../../../common/enums';
import type { PolicyCreateBody, PolicyUpdateBody } from '../../../common/schemas/policies';
import type { Tx, Executor } from '../../db/client';
import { policies, policyDeliveries } from '../../db/schema';
import type { Actor, RequestContext } from '../../lib/actor';
import { changedFields, recordAudit } from '../../lib/audit';
import { AppError, conflict, invalidField, notFound, staleVersion } from '../../lib/errors';
import type { MessageKey } from '../../lib/messages';
import { updateAtVersion } from '../../lib/versioned';
import { enterpriseCandidates } from '../enterprises';
import { enabledDictionaryEntries, regionExists } from '../projects';
import { actorDistrict } from '../regions';
import { isInForce } from './presenter';
import {
  type PolicyRecord,
  type PolicyRow,
  deliveryStates,
  findDelivery,
  findPolicy,
  insertDeliveries,
  insertPolicy,
  lockDelivery,
  lockPolicy,
} from './repository';

type Detail = { path: string; messageKey: MessageKey; params?: Record<string, string | number> };
const invalid = (details: Detail[]) => new AppError(400, 'validation_failed', 'error.validation_failed', {}, details);

async function reloaded(tx: Tx, ctx: RequestContext, id: string): Promise<PolicyRow> {
  const row = await findPolicy(tx, ctx.actor, id);
  if (!row) throw notFound();
  return row;
}

/** The conditions name enabled tags and industries and known regions; every one at fault is named. */
async function checkConditions(tx: Tx, conditions: PolicyCreateBody['conditions']): Promise<void> {
  const details: Detail[] = [];
  const wanted = [
    ...conditions.tags.map((code) => ({ type: 'enterprise_tag', code })),
    ...conditions.industryCodes.map((code) => ({ type: 'industry', code })),
  ];
  const known = new Set((await enabledDictionaryEntries(tx, wanted)).map((entry) => `${entry.type}:${entry.code}`));
  conditions.tags.forEach((code, i) => {
    if (!known.has(`enterprise_tag:${code}`))
      details.push({ path: `conditions.tags.${i}`, messageKey: 'enterprise.tag_unknown', params: { code } });
  });
  conditions.industryCodes.forEach((code, i) => {
    if (!known.has(`industry:${code}`))
      details.push({ path: `conditions.industryCodes.${i}`, messageKey: 'enterprise.industry_unknown', params: { code } });
  });
  for (const [i, code] of conditions.regionCodes.entries()) {
    if (!(await regionExists(tx, code)))
      details.push({ path: `conditions.regionCodes.${i}`, messageKey: 'enterprise.hq_region_unknown', params: { code } });
  }
  if (details.length > 0) throw invalid(details);
}

const auditView = (row: Pick<PolicyRecord, 'title' | 'issuer' | 'validFrom' | 'validTo' | 'conditions' | 'body'>) => ({
  title: row.title,
  issuer: row.issuer,
  validFrom: row.validFrom,
  validTo: row.validTo,
  conditions: row.conditions,
  body: row.body,
});

/** Drafts a policy of the drafter's district, its conditions checked against the dictionaries; audited. */
export async function createPolicy({ ctx, tx, input }: { ctx: RequestContext; tx: Tx; input: PolicyCreateBody }) {
  const district = await actorDistrict(tx, ctx.actor);
  if (!district) throw new AppError(422, 'no_district', 'policy.no_district');
  await checkConditions(tx, input.conditions);
  const row = await insertPolicy(tx, { ...input, regionCode: district.code, createdBy: ctx.actor.userId });
  await recordAudit(tx, ctx, {
    action: 'policies.create',
    recordType: 'policy',
    recordId: row.id,
    regionCode: row.regionCode,
    after: auditView(row),
  });
  return reloaded(tx, ctx, row.id);
}

/** Edits a policy at the version read; audited with the fields changed. */
export async function updatePolicy({ ctx, tx, id, input }: { ctx: RequestContext; tx: Tx; id: string; input: PolicyUpdateBody }) {
  if (!(await findPolicy(tx, ctx.actor, id))) throw notFound();
  await lockPolicy(tx, id);
  const before = await reloaded(tx, ctx, id);
  if (before.version !== input.version) throw staleVersion();
  const { version, ...changes } = input;
  const merged = { ...auditView(before), ...changes };
  if (merged.validTo !== null && merged.validTo < merged.validFrom) throw invalidField('validTo', 'policy.valid_to_before_from');
  if (changes.conditions) await checkConditions(tx, changes.conditions);
  const row = await updateAtVersion(tx, policies, { key: policies.id, keyValue: id, version }, changes);
  await recordAudit(tx, ctx, {
    action: 'policies.update',
    recordType: 'policy',
    recordId: id,
    regionCode: row.regionCode,
    ...changedFields(auditView(before), auditView(row)),
  });
  return reloaded(tx, ctx, id);
}

/** The enterprises of the policy's district it fits, with the conditions each meets and its delivery state. */
export async function fittingEnterprises(db: Executor, actor: Actor, policy: PolicyRow) {
  const [candidates, states] = await Promise.all([
    enterpriseCandidates(db, policy.regionCode, actor.locale),
    deliveryStates(db, policy.id),
  ]);
  return candidates.flatMap((enterprise) => {
    const fit = policyFits(policy.conditions, enterprise);
    return fit.fits
      ? [
          {
            enterpriseId: enterprise.id,
            name: enterprise.name,
            tags: [...enterprise.tags],
            industryName: enterprise.industryName,
            size: enterprise.size,
            matched: fit.matched,
            delivery: states.get(enterprise.id) ?? null,
          },
        ]
      : [];
  });
}

/**
 * Pushes a policy in force to enterprises it fits: each told once (a delivery in state told), those already told
 * skipped. An enterprise it does not fit, or not of its district, is named (400 at enterpriseIds.N); an expired or
 * not yet valid policy is refused (409). Audited with the enterprises newly told.
 */
export async function pushPolicy({ ctx, tx, id, enterpriseIds }: { ctx: RequestContext; tx: Tx; id: string; enterpriseIds: string[] }) {
  if (!(await findPolicy(tx, ctx.actor, id))) throw notFound();
  await lockPolicy(tx, id);
  const policy = await reloaded(tx, ctx, id);
  if (!isInForce(policy)) throw conflict('policy.not_in_force');
  const wanted = [...new Set(enterpriseIds)];
  const candidates = new Map((await enterpriseCandidates(tx, policy.regionCode, ctx.actor.locale, wanted)).map((e) => [e.id, e]));
  const details: Detail[] = [];
  enterpriseIds.forEach((enterpriseId, i) => {
    const enterprise = candidates.get(enterpriseId);
    if (!enterprise) details.push({ path: `enterpriseIds.${i}`, messageKey: 'policy.enterprise_not_found' });
    else if (!policyFits(policy.conditions, enterprise).fits)
      details.push({ path: `enterpriseIds.${i}`, messageKey: 'policy.enterprise_not_fitting', params: { name: enterprise.name } });
  });
  if (details.length > 0) throw invalid(details);
  const told = await insertDeliveries(tx, id, wanted, ctx.actor.userId);
  if (told.length > 0) {
    await recordAudit(tx, ctx, {
      action: 'policies.push',
      recordType: 'policy',
      recordId: id,
      regionCode: policy.regionCode,
      after: { enterpriseIds: told },
    });
  }
  return { pushed: told.length, skipped: wanted.length - told.length };
}

const STATE_COLUMN: Record<PolicyDeliveryState, 'toldAt' | 'appliedAt' | 'grantedAt'> = {
  told: 'toldAt',
  applied: 'appliedAt',
  granted: 'grantedAt',
};

/**
 * Moves a delivery on at the version read: forward only (told → applied → granted, a step may be skipped), the day
 * of each step kept; going back or standing still is a 409 naming the state it is in. Audited.
 */
export async function updateDelivery({
  ctx,
  tx,
  id,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  id: string;
  input: { state: PolicyDeliveryState; note?: string | null; version: number };
}) {
  if (!(await findDelivery(tx, ctx.actor, id))) throw notFound();
  await lockDelivery(tx, id);
  const before = await findDelivery(tx, ctx.actor, id);
  if (!before) throw notFound();
  if (before.version !== input.version) throw staleVersion();
  if (POLICY_DELIVERY_STATES.indexOf(input.state) <= POLICY_DELIVERY_STATES.indexOf(before.state)) {
    throw conflict('policy.delivery_not_forward', 'state');
  }
  const note = input.note === undefined ? before.note : input.note?.trim() || null;
  await updateAtVersion(
    tx,
    policyDeliveries,
    { key: policyDeliveries.id, keyValue: id, version: input.version },
    { state: input.state, note, [STATE_COLUMN[input.state]]: sql`now()` },
  );
  const after = await findDelivery(tx, ctx.actor, id);
  if (!after) throw notFound();
  await recordAudit(tx, ctx, {
    action: 'policy_deliveries.update',
    recordType: 'policy_delivery',
    recordId: id,
    regionCode: after.regionCode,
    before: { state: before.state, note: before.note },
    after: { state: after.state, note: after.note, enterpriseId: after.enterpriseId, policyId: after.policyId },
  });
  return after;
}
