import { EDITABLE_OPPORTUNITY_STATUSES, type OpportunityRole, allowedOpportunityActions } from '../../../common/domain/opportunities';
import type { OpportunityStatus } from '../../../common/enums';
import { type Actor, can } from '../../lib/actor';

// The list is the district's: whoever holds opportunity.manage edits every item he sees, whoever holds
// opportunity.review reviews it (one person may hold both in a small office).

/** The reader's roles on the list, from his permissions. */
export function opportunityRoles(actor: Actor): Set<OpportunityRole> {
  const roles = new Set<OpportunityRole>();
  if (can(actor, 'opportunity.manage')) roles.add('editor');
  if (can(actor, 'opportunity.review')) roles.add('reviewer');
  return roles;
}

/** What the reader may do with an item in this state: edit and delete it, and each move of the review loop. */
export function opportunityAbilities(actor: Actor, status: OpportunityStatus): Record<string, boolean> {
  const roles = opportunityRoles(actor);
  const editable = roles.has('editor') && EDITABLE_OPPORTUNITY_STATUSES.includes(status);
  const moves = allowedOpportunityActions(status, roles);
  return {
    update: editable,
    delete: editable && status === 'draft',
    submit: moves.includes('submit'),
    publish: moves.includes('publish'),
    return: moves.includes('return'),
    withdraw: moves.includes('withdraw'),
    redraft: moves.includes('redraft'),
  };
}

/** What the reader may do on the list: add an item. */
export const opportunityListAbilities = (actor: Actor) => ({ create: can(actor, 'opportunity.manage') });
