import type { z } from 'zod';
import { ADMIN_ONLY_PERMISSIONS, PERMISSIONS, type Permission, type RoleCode } from '../../../common/permissions';
import type { roleUpdateBody } from '../../../common/schemas/organisation';
import type { Tx } from '../../db/client';
import { roles } from '../../db/schema';
import type { RequestContext } from '../../lib/actor';
import { invalidField, notFound, staleVersion } from '../../lib/errors';
import { recordAudit } from '../../lib/audit';
import { type RoleRow, findRole } from './repository';
import { updateAtVersion } from '../../lib/versioned';

type UpdateInput = z.infer<typeof roleUpdateBody>;

const auditable = (r: RoleRow) => ({ permissions: r.permissions, defaultScope: r.defaultScope, requireTotp: r.requireTotp });

/**
 * Checks a role's new permission set. Only administrators edit roles (role.update is administrator-only), so the
 * rules keep the powers that manage roles, settings and regions on the admin role and never lock it out.
 */
function assertPermissionsAllowed(code: RoleCode, next: readonly Permission[]) {
  // Only the administrator role may hold the permissions that manage roles, settings and regions.
  const adminOnly = code === 'admin' ? undefined : next.find((p) => ADMIN_ONLY_PERMISSIONS.includes(p));
  if (adminOnly) throw invalidField('permissions', 'role.admin_only_permission', { permission: adminOnly });
  // Without it nobody could ever edit a role again.
  if (code === 'admin' && !next.includes('role.update')) throw invalidField('permissions', 'role.admin_keeps_role_update');
}

/** Replaces a role's permissions (and optionally its default data scope and second-factor rule); takes effect on each holder's next request. */
export async function updateRole({
  ctx,
  tx,
  code,
  input,
}: {
  ctx: RequestContext;
  tx: Tx;
  code: RoleCode;
  input: UpdateInput;
}): Promise<RoleRow> {
  const current = await findRole(tx, code);
  if (!current) throw notFound();
  if (current.version !== input.version) throw staleVersion();
  // Stored in the canonical order and without duplicates, so the audit log compares like with like.
  const permissions = PERMISSIONS.filter((p) => input.permissions.includes(p));
  assertPermissionsAllowed(code, permissions);
  const updated = await updateAtVersion(
    tx,
    roles,
    { key: roles.code, keyValue: code, version: input.version },
    {
      permissions,
      defaultScope: input.defaultScope ?? current.defaultScope,
      requireTotp: input.requireTotp ?? current.requireTotp,
    },
  );
  await recordAudit(tx, ctx, {
    action: 'roles.update',
    recordType: 'role',
    recordId: code,
    before: auditable(current),
    after: auditable(updated),
  });
  return updated;
}
