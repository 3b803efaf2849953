import { describe, expect, it } from 'vitest';
import { type VisitFacts, visitStats } from './visit-stats';

const visit = (unitId: string, visitDate: string, demands: VisitFacts['demands'] = []): VisitFacts => ({
  unitId,
  unitName: unitId === 'u1' ? '北园街道' : '区工信局',
  visitDate,
  demands,
});

// 北园街道 went twice in March (one demand closed on its deadline, one closed late, one open) and once in April;
// 区工信局 once in April with one demand closed early.
const visits: VisitFacts[] = [
  visit('u1', '2026-03-02', [
    { deadline: '2026-03-20', closedOn: '2026-03-20' },
    { deadline: '2026-03-20', closedOn: '2026-03-25' },
  ]),
  visit('u1', '2026-03-15', [{ deadline: '2026-04-30', closedOn: null }]),
  visit('u1', '2026-04-01'),
  visit('u2', '2026-04-09', [{ deadline: '2026-05-01', closedOn: '2026-04-20' }]),
];

describe('visitStats', () => {
  it('counts visits, demands, resolved and on time by unit, most visits first, with a total', () => {
    const { lines, total } = visitStats(visits, 'unit', '合计');
    expect(lines.map((l) => [l.name, l.visits, l.demands, l.resolved, l.onTime])).toEqual([
      ['北园街道', 3, 3, 2, 1],
      ['区工信局', 1, 1, 1, 1],
    ]);
    expect(lines[0]).toMatchObject({ resolutionRate: 0.6667, onTimeRate: 0.5 });
    expect(total).toEqual({
      key: 'total',
      name: '合计',
      visits: 4,
      demands: 4,
      resolved: 3,
      onTime: 2,
      resolutionRate: 0.75,
      onTimeRate: 0.6667,
    });
  });

  it('groups by month in calendar order', () => {
    const { lines } = visitStats([...visits].reverse(), 'month', 'Total');
    expect(lines.map((l) => [l.key, l.visits, l.demands])).toEqual([
      ['2026-03', 2, 3],
      ['2026-04', 2, 1],
    ]);
  });

  it('gives no rates where there is nothing to divide by', () => {
    const { lines, total } = visitStats([visit('u1', '2026-04-01')], 'unit', '合计');
    expect(lines[0]).toMatchObject({ demands: 0, resolutionRate: null, onTimeRate: null });
    expect(visitStats([], 'month', '合计')).toEqual({ lines: [], total: { ...total, visits: 0 } });
  });
});
