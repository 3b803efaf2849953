import { DEFAULT_PAGE_SIZE } from '../../../lib/list';
import { customFilterParam, readCustomFilter } from '../../custom-fields/utils/custom-values';
import type { ProjectFilters, ProjectListParams } from '../api/projects-api';

// The list's filters, page and sort live in the address (?pool=planning&nature=new_start,continuing&page=2), so a
// filtered list can be bookmarked, shared, and comes back as it was after opening a project and going back.

const MULTI = [
  'pool',
  'nature',
  'level',
  'categoryCode',
  'industryCode',
  'leadUnitId',
  'streetCode',
  'regionCode',
  'clusterCode',
  'parkCode',
  'warning',
] as const;
type MultiKey = (typeof MULTI)[number];

const positiveInt = (value: string | null, fallback: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
};

/** Reads the list's parameters from the address, ignoring anything malformed. */
export function paramsFromSearch(search: URLSearchParams): ProjectListParams {
  const params: ProjectListParams = {
    page: positiveInt(search.get('page'), 1, 100_000),
    pageSize: positiveInt(search.get('pageSize'), DEFAULT_PAGE_SIZE, 200),
  };
  const sort = search.get('sort');
  if (sort && /^-?[a-zA-Z]{1,40}$/.test(sort)) params.sort = sort;
  const q = search.get('q')?.trim();
  if (q) params.q = q.slice(0, 100);
  for (const key of MULTI) {
    const values = (search.get(key) ?? '').split(',').filter(Boolean);
    if (values.length > 0) params[key] = values;
  }
  const leaderId = search.get('leaderId');
  if (leaderId) params.leaderId = leaderId;
  const year = positiveInt(search.get('year'), 0, 2100);
  if (year >= 2000) params.year = year;
  const startedIn = positiveInt(search.get('startedIn'), 0, 2100);
  if (startedIn >= 2000) params.startedIn = startedIn;
  const custom = readCustomFilter(search.get('custom'));
  if (custom) params.custom = custom;
  return params;
}

/** Writes the list's parameters to the address, leaving out defaults and empty filters. */
export function searchFromParams(params: ProjectListParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  for (const key of MULTI) {
    const values = params[key as MultiKey];
    if (values && values.length > 0) search.set(key, values.join(','));
  }
  if (params.leaderId) search.set('leaderId', params.leaderId);
  if (params.year) search.set('year', String(params.year));
  if (params.startedIn) search.set('startedIn', String(params.startedIn));
  const custom = customFilterParam(params.custom);
  if (custom) search.set('custom', custom);
  if (params.sort) search.set('sort', params.sort);
  if (params.page > 1) search.set('page', String(params.page));
  if (params.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(params.pageSize));
  return search;
}

/** Whether any filter (not paging or sorting) is set, to offer "clear filters". */
export function hasFilters(filters: ProjectFilters): boolean {
  return Boolean(
    filters.q ||
      filters.leaderId ||
      filters.year ||
      filters.startedIn ||
      filters.custom ||
      MULTI.some((key) => (filters[key]?.length ?? 0) > 0),
  );
}

/**
 * How many filters besides the search are set, for the phone's 筛选 button: one per picker (集群/园区 is one picker),
 * one per custom field filtered on.
 */
export function activeFilterCount(filters: ProjectFilters): number {
  const pickers = MULTI.filter((key) => key !== 'parkCode' && key !== 'clusterCode' && (filters[key]?.length ?? 0) > 0).length;
  const place = (filters.clusterCode?.length ?? 0) + (filters.parkCode?.length ?? 0) > 0 ? 1 : 0;
  return (
    pickers +
    place +
    (filters.leaderId ? 1 : 0) +
    (filters.year ? 1 : 0) +
    (filters.startedIn ? 1 : 0) +
    Object.keys(filters.custom ?? {}).length
  );
}
