import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { indicatorBreakdowns } from '../../db/schema';
import { thisYear, unitIdByName, uniqueSuffix } from '../../test/factories';
import { type Client, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type Share = {
  regionCode: string;
  regionName: string;
  unitId: string;
  targetValue: string;
  actual: string | null;
  noCounterpart: boolean;
  standing: string;
};
type IndicatorJson = {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  regionLevel: string;
  version: number;
  targetValue: string;
  actual: string | null;
  abilities: Record<string, boolean>;
  districtShares: { items: Share[]; sum: string | null; sumMatches: boolean | null } | null;
  breakdown?: { unitId: string; unitName: string; targetValue: string }[];
  breakdownDistricts?: { regionCode: string; regionName: string; unitId: string }[] | null;
};

const TIANQIAO = '370105';
const HUAIYIN = '370104';
const LICHENG = '370112';
const CITY = '370100';
const zh = { 'accept-language': 'zh-CN' };

/*
 * A city's indicators broken down to its districts (issue 15 "city targets broken down to districts"), on the demo:
 * 济南市's 完成投资 (computed, 395亿: 天桥区 240, 槐荫区 65, 历城区 90) and 实际使用外资 (entered, 20000万美元: 7000,
 * 5000, 8000), set by the city office (`city_office`), read by the city reader (`city`) and by each district.
 */
describeEachDatabase('targets API: a city breaks its indicators down to its districts', (t) => {
  const year = thisYear();
  let cityOffice: Client;
  let cityReader: Client;
  let office: Client;
  let huaiyin: Client;
  let clerk: Client;
  const list = async (client: Client): Promise<IndicatorJson[]> =>
    (await client.get(`/api/v1/targets/indicators?year=${year}`)).json().items;
  const cityIndicator = async (client: Client, name: string) => (await list(client)).find((i) => i.regionCode === CITY && i.name === name);
  const ownIndicator = async (client: Client, code: string, name: string) =>
    (await list(client)).find((i) => i.regionCode === code && i.name === name);
  const detail = async (client: Client, id: string): Promise<IndicatorJson> =>
    (await client.get(`/api/v1/targets/indicators/${id}`)).json();

  beforeAll(async () => {
    const { app } = t();
    cityOffice = await signInAs(app, 'city_office');
    cityReader = await signInAs(app, 'city');
    office = await signInAs(app, 'office');
    huaiyin = await signInAs(app, 'huaiyin');
    clerk = await signInAs(app, 'unit');
  }, 300_000);

  it("lists each district's share with the district's own computed actual, and the shares' sum against the target", async () => {
    const completed = await cityIndicator(cityReader, '完成投资');
    expect(completed).toMatchObject({ regionName: '济南市', regionLevel: 'city', targetValue: '395' });
    const shares = completed?.districtShares;
    expect(shares?.items.map((s) => [s.regionName, s.targetValue])).toEqual([
      ['槐荫区', '65'],
      ['天桥区', '240'],
      ['历城区', '90'],
    ]);
    expect(shares).toMatchObject({ sum: '395', sumMatches: true });
    // Each share's actual is what the district itself reads on its own 完成投资.
    const own: Record<string, IndicatorJson | undefined> = {
      [TIANQIAO]: await ownIndicator(office, TIANQIAO, '完成投资'),
      [HUAIYIN]: await ownIndicator(huaiyin, HUAIYIN, '完成投资'),
      [LICHENG]: await ownIndicator(cityReader, LICHENG, '完成投资'),
    };
    for (const share of shares?.items ?? []) {
      expect(own[share.regionCode]?.actual, share.regionName).not.toBeNull();
      expect(share.actual, share.regionName).toBe(own[share.regionCode]?.actual);
    }
    // The city's own figure is its districts' sum.
    const sum = (shares?.items ?? []).reduce((n, s) => n + Number(s.actual), 0);
    expect(Number(completed?.actual)).toBeCloseTo(sum, 4);
    expect(completed?.abilities).toEqual({ update: false, breakdown: false, enter: false });
  });

  it('an entered indicator reads what each district entered on its own indicator of that name, or says it has none', async () => {
    const foreign = await cityIndicator(cityOffice, '实际使用外资');
    const tianqiao = await ownIndicator(office, TIANQIAO, '实际使用外资');
    const byCode = new Map(foreign?.districtShares?.items.map((s) => [s.regionCode, s]));
    expect(byCode.get(TIANQIAO)).toMatchObject({ actual: tianqiao?.actual ?? null, noCounterpart: false });
    expect(byCode.get(HUAIYIN)).toMatchObject({ actual: null, noCounterpart: true });
    expect(byCode.get(LICHENG)).toMatchObject({ actual: null, noCounterpart: true });
    expect(foreign?.abilities).toMatchObject({ update: true, breakdown: true, enter: true });
  });

  it('a district sees its own share only, and cannot change the city’s indicator or its breakdown', async () => {
    const { database } = t();
    const seen = await cityIndicator(office, '完成投资');
    expect(seen?.districtShares).toMatchObject({ sum: null, sumMatches: null });
    expect(seen?.districtShares?.items.map((s) => [s.regionName, s.targetValue])).toEqual([['天桥区', '240']]);
    expect(seen?.abilities).toEqual({ update: false, breakdown: false, enter: false });
    const full = await detail(office, seen?.id ?? '');
    expect(full.breakdown?.map((b) => b.unitName)).toEqual(['天桥区']);
    expect(full.breakdownDistricts).toBeNull();
    const before = await database.db
      .select()
      .from(indicatorBreakdowns)
      .where(eq(indicatorBreakdowns.indicatorId, seen?.id ?? ''));
    const ownUnit = await unitIdByName(database, '天桥区人民政府');
    const refused = await office.request(
      'PUT',
      `/api/v1/targets/indicators/${seen?.id}/breakdown`,
      { version: seen?.version, items: [{ unitId: ownUnit, targetValue: '395' }] },
      zh,
    );
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).message).toContain('济南市的指标');
    const after = await database.db
      .select()
      .from(indicatorBreakdowns)
      .where(eq(indicatorBreakdowns.indicatorId, seen?.id ?? ''));
    expect(after).toEqual(before);
    const patched = await office.request('PATCH', `/api/v1/targets/indicators/${seen?.id}`, {
      version: seen?.version,
      name: '完成投资',
      measure: 'yi_yuan',
      kind: 'level',
      targetValue: '1',
      qualifier: 'above',
      direction: 'at_least',
      ownerUnitId: ownUnit,
      source: 'computed',
      computation: 'investment_completed',
    });
    expect(patched.statusCode).toBe(403);
    // 槐荫区 sees its own share; a street's clerk (his unit's scope) does not see the city's indicator at all.
    expect((await cityIndicator(huaiyin, '完成投资'))?.districtShares?.items.map((s) => s.regionName)).toEqual(['槐荫区']);
    expect(await cityIndicator(clerk, '完成投资')).toBeUndefined();
  });

  it('the city office sets a city indicator (owner a city unit) and breaks it down to districts that must sum back', async () => {
    const { database } = t();
    const cityUnit = await unitIdByName(database, '济南市重点项目服务中心');
    const districtUnit = await unitIdByName(database, '区发展和改革局');
    const body = {
      year,
      name: `新开工项目${uniqueSuffix()}`,
      measure: 'item',
      kind: 'level',
      targetValue: '100',
      qualifier: 'above',
      direction: 'at_least',
      ownerUnitId: districtUnit,
      source: 'computed',
      computation: 'new_starts',
    };
    const wrongOwner = await cityOffice.post('/api/v1/targets/indicators', body, zh);
    expect(wrongOwner.statusCode).toBe(400);
    expect(errorOf(wrongOwner).details).toEqual([{ path: 'ownerUnitId', message: expect.stringContaining('本市市级单位') }]);
    const created = await cityOffice.post('/api/v1/targets/indicators', { ...body, ownerUnitId: cityUnit }, zh);
    expect(created.statusCode, created.body).toBe(201);
    const indicator: IndicatorJson = created.json();
    expect(indicator).toMatchObject({ regionCode: CITY, regionLevel: 'city', districtShares: { items: [], sum: null } });
    const districts = indicator.breakdownDistricts ?? [];
    // Every district of the city with a unit (the test database also holds a hand-built 历下区).
    expect(districts.map((d) => d.regionName)).toEqual(expect.arrayContaining(['槐荫区', '天桥区', '历城区']));
    const unitOf = (name: string) => districts.find((d) => d.regionName === name)?.unitId ?? '';
    const url = `/api/v1/targets/indicators/${indicator.id}/breakdown`;
    const street = await unitIdByName(database, '北园街道办事处');
    const notDistrict = await cityOffice.request(
      'PUT',
      url,
      { version: indicator.version, items: [{ unitId: street, targetValue: '100' }] },
      zh,
    );
    expect(notDistrict.statusCode).toBe(400);
    expect(errorOf(notDistrict).details?.[0]).toMatchObject({ path: 'items.0.unitId', message: expect.stringContaining('本市所辖区县') });
    const short = await cityOffice.request(
      'PUT',
      url,
      {
        version: indicator.version,
        items: [
          { unitId: unitOf('天桥区'), targetValue: '50' },
          { unitId: unitOf('槐荫区'), targetValue: '20' },
        ],
      },
      zh,
    );
    expect(short.statusCode).toBe(400);
    // Worded for districts and the city's target, not for units.
    expect(errorOf(short).details?.[0]).toEqual({
      path: 'items',
      message: '各区县分解任务合计70个，与市级目标100个相差30个，请调整后保存',
    });
    const saved = await cityOffice.request('PUT', url, {
      version: indicator.version,
      items: [
        { unitId: unitOf('天桥区'), targetValue: '50' },
        { unitId: unitOf('槐荫区'), targetValue: '20' },
        { unitId: unitOf('历城区'), targetValue: '30' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().districtShares).toMatchObject({ sum: '100', sumMatches: true });
    const audit = await lastAuditEvent(database, 'targets.set_breakdown', indicator.id);
    expect(audit?.regionCode).toBe(CITY);
    // The city reader may read but not break down; 天桥区's office reads its 50.
    const reader = await cityReader.request('PUT', url, { version: saved.json().version, items: [] });
    expect(reader.statusCode).toBe(403);
    expect((await detail(office, indicator.id)).districtShares?.items).toMatchObject([{ regionName: '天桥区', targetValue: '50' }]);
  });

  it("the city office writes no district's indicator, and the districts' comparison has no column for the city", async () => {
    const tianqiao = await ownIndicator(office, TIANQIAO, '完成投资');
    expect((await cityOffice.get(`/api/v1/targets/indicators/${tianqiao?.id}`)).statusCode).toBe(404);
    const comparison = (await cityReader.get(`/api/v1/targets/indicators/by-district?year=${year}`)).json();
    expect(comparison.districts.map((d: { code: string }) => d.code)).not.toContain(CITY);
    expect(comparison.districts.map((d: { name: string }) => d.name)).toEqual(expect.arrayContaining(['槐荫区', '天桥区', '历城区']));
  });
});
