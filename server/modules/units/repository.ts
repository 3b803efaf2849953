import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { unitListQuery } from '../../../common/schemas/organisation';
import type { Executor } from '../../db/client';
import { regions, units } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';
import { dataScopeCondition } from '../../lib/scope';

const parent = alias(units, 'parent');

export type UnitRow = typeof units.$inferSelect & { regionName: string; parentName: string | null };

/** Units the actor may see, by the actor's data scope. */
const visible = (actor: Actor): SQL => dataScopeCondition(actor, { unitId: units.id });

const selection = { unit: units, regionName: regions.name, parentName: parent.name };
const flatten = (r: { unit: typeof units.$inferSelect; regionName: string; parentName: string | null }): UnitRow => ({
  ...r.unit,
  regionName: r.regionName,
  parentName: r.parentName,
});

export async function listUnits(db: Executor, actor: Actor, query: z.infer<typeof unitListQuery>) {
  const where = and(
    visible(actor),
    query.q ? or(ilike(units.name, containsPattern(query.q)), ilike(units.shortName, containsPattern(query.q))) : undefined,
    query.parentId ? eq(units.parentId, query.parentId) : undefined,
    query.kind ? eq(units.kind, query.kind) : undefined,
    query.regionCode ? eq(units.regionCode, query.regionCode) : undefined,
  );
  const order = orderFor(
    query.sort,
    { name: units.name, kind: units.kind, sortOrder: units.sortOrder, createdAt: units.createdAt },
    [asc(units.sortOrder), asc(units.name)],
    units.id,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(selection)
      .from(units)
      .innerJoin(regions, eq(regions.code, units.regionCode))
      .leftJoin(parent, eq(parent.id, units.parentId))
      .where(where)
      .orderBy(...order)
      .limit(pageWindow(query).limit)
      .offset(pageWindow(query).offset),
    db.select({ n: count() }).from(units).where(where),
  ]);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

/** One unit, or null when it does not exist or lies outside the actor's scope. */
export async function findUnit(db: Executor, actor: Actor, id: string): Promise<UnitRow | null> {
  const [row] = await db
    .select(selection)
    .from(units)
    .innerJoin(regions, eq(regions.code, units.regionCode))
    .leftJoin(parent, eq(parent.id, units.parentId))
    .where(and(eq(units.id, id), visible(actor)));
  return row ? flatten(row) : null;
}

export async function countChildren(db: Executor, id: string) {
  const [row] = await db.select({ n: count() }).from(units).where(eq(units.parentId, id));
  return row?.n ?? 0;
}
