import { type AnyColumn, type SQL, and, or, sql } from 'drizzle-orm';

/**
 * One key of an export's order: an SQL expression, its SQL type (so a key read back as text compares exactly,
 * timestamps to the microsecond), and its direction. Empty values sort last either way, as in the lists.
 */
export type OrderKey = { expression: SQL | AnyColumn; sqlType: string; descending: boolean };

export const columnKey = (column: AnyColumn, descending = false): OrderKey => ({
  expression: column,
  sqlType: column.getSQLType(),
  descending,
});

/** Rows read per query: few enough to hold comfortably, many enough that 100,000 projects take 40 queries. */
export const EXPORT_BATCH_SIZE = 2500;

/** One page's query: rows after the previous page's last row, in the keys' order, each with its keys as text. */
export type KeysetPage = { after: SQL | undefined; orderBy: SQL[]; keyset: SQL<(string | null)[]>; limit: number };
export type KeysetRow = { keyset: (string | null)[] };

const typed = (key: OrderKey, value: string) => sql`cast(${value} as ${sql.raw(key.sqlType)})`;

// Lexicographic "after" over the keys: equal on the first i keys and after on key i, for some i. With empty values
// last, a non-empty value is followed by larger (or smaller, descending) ones and by the empty ones; nothing
// follows an empty value on that key alone.
function afterCondition(keys: OrderKey[], last: (string | null)[]): SQL | undefined {
  const branches = keys.map((key, i) => {
    const equalBefore = keys.slice(0, i).map((k, j) => {
      const value = last[j] ?? null;
      return value === null ? sql`${k.expression} is null` : sql`${k.expression} = ${typed(k, value)}`;
    });
    const value = last[i] ?? null;
    if (value === null) return undefined;
    const beyond = key.descending ? sql`${key.expression} < ${typed(key, value)}` : sql`${key.expression} > ${typed(key, value)}`;
    return and(...equalBefore, or(beyond, sql`${key.expression} is null`));
  });
  return or(...branches.filter((b): b is SQL => b !== undefined)) ?? sql`false`;
}

/**
 * Reads a query's rows in batches by keyset pagination (never OFFSET, never all at once), so an export of 100,000
 * projects holds at most two batches in memory: the one being written and the next, read meanwhile (the database
 * works while the spreadsheet is written). The last key must be unique and never empty (the id).
 */
export async function* keysetBatches<Row extends KeysetRow>(
  keys: OrderKey[],
  fetchPage: (page: KeysetPage) => Promise<Row[]>,
  batchSize = EXPORT_BATCH_SIZE,
): AsyncGenerator<Row[]> {
  const orderBy = keys.map((k) => sql`${k.expression} ${k.descending ? sql`desc nulls last` : sql`asc nulls last`}`);
  const keyset = sql<(string | null)[]>`array[${sql.join(
    keys.map((k) => sql`(${k.expression})::text`),
    sql`, `,
  )}]`;
  const page = (after: SQL | undefined) => fetchPage({ after, orderBy, keyset, limit: batchSize });
  let next: Promise<Row[]> | null = page(undefined);
  try {
    while (next) {
      const rows: Row[] = await next;
      const last = rows.at(-1);
      next = last && rows.length === batchSize ? page(afterCondition(keys, last.keyset)) : null;
      if (rows.length > 0) yield rows;
    }
  } finally {
    // A reader that stops early (the download was closed) leaves the read-ahead unread; its failure is no news.
    next?.catch(() => undefined);
  }
}
