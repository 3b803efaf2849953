import { eq } from 'drizzle-orm';
import { ROLE_CODES, type RoleCode } from '../../../common/permissions';
import type { Executor } from '../../db/client';
import { roles } from '../../db/schema';

export type RoleRow = typeof roles.$inferSelect;

const rank = (code: string) => ROLE_CODES.indexOf(code as RoleCode);

/** Every role, in the fixed order of ROLE_CODES; roles are instance-wide, so no data scope applies. */
export async function listRoles(db: Executor): Promise<RoleRow[]> {
  const rows = await db.select().from(roles);
  return rows.sort((a, b) => rank(a.code) - rank(b.code));
}

/** One role by its code, or null. */
export async function findRole(db: Executor, code: RoleCode): Promise<RoleRow | null> {
  const [row] = await db.select().from(roles).where(eq(roles.code, code));
  return row ?? null;
}
