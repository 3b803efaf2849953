import { type MatterAction, type MatterRole, allowedMatterActions } from '../../../common/domain/matters';
import type { MatterStatus } from '../../../common/enums';
import { type Actor, can } from '../../lib/actor';

/** What the policy needs to know of a matter: its state and the reader's relations to it (from the repository). */
export type MatterAccess = { status: MatterStatus; isLead: boolean; isCo: boolean; isRaiser: boolean };

/**
 * The reader's roles on a matter: the lead unit's or a co-unit's people with `matter.handle` (their unit in his data
 * scope), and the reviewer — someone with `matter.review` whose data scope holds the raising unit (the assigning
 * office, the project office of the district) or who raised it himself.
 */
export function matterRoles(actor: Actor, matter: MatterAccess): Set<MatterRole> {
  const roles = new Set<MatterRole>();
  if (can(actor, 'matter.handle') && matter.isLead) roles.add('lead');
  if (can(actor, 'matter.handle') && matter.isCo) roles.add('co');
  if (can(actor, 'matter.review') && matter.isRaiser) roles.add('reviewer');
  return roles;
}

const ABILITY_OF: Record<MatterAction, string> = {
  accept: 'accept',
  start: 'start',
  contribute: 'contribute',
  feedback: 'feedback',
  submit_review: 'submitReview',
  close: 'close',
  send_back: 'sendBack',
};

/** The step buttons of a matter the reader may use now (every step named, true or false), and 改派. */
export function matterAbilities(actor: Actor, matter: MatterAccess): Record<string, boolean> {
  const roles = matterRoles(actor, matter);
  const allowed = new Set(allowedMatterActions(matter.status, roles));
  return {
    ...Object.fromEntries(Object.entries(ABILITY_OF).map(([action, ability]) => [ability, allowed.has(action as MatterAction)])),
    reassign: mayReassign(matter.status, roles),
  };
}

/** 改派 (another lead unit or deadline) is the reviewer's, while the matter is open. */
export const mayReassign = (status: MatterStatus, roles: ReadonlySet<MatterRole>) => status !== 'closed' && roles.has('reviewer');

/** What the reader may do on the board: raise a matter. */
export const matterListAbilities = (actor: Actor) => ({ create: can(actor, 'matter.create') });
