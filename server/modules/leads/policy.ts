import { type Actor, can } from '../../lib/actor';

// Everyone of the district in reach reads its leads (lead.read); who changes a lead is its owner's side: the owner,
// his unit (and the units above it for a unit-tree scope), or whoever keeps the whole district's pipeline (the project
// office and the investment promotion centre with the region scope) — each holding lead.manage.

type LeadHolder = { ownerId: string; unitId: string; unitPath: string };

/** True when the actor may change the lead (edit, move, follow up, sign). */
export function canManageLead(actor: Actor, lead: LeadHolder): boolean {
  if (!can(actor, 'lead.manage')) return false;
  if (lead.ownerId === actor.userId || lead.unitId === actor.unitId) return true;
  switch (actor.dataScope) {
    case 'region':
      return true;
    case 'unit_tree':
      return lead.unitPath.startsWith(actor.unitPath);
    case 'custom':
      return actor.scopeUnitIds.includes(lead.unitId);
    default:
      return false;
  }
}

/** What the reader may do with a lead he sees. */
export const leadAbilities = (actor: Actor, lead: LeadHolder) => {
  const manage = canManageLead(actor, lead);
  return { update: manage, move: manage, followUp: manage, sign: manage };
};

/** What the reader may do on the list: add a lead, add a source event. */
export const leadListAbilities = (actor: Actor) => ({ create: can(actor, 'lead.manage') });
