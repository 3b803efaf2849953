import { type SQL, and, asc, count, eq, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { customFieldListQuery } from '../../../common/schemas/custom-fields';
import type { CustomValuesFilter } from '../../../common/schemas/projects';
import type { Executor } from '../../db/client';
import { customFieldDefs, projects } from '../../db/schema';
import { containsPattern, orderFor, pageWindow } from '../../lib/list';

// Definitions belong to a district; who may see or manage a district's definitions is decided in district.ts
// before any query here runs, and every query below is limited to that one district.

export type CustomFieldRow = typeof customFieldDefs.$inferSelect;

type ListQuery = z.infer<typeof customFieldListQuery>;

/** What a definition says (everything but its id and version): what the API shows and the audit log compares. */
export const definitionOf = (row: CustomFieldRow) => ({
  regionCode: row.regionCode,
  categoryCode: row.categoryCode,
  key: row.key,
  label: row.label,
  labelEn: row.labelEn,
  type: row.type,
  options: row.options,
  required: row.required,
  sortOrder: row.sortOrder,
});

/** One page of a district's definitions, in display order unless sorted otherwise. */
export async function listCustomFields(db: Executor, regionCode: string, query: ListQuery) {
  const where = and(
    eq(customFieldDefs.regionCode, regionCode),
    query.categoryCode ? or(isNull(customFieldDefs.categoryCode), eq(customFieldDefs.categoryCode, query.categoryCode)) : undefined,
    query.q
      ? or(
          sql`${customFieldDefs.key} ilike ${containsPattern(query.q)}`,
          sql`${customFieldDefs.label} ilike ${containsPattern(query.q)}`,
          sql`${customFieldDefs.labelEn} ilike ${containsPattern(query.q)}`,
        )
      : undefined,
  );
  const order = orderFor(
    query.sort,
    { sortOrder: customFieldDefs.sortOrder, key: customFieldDefs.key, label: customFieldDefs.label },
    [asc(customFieldDefs.sortOrder), asc(customFieldDefs.key)],
    customFieldDefs.id,
  );
  const window = pageWindow(query);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(customFieldDefs)
      .where(where)
      .orderBy(...order)
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(customFieldDefs).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every definition of a district: what a project of the district is checked against. */
export function districtCustomFields(db: Executor, regionCode: string): Promise<CustomFieldRow[]> {
  return db
    .select()
    .from(customFieldDefs)
    .where(eq(customFieldDefs.regionCode, regionCode))
    .orderBy(asc(customFieldDefs.sortOrder), asc(customFieldDefs.key));
}

/** One definition by id, or null; the caller checks the district is one the actor may see. */
export async function findCustomField(db: Executor, id: string): Promise<CustomFieldRow | null> {
  const [row] = await db.select().from(customFieldDefs).where(eq(customFieldDefs.id, id));
  return row ?? null;
}

/** True when the district already has a field with the key. */
export async function keyTaken(db: Executor, regionCode: string, key: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customFieldDefs.id })
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.regionCode, regionCode), eq(customFieldDefs.key, key)));
  return !!row;
}

/** How many fields the district defines. */
export async function countDistrictFields(db: Executor, regionCode: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(customFieldDefs).where(eq(customFieldDefs.regionCode, regionCode));
  return row?.n ?? 0;
}

/** The district's projects holding a value for the key, optionally narrowed further. */
export async function countProjectsWithValue(db: Executor, regionCode: string, key: string, extra?: SQL): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(projects)
    .where(and(eq(projects.regionCode, regionCode), sql`${projects.customValues} ? ${key}`, extra));
  return row?.n ?? 0;
}

/** For each given key, how many of the district's projects hold a value for it. */
export async function projectCountsByKey(db: Executor, regionCode: string, keys: string[]): Promise<Map<string, number>> {
  if (!keys.length) return new Map();
  const counts = Object.fromEntries(
    keys.map((key, i) => [`k${i}`, sql<number>`count(*) filter (where ${projects.customValues} ? ${key})`.mapWith(Number)]),
  );
  const [row] = await db.select(counts).from(projects).where(eq(projects.regionCode, regionCode));
  return new Map(keys.map((key, i) => [key, row?.[`k${i}`] ?? 0]));
}

/** A project's stored value of the key equals the given one (jsonb containment: a number matches only a number, 5 = 5.0). */
export const valueEquals = (key: string, value: string | number): SQL =>
  sql`${projects.customValues} @> ${JSON.stringify({ [key]: value })}::jsonb`;

/**
 * A project's stored value of the key is at least `from` / at most `to`: numbers compared as numbers, strings (dates
 * are YYYY-MM-DD) as text; a bound only meets values of its own JSON type.
 */
function valueBound(key: string, bound: string | number, operator: '>=' | '<='): SQL {
  const op = sql.raw(operator);
  // The CASE keeps the cast from ever meeting a value of another type, whatever order the planner picks.
  if (typeof bound === 'number') {
    return sql`(case when jsonb_typeof(${projects.customValues} -> ${key}) = 'number' then (${projects.customValues} ->> ${key})::numeric end) ${op} ${bound}`;
  }
  return sql`(case when jsonb_typeof(${projects.customValues} -> ${key}) = 'string' then ${projects.customValues} ->> ${key} end) ${op} ${bound}`;
}

/** The `custom` filter of the project list as one condition: every key's equality or range must hold. */
export function customValuesCondition(filter: CustomValuesFilter): SQL | undefined {
  return and(
    ...Object.entries(filter).map(([key, wanted]) => {
      if (typeof wanted !== 'object') return valueEquals(key, wanted);
      return and(
        wanted.from === undefined ? undefined : valueBound(key, wanted.from, '>='),
        wanted.to === undefined ? undefined : valueBound(key, wanted.to, '<='),
        wanted.from === undefined && wanted.to === undefined ? sql`${projects.customValues} ? ${key}` : undefined,
      );
    }),
  );
}
