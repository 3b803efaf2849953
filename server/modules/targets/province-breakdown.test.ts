import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../db/accounts';
import { indicatorBreakdowns } from '../../db/schema';
import { insertUnit, thisYear, unitIdByName, uniqueSuffix } from '../../test/factories';
import { type Client, TEST_PASSWORD, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

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

const PROVINCE = '370000';
const CITY = '370100';
const ZIBO = '370300';
const zh = { 'accept-language': 'zh-CN' };

/*
 * A province's indicators broken down to its cities (issue 15 "Regions above districts"), the same PUT …/breakdown and
 * sum rule as a city's to its districts, on the demo: 山东省's 完成投资 (computed, 395亿) and 实际使用外资 (entered,
 * 20000万美元), each wholly 济南市's (the demo's one city with units), read by the province user (`province`), by the
 * city (`city`) and by nobody in a district; a province office built here sets one and breaks it down to 济南市 and a
 * 淄博市 given a unit here.
 */
describeEachDatabase('targets API: a province breaks its indicators down to its cities', (t) => {
  const year = thisYear();
  let provinceReader: Client;
  let provinceOffice: Client;
  let cityReader: Client;
  let cityOffice: Client;
  let office: Client;
  let provinceUnit = '';
  const list = async (client: Client): Promise<IndicatorJson[]> =>
    (await client.get(`/api/v1/targets/indicators?year=${year}`)).json().items;
  const indicatorOf = async (client: Client, code: string, name: string) =>
    (await list(client)).find((i) => i.regionCode === code && i.name === name);
  const detail = async (client: Client, id: string): Promise<IndicatorJson> =>
    (await client.get(`/api/v1/targets/indicators/${id}`)).json();

  beforeAll(async () => {
    const { app, database } = t();
    const suffix = uniqueSuffix();
    provinceReader = await signInAs(app, 'province');
    cityReader = await signInAs(app, 'city');
    cityOffice = await signInAs(app, 'city_office');
    office = await signInAs(app, 'office');
    provinceUnit = await unitIdByName(database, '山东省发展和改革委员会');
    const home = await insertUnit(database, { regionCode: PROVINCE, name: `山东省重点项目办${suffix}`, kind: 'office' });
    const username = `prov_office_${suffix}`.slice(0, 32);
    await createAccount(
      database.db,
      { ip: null, requestId: null },
      { username, displayName: '山东省重点项目办', unitId: home.id, roleCode: 'project_office', password: TEST_PASSWORD },
    );
    provinceOffice = await signInAs(app, username);
    await insertUnit(database, { regionCode: ZIBO, name: `淄博市发展和改革委员会${suffix}` });
  }, 300_000);

  it("lists 济南市's share with the city's own computed actual; the province's figure is its tree's", async () => {
    const completed = await indicatorOf(provinceReader, PROVINCE, '完成投资');
    expect(completed).toMatchObject({ regionName: '山东省', regionLevel: 'province', targetValue: '395' });
    const shares = completed?.districtShares;
    expect(shares?.items.map((s) => [s.regionName, s.targetValue])).toEqual([['济南市', '395']]);
    expect(shares).toMatchObject({ sum: '395', sumMatches: true });
    // The share's actual is what 济南市 reads on its own 完成投资 (the same computation over the city's districts).
    const city = await indicatorOf(cityReader, CITY, '完成投资');
    expect(city?.actual).not.toBeNull();
    expect(shares?.items[0]?.actual).toBe(city?.actual);
    // The province's figure runs over its whole tree: at least the city's (the test database may hold more cities).
    expect(Number(completed?.actual)).toBeGreaterThanOrEqual(Number(city?.actual));
    // The province user reads; he changes nothing.
    expect(completed?.abilities).toEqual({ update: false, breakdown: false, enter: false });
    expect((await detail(provinceReader, completed?.id ?? '')).breakdownDistricts).toBeNull();
  });

  it("an entered indicator's share reads what the city entered on its own indicator of that name", async () => {
    const foreign = await indicatorOf(provinceReader, PROVINCE, '实际使用外资');
    const city = await indicatorOf(cityReader, CITY, '实际使用外资');
    expect(city?.actual).not.toBeNull();
    expect(foreign?.districtShares?.items).toMatchObject([
      { regionName: '济南市', targetValue: '20000', actual: city?.actual, noCounterpart: false },
    ]);
  });

  it('the city sees its own share without the sum; a district does not see the province’s indicators', async () => {
    const { database } = t();
    const seen = await indicatorOf(cityReader, PROVINCE, '完成投资');
    expect(seen?.districtShares).toMatchObject({ sum: null, sumMatches: null });
    expect(seen?.districtShares?.items.map((s) => [s.regionName, s.targetValue])).toEqual([['济南市', '395']]);
    expect(seen?.abilities).toEqual({ update: false, breakdown: false, enter: false });
    // The city's project office (data scope: its own unit tree, below the city's DRC where the share is kept) does not
    // see it — not found, as anything out of scope; the city reader reads, without target.manage.
    const before = await database.db
      .select()
      .from(indicatorBreakdowns)
      .where(eq(indicatorBreakdowns.indicatorId, seen?.id ?? ''));
    const refused = await cityOffice.request(
      'PUT',
      `/api/v1/targets/indicators/${seen?.id}/breakdown`,
      { version: seen?.version, items: [] },
      zh,
    );
    expect(refused.statusCode).toBe(404);
    const byReader = await cityReader.request(
      'PUT',
      `/api/v1/targets/indicators/${seen?.id}/breakdown`,
      { version: seen?.version, items: [] },
      zh,
    );
    expect(byReader.statusCode).toBe(403);
    const after = await database.db
      .select()
      .from(indicatorBreakdowns)
      .where(eq(indicatorBreakdowns.indicatorId, seen?.id ?? ''));
    expect(after).toEqual(before);
    expect((await list(office)).filter((i) => i.regionCode === PROVINCE)).toEqual([]);
  });

  it('a province office sets an indicator (owner a province unit) and breaks it down to cities that must sum back', async () => {
    const { database } = t();
    const cityUnit = await unitIdByName(database, '济南市重点项目服务中心');
    const body = {
      year,
      name: `新开工项目${uniqueSuffix()}`,
      measure: 'item',
      kind: 'level',
      targetValue: '100',
      qualifier: 'above',
      direction: 'at_least',
      ownerUnitId: cityUnit,
      source: 'computed',
      computation: 'new_starts',
    };
    const wrongOwner = await provinceOffice.post('/api/v1/targets/indicators', body, zh);
    expect(wrongOwner.statusCode).toBe(400);
    expect(errorOf(wrongOwner).details).toEqual([{ path: 'ownerUnitId', message: expect.stringContaining('本省省级单位') }]);
    const created = await provinceOffice.post('/api/v1/targets/indicators', { ...body, ownerUnitId: provinceUnit }, zh);
    expect(created.statusCode, created.body).toBe(201);
    const indicator: IndicatorJson = created.json();
    expect(indicator).toMatchObject({ regionCode: PROVINCE, regionLevel: 'province', districtShares: { items: [], sum: null } });
    const cities = indicator.breakdownDistricts ?? [];
    // The cities of the province with a unit: 济南市 under its DRC (its top unit), 淄博市 given one above.
    expect(cities.map((c) => c.regionName)).toEqual(expect.arrayContaining(['济南市', '淄博市']));
    expect(cities.find((c) => c.regionName === '济南市')?.unitId).toBe(await unitIdByName(database, '济南市发展和改革委员会'));
    const unitOf = (name: string) => cities.find((c) => c.regionName === name)?.unitId ?? '';
    const url = `/api/v1/targets/indicators/${indicator.id}/breakdown`;
    // A district's unit is no city's share.
    const district = await unitIdByName(database, '天桥区人民政府');
    const notCity = await provinceOffice.request(
      'PUT',
      url,
      { version: indicator.version, items: [{ unitId: district, targetValue: '100' }] },
      zh,
    );
    expect(notCity.statusCode).toBe(400);
    expect(errorOf(notCity).details?.[0]).toMatchObject({ path: 'items.0.unitId', message: expect.stringContaining('本省所辖市') });
    const short = await provinceOffice.request(
      'PUT',
      url,
      {
        version: indicator.version,
        items: [
          { unitId: unitOf('济南市'), targetValue: '60' },
          { unitId: unitOf('淄博市'), targetValue: '30' },
        ],
      },
      zh,
    );
    expect(short.statusCode).toBe(400);
    expect(errorOf(short).details?.[0]).toEqual({ path: 'items', message: '各市分解任务合计90个，与省级目标100个相差10个，请调整后保存' });
    expect(await database.db.select().from(indicatorBreakdowns).where(eq(indicatorBreakdowns.indicatorId, indicator.id))).toEqual([]);
    const saved = await provinceOffice.request('PUT', url, {
      version: indicator.version,
      items: [
        { unitId: unitOf('济南市'), targetValue: '70' },
        { unitId: unitOf('淄博市'), targetValue: '30' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().districtShares).toMatchObject({ sum: '100', sumMatches: true });
    expect(saved.json().districtShares.items.map((s: Share) => [s.regionName, s.targetValue])).toEqual([
      ['济南市', '70'],
      ['淄博市', '30'],
    ]);
    expect((await lastAuditEvent(database, 'targets.set_breakdown', indicator.id))?.regionCode).toBe(PROVINCE);
    // The province reader reads, may not break down; 济南市 reads its 70 and not 淄博市's.
    expect((await provinceReader.request('PUT', url, { version: saved.json().version, items: [] })).statusCode).toBe(403);
    expect((await detail(cityReader, indicator.id)).districtShares).toMatchObject({
      items: [{ regionName: '济南市', targetValue: '70' }],
      sum: null,
    });
    // The province office changes no city's indicator: 403 on 济南市's own.
    const cityOwn = await indicatorOf(provinceOffice, CITY, '完成投资');
    const notHome = await provinceOffice.request(
      'PUT',
      `/api/v1/targets/indicators/${cityOwn?.id}/breakdown`,
      { version: cityOwn?.version, items: [] },
      zh,
    );
    expect(notHome.statusCode).toBe(403);
    expect(errorOf(notHome).message).toContain('济南市的指标');
  });
});
