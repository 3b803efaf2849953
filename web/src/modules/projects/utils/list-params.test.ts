import { describe, expect, it } from 'vitest';
import { hasFilters, paramsFromSearch, searchFromParams } from './list-params';

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
    };
    expect(paramsFromSearch(searchFromParams(params))).toEqual(params);
  });

  it('leaves defaults and empty filters out of the address', () => {
    expect(searchFromParams({ page: 1, pageSize: 20, pool: [] }).toString()).toBe('');
  });

  it('ignores malformed values', () => {
    const params = paramsFromSearch(new URLSearchParams('page=-2&pageSize=9999&sort=drop;table&year=1800&pool=,'));
    expect(params).toEqual({ page: 1, pageSize: 20 });
    expect(hasFilters(params)).toBe(false);
    expect(hasFilters({ level: ['city'] })).toBe(true);
  });
});
