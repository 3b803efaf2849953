import { describe, expect, it } from 'vitest';
import { parseMapPoints } from './map-points';

describe('parseMapPoints', () => {
  it('reads one project a line into columns, the name last with its commas', () => {
    const rows = ['a1,117.01,36.7,3,implementing,12345000,天桥, 北园项目', 'b2,117.02,36.71,0,planning,0,滨河'].join('\n');
    expect(parseMapPoints(rows, ['planning', 'advancing', 'implementing', 'completed', 'withdrawn'], 4)).toEqual({
      ids: ['a1', 'b2'],
      names: ['天桥, 北园项目', '滨河'],
      lon: [117.01, 117.02],
      lat: [36.7, 36.71],
      warning: [3, 0],
      pool: [2, 0],
      investmentWan: [1234.5, 0],
      pools: ['planning', 'advancing', 'implementing', 'completed', 'withdrawn'],
      unplaced: 4,
    });
  });

  it('reads no points from an empty text', () => {
    expect(parseMapPoints('', [], 2)).toMatchObject({ ids: [], names: [], unplaced: 2 });
  });
});
