import { describe, expect, it } from 'vitest';
import { dashboardViewOf } from './dashboard-view';

const office = {
  role: { code: 'project_office', name: '项目办' },
  dataScope: 'region',
  region: { code: '370105', name: '天桥区' },
} as const;
const leader = { ...office, role: { code: 'leader', name: '区领导' } } as const;
const cityReader = { ...office, region: { code: '370100', name: '济南市' } } as const;
const at = (query: string) => new URLSearchParams(query);

describe('dashboardViewOf', () => {
  it('shows this year, the whole scope, one district for the district office', () => {
    expect(dashboardViewOf(at(''), office, 2026)).toEqual({
      year: 2026,
      regionCode: undefined,
      scope: 'all',
      isLeader: false,
      severalDistricts: false,
      figures: { year: 2026, regionCode: undefined, leader: undefined },
      highlights: { year: 2026, regionCode: undefined },
    });
  });

  it('reads the year and a district from the address, ignoring a code that is not a district', () => {
    const view = dashboardViewOf(at('year=2025&regionCode=370105'), cityReader, 2026);
    expect(view.figures).toEqual({ year: 2025, regionCode: '370105', leader: undefined });
    expect(view.highlights).toEqual({ year: 2025, regionCode: '370105' });
    expect(dashboardViewOf(at('regionCode=370105001'), cityReader, 2026).regionCode).toBeUndefined();
    expect(dashboardViewOf(at('year=soon'), office, 2026).year).toBe(2026);
  });

  it('starts a leader on his own projects, and on everything when the address says so', () => {
    expect(dashboardViewOf(at(''), leader, 2026).figures.leader).toBe('me');
    expect(dashboardViewOf(at('scope=all'), leader, 2026).figures.leader).toBeUndefined();
    expect(dashboardViewOf(at('scope=mine'), office, 2026).figures.leader).toBe('me');
  });

  it('sets the districts side by side for a region scope at a city or a province only', () => {
    expect(dashboardViewOf(at(''), cityReader, 2026).severalDistricts).toBe(true);
    expect(dashboardViewOf(at(''), { ...cityReader, region: { code: '370000', name: '山东省' } }, 2026).severalDistricts).toBe(true);
    expect(dashboardViewOf(at(''), { ...cityReader, dataScope: 'unit_tree' }, 2026).severalDistricts).toBe(false);
    expect(dashboardViewOf(at(''), office, 2026).severalDistricts).toBe(false);
  });
});
