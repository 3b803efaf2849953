import { eq } from 'drizzle-orm';
import type { Me } from '../../../common/schemas/auth';
import type { Executor } from '../../db/client';
import { regions, roles, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';

/** The signed-in user as the web page needs it: who, where, which permissions, and the CSRF token. */
export async function presentMe(db: Executor, actor: Actor, csrfToken: string | null): Promise<Me> {
  const [row] = await db
    .select({
      unitName: units.name,
      regionName: regions.name,
      roleName: roles.name,
      roleNameEn: roles.nameEn,
      totpRequired: roles.requireTotp,
      totpEnabledAt: users.totpEnabledAt,
    })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .innerJoin(roles, eq(roles.code, users.roleCode))
    .where(eq(users.id, actor.userId));
  if (!row) throw new AppError(401, 'unauthenticated', 'error.unauthenticated');
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: actor.locale,
    mustChangePassword: actor.mustChangePassword,
    totpEnabled: row.totpEnabledAt !== null,
    totpRequired: row.totpRequired,
    mustEnrolTotp: actor.mustEnrolTotp,
    role: { code: actor.roleCode, name: actor.locale === 'en-US' ? row.roleNameEn : row.roleName },
    unit: { id: actor.unitId, name: row.unitName },
    region: { code: actor.regionCode, name: row.regionName },
    dataScope: actor.dataScope,
    permissions: [...actor.permissions].sort(),
    csrfToken: csrfToken ?? '',
  };
}
