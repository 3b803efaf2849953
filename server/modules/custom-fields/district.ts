import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import type { Actor } from '../../lib/actor';
import { invalidField } from '../../lib/errors';
import { districtInReach } from '../../lib/scope';
import { type District, districtOf } from '../regions';

/**
 * The district whose fields a request means: the one named, or the caller's own (the district of his unit's region,
 * or the district itself). A region that is no district, or one outside the caller's reach, is refused by name.
 */
export async function resolveDistrict(db: Executor, actor: Actor, requested: string | undefined, path: string): Promise<District> {
  const district = await districtOf(db, requested ?? actor.regionCode);
  const isDistrict = !requested || district?.code === requested;
  if (!district || !isDistrict || !districtInReach(actor, district.path)) {
    throw invalidField(path, 'customField.region_not_district');
  }
  return district;
}

const lockKey = (regionCode: string) => sql`hashtext(${`custom_field_defs:${regionCode}`})`;

/**
 * A change to a district's definitions takes this lock exclusively, and a project save that checks custom values
 * takes it shared: the key check and the count limit hold under concurrent saves, and no project stores a value for
 * a definition being deleted or changed at the same moment.
 */
export const lockDistrictFields = async (tx: Executor, regionCode: string) => {
  await tx.execute(sql`select pg_advisory_xact_lock(${lockKey(regionCode)})`);
};

/** The shared side of lockDistrictFields, for saves of project values. */
export const shareDistrictFields = async (tx: Executor, regionCode: string) => {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(${lockKey(regionCode)})`);
};
