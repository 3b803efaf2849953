import { describe, expect, it } from 'vitest';
import { conditionsAfterRefusal, moveLabel, orderGates } from './moves';

describe('pool moves', () => {
  it('names each move as its button does', () => {
    expect(moveLabel('advancing', 'implementing')).toBe('move.to.implementing');
    expect(moveLabel('implementing', 'planning')).toBe('move.back.planning');
    expect(moveLabel('planning', 'withdrawn')).toBe('move.to.withdrawn');
  });

  it('marks the conditions the server refused, and adds ones the page had not shown', () => {
    const shown = [
      { key: 'owner', met: true, label: '项目业主' },
      { key: 'leader', met: true, label: '包挂领导' },
    ];
    const merged = conditionsAfterRefusal(shown, [
      { path: 'leader', message: '包挂领导' },
      { path: 'industry', message: '国民经济行业' },
    ]);
    expect(merged).toEqual([
      { key: 'owner', met: true, label: '项目业主' },
      { key: 'leader', met: false, label: '包挂领导' },
      { key: 'industry', met: false, label: '国民经济行业' },
    ]);
  });

  it('puts forward moves first and withdrawal last', () => {
    const gate = (from: 'implementing', to: 'withdrawn' | 'advancing' | 'completed') => ({ from, to, allowed: true, conditions: [] });
    expect(
      orderGates([gate('implementing', 'withdrawn'), gate('implementing', 'advancing'), gate('implementing', 'completed')]).map(
        (g) => g.to,
      ),
    ).toEqual(['completed', 'advancing', 'withdrawn']);
  });
});
