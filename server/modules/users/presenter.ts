import type { RoleCode } from '../../../common/permissions';
import type { User } from '../../../common/schemas/organisation';
import { type Actor, can } from '../../lib/actor';
import { canManageUser } from './policy';
import type { UserRow } from './repository';

/** A user as the API shows it (never the password hash), with what the actor may do to the account. */
export const presentUser = (actor: Actor, row: UserRow): User => {
  const manageable = canManageUser(actor, row);
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phone,
    email: row.email,
    unitId: row.unitId,
    unitName: row.unitName,
    roleCode: row.roleCode as RoleCode,
    dataScope: row.dataScope,
    scopeUnitIds: row.scopeUnitIds,
    status: row.status,
    locale: row.locale,
    mustChangePassword: row.mustChangePassword,
    totpEnabled: row.totpEnabledAt !== null,
    lockedUntil: row.lockedUntil?.toISOString() ?? null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    abilities: {
      update: can(actor, 'user.update') && manageable,
      resetPassword: can(actor, 'user.reset_password') && manageable,
      // Removing a second factor is a credential reset too; one's own is managed on one's own security page.
      resetTotp: can(actor, 'user.reset_password') && manageable && row.totpEnabledAt !== null && row.id !== actor.userId,
    },
  };
};
