import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { dictionaryItems, projects, regions, units, users } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import type { District } from '../regions';
import { dataScopeCondition, likePrefix } from '../../lib/scope';

/** Of the given unit ids, those the actor may see. */
export async function visibleUnitIds(db: Executor, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.id, ids), dataScopeCondition(actor, { unitId: units.id })));
  return new Set(rows.map((r) => r.id));
}

/** Of the given user ids, the active accounts whose unit lies in the district: who may be a leader in charge. */
export async function eligibleLeaderIds(db: Executor, district: District, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .where(and(inArray(users.id, ids), eq(users.status, 'active'), sql`${regions.path} like ${likePrefix(district.path)}`));
  return new Set(rows.map((r) => r.id));
}

/** A dictionary item as the project rules need it. */
export type DictionaryEntry = { type: string; code: string; parentCode: string | null };

/** The enabled dictionary items among the wanted (type, code) pairs. */
export async function enabledDictionaryEntries(db: Executor, wanted: { type: string; code: string }[]): Promise<DictionaryEntry[]> {
  if (!wanted.length) return [];
  return db
    .select({ type: dictionaryItems.type, code: dictionaryItems.code, parentCode: dictionaryItems.parentCode })
    .from(dictionaryItems)
    .where(
      and(
        eq(dictionaryItems.enabled, true),
        or(...wanted.map((w) => and(eq(dictionaryItems.type, w.type), eq(dictionaryItems.code, w.code)))),
      ),
    );
}

/** True when the code is a street (乡镇/街道) of the district. */
export async function isStreetOf(db: Executor, streetCode: string, districtCode: string) {
  const [row] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.code, streetCode), eq(regions.level, 'street'), eq(regions.parentCode, districtCode)));
  return !!row;
}

/** True when the code is in the GB/T 2260 table (any level), read fresh so regions added by the administrator count. */
export async function regionExists(db: Executor, code: string) {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return !!row;
}

/** True when another project of the region already carries the 项目代码. */
export async function codeTaken(db: Executor, regionCode: string, code: string, exceptId: string | null) {
  const [row] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.regionCode, regionCode), eq(projects.code, code), exceptId ? ne(projects.id, exceptId) : undefined));
  return !!row;
}
