import { sql } from 'drizzle-orm';
import type { RegionLookupItem } from '../../../common/schemas/organisation';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/migrate';
import { containsPattern } from '../../lib/list';

/** At most this many matches: a picker shows the first few and the user types more. */
const LOOKUP_LIMIT = 20;

/**
 * The provinces, cities and districts of the whole GB/T 2260 table whose name contains `q` (or whose code is one of
 * `codes`: the regions a record holds, named) — public reference data,
 * not the reader's jurisdiction: an enterprise's headquarters may lie anywhere in China. Each with its full name from
 * the province down (广东省深圳市南山区), provinces first, then cities, then districts, each in code order.
 */
export async function lookupRegions(db: Executor, query: { q?: string; codes?: string[] }): Promise<{ items: RegionLookupItem[] }> {
  const match = query.codes
    ? sql`r.code in (${sql.join(
        query.codes.map((code) => sql`${code}`),
        sql`, `,
      )})`
    : sql`r.name ilike ${containsPattern(query.q ?? '')}`;
  const items = rowsOf<RegionLookupItem>(
    await db.execute(sql`select r.code, r.name, r.level,
        (select string_agg(a.name, '' order by length(a.path)) from regions a
          where a.code = any(string_to_array(rtrim(r.path, '/'), '/'))) as "fullName"
      from regions r
      where r.level in ('province', 'city', 'district') and ${match}
      order by case r.level when 'province' then 0 when 'city' then 1 else 2 end, r.code
      limit ${LOOKUP_LIMIT}`),
  );
  return { items };
}
