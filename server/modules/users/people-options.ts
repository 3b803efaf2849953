import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { regions, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { invalidField } from '../../lib/errors';
import { likePrefix } from '../../lib/scope';
import { actorDistrict } from '../regions';

/**
 * The active people of one unit of the reader's district, names only, for the pickers that name a colleague on a
 * record (a lead's owner, a visit's visitors): whoever keeps such records needs them, not only those who may read the
 * user list, and the records' pages show these names anyway. A unit outside the district answers 400 on
 * `query.unitId`, the same whether it exists or not.
 */
export async function peopleOptions(db: Executor, actor: Actor, unitId: string) {
  const district = await actorDistrict(db, actor);
  const inDistrict = district
    ? await db
        .select({ id: units.id })
        .from(units)
        .innerJoin(regions, eq(regions.code, units.regionCode))
        .where(and(eq(units.id, unitId), sql`${regions.path} like ${likePrefix(district.path)}`))
    : [];
  if (inDistrict.length === 0) throw invalidField('query.unitId', 'people.unit_outside_district');
  const items = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.status, 'active')))
    .orderBy(asc(users.displayName), asc(users.id));
  return { items };
}
