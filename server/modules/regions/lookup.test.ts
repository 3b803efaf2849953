import { beforeAll, expect, it } from 'vitest';
import type { RegionLookupItem } from '../../../common/schemas/organisation';
import { type Client, anonymous, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

const URL = '/api/v1/region-lookup';

describeEachDatabase('region lookup over all China (an enterprise headquarters’ picker)', (t) => {
  let investment: Client;

  beforeAll(async () => {
    investment = await signInAs(t().app, 'invest');
  });

  const lookup = async (q: string) => {
    const response = await investment.get(`${URL}?q=${encodeURIComponent(q)}`);
    expect(response.statusCode).toBe(200);
    return (response.json() as { items: RegionLookupItem[] }).items;
  };

  it('finds regions far outside the reader’s jurisdiction by name, with their full names, provinces and cities first', async () => {
    const shenzhen = await lookup('深圳');
    expect(shenzhen[0]).toEqual({ code: '440300', name: '深圳市', fullName: '广东省深圳市', level: 'city' });
    const nanshan = await lookup('南山区');
    expect(nanshan.map((r) => r.fullName)).toContain('广东省深圳市南山区');
    const levels = (await lookup('山')).map((r) => r.level);
    expect(levels).toEqual(
      [...levels].sort((a, b) => ['province', 'city', 'district'].indexOf(a) - ['province', 'city', 'district'].indexOf(b)),
    );
    expect(levels.length).toBeLessThanOrEqual(20);
  });

  it('never offers streets, treats % and _ as letters, and names an empty query', async () => {
    expect((await lookup('北园街道')).length).toBe(0);
    expect(await lookup('%')).toEqual([]);
    const empty = await investment.get(`${URL}?q=`);
    expect(empty.statusCode).toBe(400);
    expect(errorOf(empty).details?.[0]?.path).toBe('query.q');
    expect((await anonymous(t().app).get(`${URL}?q=深圳`)).statusCode).toBe(401);
  });

  it('names the regions a record holds by their codes, in full, whatever the reader’s jurisdiction', async () => {
    const response = await investment.get(`${URL}?codes=440305,440000,370100`);
    expect(response.statusCode, response.body).toBe(200);
    expect((response.json() as { items: RegionLookupItem[] }).items.map((r) => [r.code, r.fullName])).toEqual([
      ['440000', '广东省'],
      ['370100', '山东省济南市'],
      ['440305', '广东省深圳市南山区'],
    ]);
    const bad = await investment.get(`${URL}?codes=44`);
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details?.[0]?.path).toBe('query.codes.0');
    const none = await investment.get(URL);
    expect(none.statusCode).toBe(400);
    expect(errorOf(none).details).toEqual([{ path: 'query.q', message: '请输入要查找的地名' }]);
  });
});
