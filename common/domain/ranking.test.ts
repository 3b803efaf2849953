import { describe, expect, it } from 'vitest';
import { rankByScore } from './ranking';

describe('rankByScore', () => {
  it('ranks highest first, ties (to two decimals) share a rank and the next skips, ties ordered by name', () => {
    const ranked = rankByScore([
      { id: 'a', name: '丙局', score: 80 },
      { id: 'b', name: '乙局', score: 92.5 },
      { id: 'c', name: '甲局', score: 80.001 },
      { id: 'd', name: '丁局', score: null },
      { id: 'e', name: '戊局', score: 70 },
    ]);
    expect(ranked.map((r) => [r.name, r.rank, r.position])).toEqual([
      ['乙局', 1, 1],
      ['丙局', 2, 2],
      ['甲局', 2, 3],
      ['戊局', 4, 4],
      ['丁局', null, 5],
    ]);
  });

  it('gives the same order whatever the order of the input', () => {
    const lines = [
      { id: '1', name: 'x', score: 1 },
      { id: '2', name: 'x', score: 1 },
      { id: '3', name: 'w', score: 2 },
    ];
    expect(rankByScore([...lines].reverse())).toEqual(rankByScore(lines));
  });
});
