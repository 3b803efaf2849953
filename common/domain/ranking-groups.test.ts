import { describe, expect, it } from 'vitest';
import { type RankingGroup, rankByGroup, resolveRankingGroups } from './ranking-groups';

const UNITS = [
  { id: 'gov', name: '区政府', kind: 'other' },
  { id: 'office', name: '区重点办', kind: 'office' },
  { id: 'housing', name: '区住建局', kind: 'bureau' },
  { id: 'bigdata', name: '区大数据局', kind: 'bureau' },
  { id: 'park', name: '医疗器械产业园', kind: 'park' },
  { id: 's1', name: '北园街道', kind: 'street' },
  { id: 's2', name: '药山街道', kind: 'street' },
];
const group = (name: string, rest: Partial<RankingGroup>): RankingGroup => ({ name, kinds: [], unitIds: [], excludedUnitIds: [], ...rest });
const STREETS = group('街道', { kinds: ['street'] });
const BUREAUS = group('区直部门', { kinds: ['bureau', 'park'], excludedUnitIds: ['bigdata'] });

describe('ranking groups: who is assessed and in which ranking', () => {
  it('takes members by kind and by name, minus exclusions; units in no group are not assessed', () => {
    const resolved = resolveRankingGroups([STREETS, { ...BUREAUS, unitIds: ['office'] }], UNITS);
    expect(resolved.problems).toEqual([]);
    expect(resolved.members).toEqual([
      ['s1', 's2'],
      ['office', 'housing', 'park'],
    ]);
    expect(resolved.notAssessed).toEqual(['gov', 'bigdata']);
    expect(resolved.groupOf.get('park')).toBe(1);
  });

  it('names the field at fault: a duplicate name, an unknown unit, a unit both named and excluded, a unit in two groups, an empty group', () => {
    const { problems } = resolveRankingGroups(
      [
        STREETS,
        group('街道', { unitIds: ['housing'] }),
        group('区直部门', { kinds: ['bureau'], unitIds: ['elsewhere'], excludedUnitIds: ['park', 'nowhere'] }),
        group('园区', { unitIds: ['park'], excludedUnitIds: ['park'] }),
      ],
      UNITS,
    );
    expect(problems).toEqual([
      { path: 'groups.1.name', code: 'duplicate_name', params: { group: '街道' } },
      { path: 'groups.2.unitIds.0', code: 'unknown_unit', params: { group: '区直部门', unit: 'elsewhere' } },
      { path: 'groups.2.excludedUnitIds.1', code: 'unknown_unit', params: { group: '区直部门', unit: 'nowhere' } },
      { path: 'groups.2.kinds', code: 'in_two_groups', params: { group: '区直部门', unit: '区住建局', other: '街道' } },
      { path: 'groups.3.unitIds.0', code: 'included_and_excluded', params: { group: '园区', unit: '医疗器械产业园' } },
      { path: 'groups.3', code: 'empty', params: { group: '园区' } },
    ]);
  });

  it('names the explicit unit when a unit named in a group is already in an earlier one', () => {
    const { problems, groupOf } = resolveRankingGroups([STREETS, group('重点街道', { unitIds: ['gov', 's2'] })], UNITS);
    expect(problems).toEqual([
      { path: 'groups.1.unitIds.1', code: 'in_two_groups', params: { group: '重点街道', unit: '药山街道', other: '街道' } },
    ]);
    // Scoring after units changed keeps the first group's claim.
    expect(groupOf.get('s2')).toBe(0);
  });

  it('ranks within each group, groups in their order, positions over the whole list', () => {
    const lines = [
      { id: 'a', name: '甲', score: 90, group: 1 },
      { id: 'b', name: '乙', score: 80, group: 0 },
      { id: 'c', name: '丙', score: 95, group: 1 },
      { id: 'd', name: '丁', score: 80, group: 0 },
      { id: 'e', name: '戊', score: null, group: 1 },
    ];
    expect(rankByGroup(lines).map((l) => [l.id, l.group, l.rank, l.position])).toEqual([
      ['d', 0, 1, 1],
      ['b', 0, 1, 2],
      ['c', 1, 1, 3],
      ['a', 1, 2, 4],
      ['e', 1, null, 5],
    ]);
    // No groups: one ranking, as before.
    const one = lines.map((l) => ({ ...l, group: null }));
    expect(rankByGroup(one).map((l) => [l.id, l.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 3],
      ['b', 3],
      ['e', null],
    ]);
  });
});
