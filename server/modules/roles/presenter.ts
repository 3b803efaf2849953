import type { Locale } from '../../../common/locale';
import { type Permission, type RoleCode, isPermission } from '../../../common/permissions';
import type { Role } from '../../../common/schemas/organisation';
import { type Actor, can } from '../../lib/actor';
import type { PermissionInfo } from './schema';
import type { RoleRow } from './repository';

/** A role as the API shows it: its name in the reader's language and what the actor may do to it. */
export const presentRole = (actor: Actor, locale: Locale, row: RoleRow): Role => ({
  code: row.code as RoleCode,
  name: locale === 'en-US' ? row.nameEn : row.name,
  // A permission removed from the code since the row was written is no longer enforced, so it is not shown.
  permissions: row.permissions.filter(isPermission),
  defaultScope: row.defaultScope,
  requireTotp: row.requireTotp,
  version: row.version,
  abilities: { update: can(actor, 'role.update') },
});

/** Splits a permission name into the resource and the action, for grouping on the role editor. */
export function presentPermission(name: Permission): PermissionInfo {
  const [resource = name, action = ''] = name.split('.');
  return { name, resource, action };
}
