import { and, asc, eq, like, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { districtInReach } from '../../lib/scope';

/** A district (区/县): the level that owns projects. */
export type District = { code: string; name: string; path: string };

const parentRegion = alias(regions, 'parent_region');

/** The district a region belongs to: itself when a district, its parent when a street; null above district level. */
export async function districtOf(db: Executor, regionCode: string): Promise<District | null> {
  const [row] = await db
    .select({
      level: regions.level,
      code: regions.code,
      name: regions.name,
      path: regions.path,
      parentLevel: parentRegion.level,
      parentCode: parentRegion.code,
      parentName: parentRegion.name,
      parentPath: parentRegion.path,
    })
    .from(regions)
    .leftJoin(parentRegion, eq(parentRegion.code, regions.parentCode))
    .where(eq(regions.code, regionCode));
  if (!row) return null;
  if (row.level === 'district') return { code: row.code, name: row.name, path: row.path };
  if (row.level === 'street' && row.parentLevel === 'district' && row.parentCode && row.parentName && row.parentPath) {
    return { code: row.parentCode, name: row.parentName, path: row.parentPath };
  }
  return null;
}

/**
 * The district the actor works in: his region when it is a district, the district of his street; null for someone
 * above district level (a city or province user), who works over many districts. The one answer to "which district
 * is this request about" when the request names none.
 */
export const actorDistrict = (db: Executor, actor: Actor): Promise<District | null> => districtOf(db, actor.regionCode);

/** A region the actor works at: a district, or a city or province above districts. */
export type LevelRegion = District & { level: 'district' | 'city' | 'province' };

/**
 * The region whose own records (targets, scoring rules) the actor works on: his district (a street user's district),
 * else his own city or province; null for anyone else (a street of no district, a root account).
 */
export async function actorLevelRegion(db: Executor, actor: Actor): Promise<LevelRegion | null> {
  const district = await actorDistrict(db, actor);
  if (district) return { ...district, level: 'district' };
  const [own] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path, level: regions.level })
    .from(regions)
    .where(eq(regions.code, actor.regionCode));
  if (!own || (own.level !== 'city' && own.level !== 'province')) return null;
  return { code: own.code, name: own.name, path: own.path, level: own.level };
}

/**
 * The region a page or a download speaks for: the actor's district, or his own region above district level (the
 * ledger's title of a city user names the city).
 */
export async function actorHomeRegion(db: Executor, actor: Actor): Promise<District> {
  const district = await actorDistrict(db, actor);
  if (district) return district;
  const [own] = await db
    .select({ code: regions.code, name: regions.name, path: regions.path })
    .from(regions)
    .where(eq(regions.code, actor.regionCode));
  if (!own) throw new Error(`the actor's region ${actor.regionCode} does not exist`);
  return own;
}

/**
 * The district a new district record (a chain, a park, a parcel …) goes into: the one named when it is a district in
 * the actor's reach, else the actor's own. Answers `'none'` when nothing is named and the actor works above district
 * level, `'outside'` when the region named is no district in reach: the caller words the refusal.
 */
export async function districtForNewRecord(
  db: Executor,
  actor: Actor,
  regionCode: string | undefined,
): Promise<District | 'none' | 'outside'> {
  if (regionCode === undefined) return (await actorDistrict(db, actor)) ?? 'none';
  const district = await districtOf(db, regionCode);
  if (!district || district.code !== regionCode || !districtInReach(actor, district.path)) return 'outside';
  return district;
}

/** A district or city under a region, with the unit that answers for it (see `regionsBelow`). */
export type RegionWithUnit = District & { unitId: string };

/**
 * The districts (or the cities) under a region, each with the unit that answers for it: the region's own top unit
 * (its 人民政府 in the demo — the body a city's assessment judges and a city's target is broken down to), else its
 * first unit by level, order and name. A region with no unit at all is left out. By code.
 */
export async function regionsBelow(db: Executor, regionPath: string, level: 'district' | 'city'): Promise<RegionWithUnit[]> {
  const rows = await db
    .select({
      code: regions.code,
      name: regions.name,
      path: regions.path,
      // The outer row is named in full: drizzle leaves its own columns unqualified, ambiguous inside the subquery.
      unitId: sql<string | null>`(select u.id from units u join regions ur on ur.code = u.region_code
        where ur.path like regions.path || '%'
        order by (u.region_code = regions.code) desc, (u.parent_id is null) desc, u.sort_order, u.name, u.id
        limit 1)`,
    })
    .from(regions)
    .where(and(eq(regions.level, level), like(regions.path, `${regionPath}%`)))
    .orderBy(asc(regions.code));
  return rows.flatMap((r) => (r.unitId ? [{ code: r.code, name: r.name, path: r.path, unitId: r.unitId }] : []));
}
