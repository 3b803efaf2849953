import { type DataScope, isPermission } from '../../../common/permissions';
import { type Actor, can } from '../../lib/actor';

/**
 * Which data scopes an actor of each scope may hand out: never one that sees more than the actor does.
 * `unit_tree` below a unit-tree actor stays inside the actor's subtree because the user's unit must be in scope;
 * `custom` is allowed where its units are then checked one by one against the actor's scope.
 */
export const GRANTABLE_SCOPES: Record<DataScope, readonly DataScope[]> = {
  region: ['region', 'unit_tree', 'unit', 'own', 'custom'],
  unit_tree: ['unit_tree', 'unit', 'own', 'custom'],
  unit: ['unit', 'own', 'custom'],
  own: ['own'],
  custom: ['unit', 'own', 'custom'],
};

/** Least privilege: an actor may grant a role only when every permission of the role is one the actor holds. */
export const canGrantRole = (actor: Actor, rolePermissions: readonly string[]) =>
  rolePermissions.filter(isPermission).every((p) => can(actor, p));

/** Least privilege for data: an actor may grant only a data scope no wider than the actor's own. */
export const canGrantScope = (actor: Actor, scope: DataScope) => GRANTABLE_SCOPES[actor.dataScope].includes(scope);

/** An actor may change or reset only accounts that hold nothing the actor could not have granted, so no one can take over a stronger account. */
export const canManageUser = (actor: Actor, target: { rolePermissions: readonly string[]; dataScope: DataScope }) =>
  canGrantRole(actor, target.rolePermissions) && canGrantScope(actor, target.dataScope);
