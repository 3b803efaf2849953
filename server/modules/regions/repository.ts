import { and, asc, count, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { regionListQuery } from '../../../common/schemas/organisation';
import type { Executor } from '../../db/client';
import { regions } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { likePrefix, regionPathInJurisdiction, regionsAbove } from '../../lib/scope';

export type RegionRow = typeof regions.$inferSelect & { hasChildren: boolean };

/** Regions the actor may see: the jurisdiction subtree plus its ancestors; every other region is not found. */
function visible(actor: Actor): SQL {
  const ancestors = regionsAbove(actor);
  const subtree = regionPathInJurisdiction(actor, regions.path);
  return (ancestors.length > 0 ? or(subtree, inArray(regions.code, ancestors)) : undefined) ?? subtree;
}

const selection = {
  region: regions,
  // Spelled out: Drizzle leaves selected columns of a single-table query unqualified, which the subquery would capture.
  hasChildren: sql<boolean>`exists (select 1 from regions c where c.parent_code = regions.code)`.mapWith(Boolean),
};
const flatten = (r: { region: typeof regions.$inferSelect; hasChildren: boolean }): RegionRow => ({
  ...r.region,
  hasChildren: r.hasChildren,
});

/** Children of `parentCode`, regions matching `q`, or else the actor's own region: always inside what the actor may see. */
export async function listRegions(db: Executor, actor: Actor, query: z.infer<typeof regionListQuery>) {
  const where = and(
    visible(actor),
    query.parentCode ? eq(regions.parentCode, query.parentCode) : query.q ? undefined : eq(regions.code, actor.regionCode),
    query.q ? or(ilike(regions.name, containsPattern(query.q)), like(regions.code, likePrefix(query.q))) : undefined,
  );
  const order = orderFor(query.sort, { code: regions.code, name: regions.name }, [asc(regions.code)], regions.code);
  const window = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select(selection)
      .from(regions)
      .where(where)
      .orderBy(...order)
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(regions).where(where),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** One region, or null when it does not exist or lies outside what the actor may see. */
export async function findRegion(db: Executor, actor: Actor, code: string): Promise<RegionRow | null> {
  const [row] = await db
    .select(selection)
    .from(regions)
    .where(and(eq(regions.code, code), visible(actor)));
  return row ? flatten(row) : null;
}

/** Whether a code is taken anywhere in the table, visible to the actor or not. */
export async function regionCodeExists(db: Executor, code: string) {
  const [row] = await db.select({ code: regions.code }).from(regions).where(eq(regions.code, code));
  return !!row;
}
