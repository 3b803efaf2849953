import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { ensureRootUnit } from '../../db/accounts';
import { users } from '../../db/schema';
import { insertIndicator, insertLead, insertProject, userIdOf } from '../../test/factories';
import { type Client, OTHER_REGION, describeEachDatabase, signInAs } from '../../test/harness';

type Progress = { completionRate: number | null; timeElapsedRate: number; gapPoints: number | null; status: string };
type Target = {
  basis: 'indicator' | 'districts_sum' | 'none';
  regionName: string | null;
  indicatorName: string | null;
  targetValue: string | null;
  actual: string | null;
  asOf: string | null;
  progress: Progress | null;
  standing: string;
  drill: string;
};
type FunnelLine = {
  signed: number;
  registered: number;
  started: number;
  fundsIn: number;
  inProduction: number;
  contractValueYuan: number;
  investmentYuan: number;
  outOfCityYuan: number;
};
type Highlights = { year: number; newStartsTarget: Target | null; attraction: { total: FunnelLine; drill: string } | null };

// A year no demo record reaches: every figure below is the built data set's alone, worked by hand.
const YEAR = 2001;
const YI = 100_000_000;

describeEachDatabase('dashboard highlights', (t) => {
  let office: Client;
  let unitClerk: Client;
  let lixia: Client;
  let city: Client;
  const db = () => t().database.db;

  beforeAll(async () => {
    const { database } = t();
    office = await signInAs(t().app, 'office');
    unitClerk = await signInAs(t().app, 'unit');
    lixia = await signInAs(t().app, OTHER_REGION.adminUsername);
    city = await signInAs(t().app, 'city');
    const lixiaUnit = await db().transaction((tx) => ensureRootUnit(tx, OTHER_REGION.code, '历下区大数据局'));
    const [officeUser] = await db().select({ unitId: users.unitId }).from(users).where(eq(users.username, 'office'));
    const officeUnit = officeUser?.unitId ?? '';
    // 历下区: started in the year A (03-10) and B (11-30); not C (the year before), D (the year after), W (withdrawn).
    for (const [actualStart, pool] of [
      ['2001-03-10', 'implementing'],
      ['2001-11-30', 'implementing'],
      ['2000-12-31', 'implementing'],
      ['2002-01-01', 'implementing'],
      ['2001-05-05', 'withdrawn'],
    ] as const)
      await insertProject(database, { regionCode: OTHER_REGION.code, leadUnitId: lixiaUnit, actualStart, pool });
    // 天桥区: one started in the year.
    await insertProject(database, { actualStart: '2001-06-01' });
    // The 新开工 indicators: 历下区 4, 天桥区 3 (owned by the project office: a street's clerk does not see it).
    await insertIndicator(database, {
      regionCode: OTHER_REGION.code,
      year: YEAR,
      name: '新开工项目',
      ownerUnitId: lixiaUnit,
      source: 'computed',
      computation: 'new_starts',
      targetValue: '4',
    });
    await insertIndicator(database, {
      year: YEAR,
      name: '新开工项目',
      ownerUnitId: officeUnit,
      source: 'computed',
      computation: 'new_starts',
      targetValue: '3',
    });
    // 历下区's leads: L1 signed 02-01, registered, started (5亿, 8亿 estimated, half from outside the city); L2 signed
    // 04-01 only (2亿, 3亿 all from outside); L3 signed the year before (registered in the year: not counted).
    const owner = await userIdOf(database, OTHER_REGION.adminUsername);
    const lead = (fields: Record<string, number>, moves: Parameters<typeof insertLead>[2]) =>
      insertLead(database, { regionCode: OTHER_REGION.code, unitId: lixiaUnit, ownerId: owner, ...fields }, moves);
    await lead({ contractValueYuan: 5 * YI, estimatedInvestmentYuan: 8 * YI, outOfCityPercent: 50 }, [
      ['lead', '2000-12-01'],
      ['negotiating', '2001-01-10'],
      ['signed', '2001-02-01'],
      ['registered', '2001-03-01'],
      ['started', '2001-05-01'],
    ]);
    await lead({ contractValueYuan: 2 * YI, estimatedInvestmentYuan: 3 * YI, outOfCityPercent: 100 }, [
      ['lead', '2001-01-05'],
      ['signed', '2001-04-01'],
    ]);
    await lead({ contractValueYuan: 9 * YI, estimatedInvestmentYuan: 9 * YI, outOfCityPercent: 100 }, [
      ['lead', '2000-09-01'],
      ['signed', '2000-11-01'],
      ['registered', '2001-01-10'],
    ]);
  });

  const highlightsOf = async (client: Client, query = `year=${YEAR}`) => {
    const response = await client.get(`/api/v1/dashboard/highlights?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Highlights;
  };
  type Indicator = {
    regionCode: string;
    computation: string | null;
    targetValue: string;
    actual: string | null;
    standing: string;
    progress: Progress;
  };
  const indicatorsOf = async (client: Client) =>
    ((await client.get(`/api/v1/targets/indicators?year=${YEAR}`)).json() as { items: Indicator[] }).items;
  const statsOf = async (client: Client) =>
    ((await client.get(`/api/v1/leads/stats?by=unit&from=${YEAR}-01-01&to=${YEAR}-12-31`)).json() as { total: FunnelLine }).total;

  it("gives a district's reader its new starts against the target, as the targets page shows them", async () => {
    const h = await highlightsOf(lixia);
    // 2 of 4 started in a past year: half the target with the whole year gone, 50 points behind.
    expect(h.newStartsTarget).toMatchObject({
      basis: 'indicator',
      regionName: '历下区',
      targetValue: '4',
      actual: '2',
      asOf: `${YEAR}-12-31`,
      progress: { completionRate: 0.5, timeElapsedRate: 1, gapPoints: -50, status: 'behind' },
      drill: `/targets?year=${YEAR}`,
    });
    expect(h.newStartsTarget?.standing).toContain('50');
    const page = (await indicatorsOf(lixia)).find((i) => i.computation === 'new_starts');
    expect(page).toBeDefined();
    expect(h.newStartsTarget).toMatchObject({ targetValue: page?.targetValue, actual: page?.actual, standing: page?.standing });
    // 天桥区's office: its own 1 of 3, never 历下区's.
    expect((await highlightsOf(office)).newStartsTarget).toMatchObject({ basis: 'indicator', targetValue: '3', actual: '1' });
  });

  it('gives a city reader the districts added up as the comparison does, and one district when opened', async () => {
    const h = await highlightsOf(city);
    expect(h.newStartsTarget).toMatchObject({ basis: 'districts_sum', regionName: '济南市', targetValue: '7', actual: '3' });
    expect(h.newStartsTarget?.progress?.completionRate).toBeCloseTo(3 / 7, 10);
    const comparison = (await city.get(`/api/v1/targets/indicators/by-district?year=${YEAR}`)).json() as {
      rows: { computation: string | null; total: { targetValue: string; actual: string; standing: string } | null }[];
    };
    const row = comparison.rows.find((r) => r.computation === 'new_starts');
    expect(h.newStartsTarget).toMatchObject({
      targetValue: row?.total?.targetValue,
      actual: row?.total?.actual,
      standing: row?.total?.standing,
    });
    const opened = await highlightsOf(city, `year=${YEAR}&regionCode=${OTHER_REGION.code}`);
    expect(opened.newStartsTarget).toMatchObject({ basis: 'indicator', regionName: '历下区', targetValue: '4', actual: '2' });
    // The funnel is the reader's whole scope: not on one district's dashboard.
    expect(opened.attraction).toBeNull();
  });

  it('says so when the reader sees no target, without a figure', async () => {
    const h = await highlightsOf(unitClerk);
    expect(h.newStartsTarget).toMatchObject({ basis: 'none', targetValue: null, actual: null, progress: null });
    expect(h.newStartsTarget?.standing).toBe('本年未设新开工项目目标（或不在您的查看范围内）');
    expect((await highlightsOf(lixia, 'year=2002')).newStartsTarget?.basis).toBe('none');
  });

  it("gives the year's attraction funnel equal to the conversion page, only to readers of leads", async () => {
    const h = await highlightsOf(lixia);
    expect(h.attraction?.drill).toBe(`/leads/stats?year=${YEAR}`);
    expect(h.attraction?.total).toMatchObject({
      signed: 2,
      registered: 1,
      started: 1,
      fundsIn: 0,
      inProduction: 0,
      contractValueYuan: 7 * YI,
      investmentYuan: 11 * YI,
      outOfCityYuan: 7 * YI,
    });
    expect(h.attraction?.total).toEqual(await statsOf(lixia));
    // The city sees 历下区's leads; 天桥区's office none of them; a street's clerk may not read leads.
    expect((await highlightsOf(city)).attraction?.total).toEqual(await statsOf(city));
    expect((await highlightsOf(city)).attraction?.total.signed).toBe(2);
    expect((await highlightsOf(office)).attraction?.total.signed).toBe(0);
    expect((await highlightsOf(unitClerk)).attraction).toBeNull();
  });

  it('refuses a malformed year or district by field', async () => {
    for (const [query, path] of [
      ['year=1999', 'query.year'],
      ['regionCode=abc', 'query.regionCode'],
      ['colour=red', 'query.colour'],
    ] as const) {
      const response = await lixia.get(`/api/v1/dashboard/highlights?${query}`);
      expect(response.statusCode, query).toBe(400);
      const paths = (response.json() as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
      expect(paths, query).toContain(path);
    }
  });
});
