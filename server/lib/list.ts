import { type AnyColumn, type SQL, asc, desc } from 'drizzle-orm';
import type { ListQuery } from '../../common/schemas/shared';
import { AppError } from './errors';

/** Turns `sort=field` / `sort=-field` into ORDER BY, allowing only the listed columns; ties broken by `tiebreak`. */
export function orderFor(sort: string | undefined, columns: Record<string, AnyColumn>, fallback: SQL[], tiebreak: AnyColumn): SQL[] {
  if (!sort) return [...fallback, asc(tiebreak)];
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const column = columns[field];
  if (!column) {
    throw new AppError(400, 'validation_failed', 'error.validation_failed', {}, [
      { path: 'query.sort', messageKey: 'list.unknown_sort', params: { field, allowed: Object.keys(columns).join(', ') } },
    ]);
  }
  return [descending ? desc(column) : asc(column), asc(tiebreak)];
}

export const pageWindow = (query: Pick<ListQuery, 'page' | 'pageSize'>) => ({
  limit: query.pageSize,
  offset: (query.page - 1) * query.pageSize,
});

/** Escapes a user's search text for ILIKE '%…%'. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Every row a paged list answers, a page (batch) at a time, for a download: asks page 1, 2, … of `size` until a page
 * comes back short. The list's order must be total (a tiebreak column) so no row is skipped or repeated.
 */
export function pageBatches<Row>(page: (window: { page: number; pageSize: number }) => Promise<{ rows: Row[] }>, size = 200) {
  return (async function* () {
    for (let n = 1; ; n++) {
      const { rows } = await page({ page: n, pageSize: size });
      if (rows.length) yield rows;
      if (rows.length < size) return;
    }
  })();
}
