import { todayInChina } from '../../../common/domain/dates';
import type { Policy, PolicyDelivery } from '../../../common/schemas/policies';
import type { Actor } from '../../lib/actor';
import { deliveryAbilities, policyAbilities } from './policy';
import type { DeliveryRow, PolicyRow } from './repository';

/** Today lies within the policy's validity. */
export const isInForce = (row: Pick<PolicyRow, 'validFrom' | 'validTo'>, today = todayInChina()) =>
  row.validFrom <= today && (row.validTo === null || row.validTo >= today);

/** A policy as the API answers it, with its delivery counts and the reader's abilities. */
export function presentPolicy(actor: Actor, row: PolicyRow): Policy {
  return {
    id: row.id,
    regionCode: row.regionCode,
    title: row.title,
    body: row.body,
    issuer: row.issuer,
    validFrom: row.validFrom,
    validTo: row.validTo,
    inForce: isInForce(row),
    conditions: row.conditions,
    deliveries: { told: row.told, applied: row.applied, granted: row.granted },
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    abilities: policyAbilities(actor),
  };
}

export function presentDelivery(actor: Actor, row: DeliveryRow): PolicyDelivery {
  return {
    id: row.id,
    policyId: row.policyId,
    policyTitle: row.policyTitle,
    enterpriseId: row.enterpriseId,
    enterpriseName: row.enterpriseName,
    state: row.state,
    toldAt: row.toldAt.toISOString(),
    appliedAt: row.appliedAt?.toISOString() ?? null,
    grantedAt: row.grantedAt?.toISOString() ?? null,
    note: row.note,
    version: row.version,
    abilities: deliveryAbilities(actor, row),
  };
}
