import { expect, it } from 'vitest';
import { sumDecimals } from '../../../common/domain/decimal';
import { todayInChina } from '../../../common/domain/dates';
import { describeEachDatabase, signInAs } from '../../test/harness';

type Cell = { regionCode: string; name: string; targetValue: string; actual: string | null; asOf: string | null } | null;
type Comparison = {
  year: number;
  districts: { code: string; name: string }[];
  rows: {
    name: string;
    kind: string;
    measure: string;
    cells: Cell[];
    total: { targetValue: string; actual: string; asOf: string; standing: string } | null;
  }[];
};

// The city's comparison of its districts' indicators on the demo: 天桥区's published indicators beside the two smaller
// districts' main ones (server/db/seed-data/demo-districts.ts).
describeEachDatabase('indicators compared across districts', (t) => {
  const year = Number(todayInChina().slice(0, 4));
  const comparisonOf = async (username: string) => {
    const client = await signInAs(t().app, username);
    const response = await client.get(`/api/v1/targets/indicators/by-district?year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Comparison;
  };

  it("gives a city reader each district's target, actual and completion side by side, summed where it adds up", async () => {
    const c = await comparisonOf('city');
    expect(c.year).toBe(year);
    expect(c.districts).toEqual([
      { code: '370104', name: '槐荫区' },
      { code: '370105', name: '天桥区' },
      { code: '370112', name: '历城区' },
    ]);
    const row = (name: string) => c.rows.find((r) => r.name === name);
    // Each cell is its own district's indicator, in the district's column.
    for (const r of c.rows)
      r.cells.forEach((cell, i) => {
        if (cell) expect(cell.regionCode).toBe(c.districts[i]?.code);
      });
    // A computed count every district has: its sum is the sum of the cells, standing at the same day.
    const keyProjects = row('实施重点项目');
    expect(keyProjects?.cells.map((cell) => [cell?.targetValue, cell?.actual])).toEqual([
      ['24', '24'],
      ['133', '133'],
      ['30', '30'],
    ]);
    expect(keyProjects?.total).toMatchObject({ targetValue: '187', actual: '187' });
    const completed = row('完成投资');
    expect(completed?.total?.targetValue).toBe('395');
    expect(completed?.total?.actual).toBe(sumDecimals(completed?.cells.map((cell) => cell?.actual ?? '0') ?? []));
    expect(completed?.total?.standing).toMatch(/^完成年度目标的\d+\.\d%/);
    // Growth rates do not add up; an indicator only 天桥区 has is compared with nothing and has no sum.
    const gdp = row('地区生产总值增长');
    expect(gdp?.cells.map((cell) => cell?.targetValue)).toEqual(['6', '6.5', '6.5']);
    expect(gdp?.total).toBeNull();
    const land = row('供地面积');
    expect(land?.cells.map((cell) => cell?.regionCode ?? null)).toEqual([null, '370105', null]);
    expect(land?.total).toBeNull();
    // Rows follow the longest list (天桥区's), one row per indicator.
    expect(c.rows.map((r) => r.name)).toHaveLength(new Set(c.rows.map((r) => r.name)).size);
    expect(c.rows[0]?.name).toBe('地区生产总值增长');
  });

  it("gives a district's reader his own district only, and a unit's clerk the indicators of his unit", async () => {
    const office = await comparisonOf('office');
    expect(office.districts).toEqual([{ code: '370105', name: '天桥区' }]);
    expect(office.rows.every((r) => r.cells.length === 1 && r.total === null)).toBe(true);
    const huaiyin = await comparisonOf('huaiyin');
    expect(huaiyin.districts.map((d) => d.code)).toEqual(['370104']);
    expect(huaiyin.rows).toHaveLength(8);
    const clerk = await comparisonOf('unit');
    const visible = (await (await signInAs(t().app, 'unit')).get(`/api/v1/targets/indicators?year=${year}`)).json() as {
      items: { name: string }[];
    };
    expect(clerk.rows.map((r) => r.name).sort()).toEqual(visible.items.map((i) => i.name).sort());
  });

  it('refuses a malformed year by field', async () => {
    const client = await signInAs(t().app, 'city');
    const response = await client.get('/api/v1/targets/indicators/by-district?year=abc');
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('year');
  });
});
