import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regions, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { likePrefix } from '../../lib/scope';
import { actorDistrict } from '../regions';

/**
 * The district's active leaders, for the "leaders in charge" picker: everyone who may edit a project needs them,
 * not only those who may read the user list, and they see no more than the names the project pages show anyway.
 */
export async function leaderOptions(db: Executor, actor: Actor) {
  const district = await actorDistrict(db, actor);
  if (!district) return { items: [] };
  const items = await db
    .select({ id: users.id, name: users.displayName, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(and(eq(users.roleCode, 'leader'), eq(users.status, 'active'), sql`${regions.path} like ${likePrefix(district.path)}`))
    .orderBy(asc(users.displayName), asc(users.id));
  return { items };
}
