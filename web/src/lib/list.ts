import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { Page } from '../../../common/schemas/shared';

export type { Page };

/** Which page of a list, how long, in which order (`field` or `-field`): what a paged table reports. */
export type Paging = { page: number; pageSize: number; sort?: string };

/** What every list endpoint accepts besides its named filters. */
export type ListParams = Paging & { q?: string };

export const DEFAULT_PAGE_SIZE = 20;

/** The first page at the default size, in the list's default order. */
export const FIRST_PAGE: Paging = { page: 1, pageSize: DEFAULT_PAGE_SIZE };

/** Turns an antd table sorter into the API's `sort` (`field` or `-field`). */
export function sortFromSorter<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const single = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!single?.order || typeof single.field !== 'string') return undefined;
  return single.order === 'descend' ? `-${single.field}` : single.field;
}

/** The antd sort order a column shows for the current `sort` parameter. */
export function sortOrderOf(sort: string | undefined, field: string): SortOrder {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Reads every page of a list (up to `maxPages`), for pickers and trees that need the whole set at once. */
export async function fetchAllPages<T>(fetchPage: (page: number) => Promise<Page<T>>, maxPages = 10): Promise<T[]> {
  const first = await fetchPage(1);
  const items = [...first.items];
  const pages = Math.min(Math.ceil(first.total / Math.max(first.pageSize, 1)), maxPages);
  for (let page = 2; page <= pages; page += 1) {
    items.push(...(await fetchPage(page)).items);
  }
  return items;
}
