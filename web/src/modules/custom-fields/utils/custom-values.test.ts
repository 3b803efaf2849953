import { describe, expect, it } from 'vitest';
import { customFilterParam, customValuesForRequest, readCustomFilter } from './custom-values';

describe('customValuesForRequest', () => {
  it('sends what the form shows, empties as null, and clears stored keys the form no longer shows', () => {
    expect(
      customValuesForRequest({ phase: '一期', capacity: 12, note: '  ', signed: undefined }, { capacity: 10, households: 40 }),
    ).toEqual({
      phase: '一期',
      capacity: 12,
      note: null,
      signed: null,
      households: null,
    });
    expect(customValuesForRequest(undefined)).toEqual({});
  });
});

describe('the custom filter in the address', () => {
  it('round-trips a filter and drops anything malformed', () => {
    const filter = { phase: '一期', capacity: 5 };
    expect(readCustomFilter(customFilterParam(filter) ?? null)).toEqual(filter);
    expect(customFilterParam({})).toBeUndefined();
    expect(readCustomFilter('not json')).toBeUndefined();
    expect(readCustomFilter('[1]')).toBeUndefined();
    expect(readCustomFilter('{"a":{"from":1},"b":"x"}')).toEqual({ b: 'x' });
    expect(readCustomFilter('{"a":null}')).toBeUndefined();
  });
});
