import { and, asc, count, eq, ilike, or } from 'drizzle-orm';
import type { z } from 'zod';
import { DICTIONARY_TYPES, type DictionaryType, type dictionaryListQuery } from '../../../common/schemas/reference';
import type { Executor } from '../../db/client';
import { dictionaryItems } from '../../db/schema';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';

// Dictionaries are global, not region scoped (docs/adr/0003-dictionaries-are-global.md): no data-scope condition here.

export type DictionaryItemRow = typeof dictionaryItems.$inferSelect;

/** How many items each dictionary type holds, zero for a type with none. */
export async function countByType(db: Executor): Promise<{ type: DictionaryType; count: number }[]> {
  const rows = await db.select({ type: dictionaryItems.type, n: count() }).from(dictionaryItems).groupBy(dictionaryItems.type);
  const counts = new Map(rows.map((r) => [r.type, r.n]));
  return DICTIONARY_TYPES.map((type) => ({ type, count: counts.get(type) ?? 0 }));
}

export async function listDictionaryItems(db: Executor, type: DictionaryType, query: z.infer<typeof dictionaryListQuery>) {
  const where = and(
    eq(dictionaryItems.type, type),
    query.q
      ? or(
          ilike(dictionaryItems.code, containsPattern(query.q)),
          ilike(dictionaryItems.name, containsPattern(query.q)),
          ilike(dictionaryItems.nameEn, containsPattern(query.q)),
        )
      : undefined,
    query.parentCode ? eq(dictionaryItems.parentCode, query.parentCode) : undefined,
    query.enabled ? eq(dictionaryItems.enabled, query.enabled === 'true') : undefined,
  );
  const order = orderFor(
    query.sort,
    { code: dictionaryItems.code, name: dictionaryItems.name, sortOrder: dictionaryItems.sortOrder },
    [asc(dictionaryItems.sortOrder), asc(dictionaryItems.code)],
    dictionaryItems.id,
  );
  const window = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(dictionaryItems)
      .where(where)
      .orderBy(...order)
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(dictionaryItems).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** One item of a dictionary, or null when the id does not exist or belongs to another type. */
export async function findDictionaryItem(db: Executor, type: DictionaryType, id: string): Promise<DictionaryItemRow | null> {
  const [row] = await db
    .select()
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.type, type), eq(dictionaryItems.id, id)));
  return row ?? null;
}

/** One item by its code within a dictionary, or null. */
export async function findDictionaryItemByCode(db: Executor, type: DictionaryType, code: string): Promise<DictionaryItemRow | null> {
  const [row] = await db
    .select()
    .from(dictionaryItems)
    .where(and(eq(dictionaryItems.type, type), eq(dictionaryItems.code, code)));
  return row ?? null;
}
