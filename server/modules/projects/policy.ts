import type { Permission } from '../../../common/permissions';
import type { Pool } from '../../../common/schemas/projects';
import { type Actor, can } from '../../lib/actor';
import { type MoveKind, possibleMoves } from '../../../common/domain/pools';

/** What the policy needs to know about a project: its pool, and whether its lead unit is in the actor's data scope. */
export type ProjectAccess = { pool: Pool; manageable: boolean };

/** The buttons of the project page the actor may use. */
export type ProjectAbilities = {
  update: boolean;
  move: boolean;
  moveBack: boolean;
  plan: boolean;
  annualPlan: boolean;
  freezePlan: boolean;
};

/**
 * A write needs the permission and the lead unit in the actor's data scope: a leader in charge, who sees the
 * project only because he is named on it, reads it but does not edit it.
 */
export const canManageProject = (actor: Actor, project: ProjectAccess, permission: Permission) =>
  can(actor, permission) && project.manageable;

/** The permission a kind of move needs: moving back is a separate, rarer right. */
export const movePermission = (kind: MoveKind): Permission => (kind === 'back' ? 'project.move_back' : 'project.move');

/** What the actor may do to one project, for the page to show or hide its buttons. */
export function projectAbilities(actor: Actor, project: ProjectAccess): ProjectAbilities {
  const moves = possibleMoves(project.pool);
  return {
    update: canManageProject(actor, project, 'project.update'),
    move: moves.some((m) => m.kind !== 'back') && canManageProject(actor, project, 'project.move'),
    moveBack: moves.some((m) => m.kind === 'back') && canManageProject(actor, project, 'project.move_back'),
    plan: canManageProject(actor, project, 'project.plan'),
    annualPlan: canManageProject(actor, project, 'project.annual_plan'),
    freezePlan: canManageProject(actor, project, 'project.freeze_plan'),
  };
}

/** What the actor may do on the project list. */
export const projectListAbilities = (actor: Actor) => ({
  create: can(actor, 'project.create'),
  import: can(actor, 'project.import'),
  export: can(actor, 'project.export'),
});
