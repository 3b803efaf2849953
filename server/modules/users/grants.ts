import type { DataScope, RoleCode } from '../../../common/permissions';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { AppError, invalidField } from '../../lib/errors';
import { findUnit } from '../units';
import { type RoleRow, findRole } from '../roles';
import { canGrantRole, canGrantScope, canManageUser } from './policy';
import { type UserRow, countVisibleUnits } from './repository';

/** The user's unit must be one the actor can see. */
export async function assertUnitInScope(tx: Executor, actor: Actor, unitId: string) {
  if (!(await findUnit(tx, actor, unitId))) throw invalidField('unitId', 'user.unit_outside_scope');
}

/** Answers the role when the actor may grant it: its permissions must all be the actor's own. */
export async function grantableRole(tx: Executor, actor: Actor, code: RoleCode): Promise<RoleRow> {
  const role = await findRole(tx, code);
  if (!role || !canGrantRole(actor, role.permissions)) throw invalidField('roleCode', 'user.role_exceeds_actor');
  return role;
}

/**
 * Checks a data scope the actor wants to grant and answers the units to store for it: at least one, all in the
 * actor's scope, for `custom`; none for any other scope.
 */
export async function grantableScopeUnits(
  tx: Executor,
  actor: Actor,
  scope: DataScope,
  unitIds: readonly string[] | undefined,
): Promise<string[]> {
  if (!canGrantScope(actor, scope)) throw invalidField('dataScope', 'user.scope_exceeds_actor');
  const ids = [...new Set(unitIds ?? [])].sort();
  if (scope !== 'custom') {
    if (ids.length > 0) throw invalidField('scopeUnitIds', 'user.scope_units_need_custom');
    return [];
  }
  if (ids.length === 0) throw invalidField('scopeUnitIds', 'user.custom_scope_needs_units');
  if ((await countVisibleUnits(tx, actor, ids)) !== ids.length) throw invalidField('scopeUnitIds', 'user.scope_unit_outside_scope');
  return ids;
}

/** Refuses to touch an account stronger than the actor's, which would let the actor take it over. */
export async function assertManageable(tx: Executor, actor: Actor, target: UserRow) {
  const unitsInScope =
    target.scopeUnitIds.length === 0 || (await countVisibleUnits(tx, actor, target.scopeUnitIds)) === target.scopeUnitIds.length;
  if (!canManageUser(actor, target) || !unitsInScope) throw new AppError(403, 'forbidden', 'user.target_exceeds_actor');
}
