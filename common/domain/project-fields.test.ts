import { describe, expect, it } from 'vitest';
import { GOVERNED_PROJECT_FIELDS, governedFieldsChanged } from './project-fields';

const stored = {
  isProvincialKey: false,
  isCityKey: true,
  isDistrictKey: false,
  namedLists: ['重大产业项目'],
  nature: 'continuing',
  totalInvestmentYuan: '1200000000',
  fixedAssetInvestmentYuan: null,
  openingCompletedYuan: null,
  openingCompletedAsOf: null,
  leadUnitId: 'u1',
  leaderIds: ['l1', 'l2'],
};

describe('governedFieldsChanged', () => {
  it('finds nothing when a form sends the stored values back, lists in any order', () => {
    expect(governedFieldsChanged(stored, { ...stored, leaderIds: ['l2', 'l1'] })).toEqual([]);
  });

  it('names each governed field whose value changes, and only those', () => {
    const after = { ...stored, isProvincialKey: true, leaderIds: ['l1'], totalInvestmentYuan: '1300000000' };
    expect(governedFieldsChanged(stored, after)).toEqual(['isProvincialKey', 'totalInvestmentYuan', 'leaderIds']);
  });

  it('treats a cleared amount as a change, and a missing value as empty', () => {
    expect(governedFieldsChanged(stored, { ...stored, totalInvestmentYuan: null })).toEqual(['totalInvestmentYuan']);
    expect(governedFieldsChanged({ ...stored, fixedAssetInvestmentYuan: undefined }, stored)).toEqual([]);
  });

  it('covers every governed field', () => {
    const changedAll = {
      isProvincialKey: true,
      isCityKey: false,
      isDistrictKey: true,
      namedLists: [],
      nature: 'new_start',
      totalInvestmentYuan: '1',
      fixedAssetInvestmentYuan: '1',
      openingCompletedYuan: '1',
      openingCompletedAsOf: '2025-12-31',
      leadUnitId: 'u2',
      leaderIds: [],
    };
    expect(governedFieldsChanged(stored, changedAll)).toEqual([...GOVERNED_PROJECT_FIELDS]);
  });
});
