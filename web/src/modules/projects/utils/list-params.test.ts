import { describe, expect, it } from 'vitest';
import { activeFilterCount, hasFilters, paramsFromSearch, searchFromParams } from './list-params';

describe('project list parameters in the address', () => {
  it('round-trips filters, sort and paging', () => {
    const params = {
      page: 3,
      pageSize: 50,
      sort: '-totalInvestmentYuan',
      q: 'thgc',
      pool: ['planning', 'advancing'],
      nature: ['new_start'],
      streetCode: ['370105001'],
      year: 2025,
      startedIn: 2025,
    };
    expect(paramsFromSearch(searchFromParams(params))).toEqual(params);
  });

  it('leaves defaults and empty filters out of the address', () => {
    expect(searchFromParams({ page: 1, pageSize: 20, pool: [] }).toString()).toBe('');
  });

  it('ignores malformed values', () => {
    const params = paramsFromSearch(new URLSearchParams('page=-2&pageSize=9999&sort=drop;table&year=1800&startedIn=x&pool=,'));
    expect(params).toEqual({ page: 1, pageSize: 20 });
    expect(hasFilters(params)).toBe(false);
    expect(hasFilters({ level: ['city'] })).toBe(true);
    expect(hasFilters({ startedIn: 2025 })).toBe(true);
  });

  it('counts the filters set besides the search, the cluster and park picker as one', () => {
    expect(activeFilterCount({ q: 'zycf' })).toBe(0);
    expect(activeFilterCount({ q: 'zycf', pool: ['planning'], clusterCode: ['a'], parkCode: ['b', 'c'], year: 2025 })).toBe(3);
    expect(activeFilterCount({ leaderId: 'x', custom: { a: '1', b: '2' } })).toBe(3);
  });
});
