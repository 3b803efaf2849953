import { beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../db/accounts';
import { annualPlans, projectMonthInvestment } from '../../db/schema';
import { insertProject, insertUnit, uniqueSuffix } from '../../test/factories';
import { type Client, TEST_PASSWORD, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type Line = {
  unitId: string;
  unitName: string;
  score?: number | null;
  value?: number;
  rank: number | null;
  variables: Record<string, number>;
};

/*
 * A province ranks its cities (issue 15 "Regions above districts"): 山东省 (370000) holds the demo's 济南市 (天桥区,
 * 槐荫区, 历城区) and, built here, 淄博市 (370300) with 张店区 and 淄川区, in June 2024.
 *
 * 淄博市 (市重点项目服务中心 at the city's top)
 *   张店区: 张店区人民政府, 张店甲局 leading P1 12亿 (plan 200万, completed March 50万) → completion 0.25
 *   淄川区: 淄川区人民政府 leading P2 3亿 (plan 100万, completed April 100万) → completion 1
 *   the city: 150万 of 300万 → 0.5 (not the districts' average 0.625); one project of 10亿 and more.
 *
 * FORMULA = 100 × investment completion + count_projects(investment >= 10亿):
 *   淄博市: 50 + 1 = 51. 济南市 reads whatever its districts hold in 2024 (the test database's hand-built 历下区
 *   among them): its line must be their lines added.
 */
const FORMULA = '100 * investment_completion\n+ count_projects(investment >= 10亿)';
const Y = 2024;
const M = 6;
const JUNE = { year: Y, month: M };
const 万 = 10_000;
const 亿 = 100_000_000;
const PROVINCE = '370000';
const ZIBO = '370300';
const ZHANGDIAN = '370303';
const ZICHUAN = '370302';
const zh = { 'accept-language': 'zh-CN' };
const scoresUrl = `/api/v1/assessment/scores?year=${Y}&month=${M}`;

describeEachDatabase('assessment above cities: a province ranks its cities on the sums over their districts', (t) => {
  let provinceOffice: Client;
  let provinceReader: Client;
  let ziboOffice: Client;
  let cityReader: Client;
  let cityOffice: Client;
  const unit = { 淄博市: '', 张店政府: '', 张店甲: '', 淄川政府: '' };

  beforeAll(async () => {
    const { app, database } = t();
    const { db } = database;
    const suffix = uniqueSuffix();
    const account = async (regionCode: string, unitName: string, roleCode: 'project_office' | 'supervisor') => {
      const home = await insertUnit(database, { regionCode, name: `${unitName}${suffix}`, kind: 'office' });
      const username = `${roleCode}_${regionCode}_${suffix}`.slice(0, 32);
      await createAccount(
        db,
        { ip: null, requestId: null },
        { username, displayName: unitName, unitId: home.id, roleCode, password: TEST_PASSWORD },
      );
      return { client: await signInAs(app, username), unitId: home.id };
    };
    provinceOffice = (await account(PROVINCE, '山东省重点项目办', 'project_office')).client;
    provinceReader = (await account(PROVINCE, '山东省督查室', 'supervisor')).client;
    const zibo = await account(ZIBO, '淄博市重点项目服务中心', 'project_office');
    ziboOffice = zibo.client;
    unit.淄博市 = zibo.unitId;
    cityReader = await signInAs(app, 'city');
    // The demo city user reads; a preview needs target.manage, which the demo city office (city_office) holds.
    cityOffice = await signInAs(app, 'city_office');

    const zhangdian = await insertUnit(database, { regionCode: ZHANGDIAN, name: `张店区人民政府${suffix}`, kind: 'other' });
    unit.张店政府 = zhangdian.id;
    unit.张店甲 = (await insertUnit(database, { parent: zhangdian, name: `张店区甲局${suffix}` })).id;
    unit.淄川政府 = (await insertUnit(database, { regionCode: ZICHUAN, name: `淄川区人民政府${suffix}`, kind: 'other' })).id;
    const p1 = await insertProject(database, { regionCode: ZHANGDIAN, leadUnitId: unit.张店甲, totalInvestmentYuan: 12 * 亿 });
    const p2 = await insertProject(database, { regionCode: ZICHUAN, leadUnitId: unit.淄川政府, totalInvestmentYuan: 3 * 亿 });
    const plan = (projectId: string, plannedYuan: number) => ({
      projectId,
      year: Y,
      versionNo: 1,
      plannedYuan,
      monthlyYuan: Array.from({ length: 12 }, () => 0),
    });
    await db.insert(annualPlans).values([plan(p1.id, 200 * 万), plan(p2.id, 100 * 万)]);
    await db.insert(projectMonthInvestment).values([
      { projectId: p1.id, year: Y, month: 3, completedYuan: 50 * 万 },
      { projectId: p2.id, year: Y, month: 4, completedYuan: 100 * 万 },
    ]);
  }, 300_000);

  const preview = async (client: Client): Promise<Line[]> => {
    const response = await client.post('/api/v1/assessment/formula/preview', { formula: FORMULA, ...JUNE }, zh);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().items;
  };

  it("a city's figures are its districts' sums, the ratios divided over the sums: 淄博市 0.5, not 0.625", async () => {
    const cities = await preview(provinceOffice);
    expect(cities.map((c) => c.unitName).sort()).toEqual(['济南市', '淄博市'].sort());
    const zibo = cities.find((c) => c.unitName === '淄博市');
    // The city line is kept under the city's own top unit.
    expect(zibo?.unitId).toBe(unit.淄博市);
    // The same districts as the city ranks them, summed once more (the one summing, sumMonthInputs).
    const districts = await preview(ziboOffice);
    expect(districts.map((d) => [d.unitName, d.variables.investment_completion])).toEqual([
      ['淄川区', 1],
      ['张店区', 0.25],
    ]);
    expect(zibo?.variables).toMatchObject({ year_completed_yuan: 150 * 万, year_plan_yuan: 300 * 万, investment_completion: 0.5 });
    expect(zibo?.variables.units).toBe(districts.reduce((n, d) => n + (d.variables.units ?? 0), 0));
    expect(zibo?.value).toBe(51);
    // 济南市: its three districts' lines, as the city reader's preview gives them, add up to the province's line.
    const jinan = cities.find((c) => c.unitName === '济南市');
    const ofJinan = await preview(cityOffice);
    expect(ofJinan.map((d) => d.unitName)).toEqual(expect.arrayContaining(['槐荫区', '天桥区', '历城区']));
    for (const name of ['year_completed_yuan', 'year_plan_yuan', 'reports_owed', 'late_reports', 'units'])
      expect(jinan?.variables[name], name).toBe(ofJinan.reduce((n, d) => n + (d.variables[name] ?? 0), 0));
  });

  it("saves the province's rule, takes June: its cities ranked and explained; the reader reads it, may not take it", async () => {
    const { database } = t();
    const saved = await provinceOffice.post('/api/v1/assessment/rules', { year: Y, formula: FORMULA, note: '省对市考核' }, zh);
    expect(saved.statusCode, saved.body).toBe(201);
    expect((await lastAuditEvent(database, 'assessment.save_rule', saved.json().id))?.regionCode).toBe(PROVINCE);
    const refused = await provinceReader.post('/api/v1/assessment/scores', JUNE, zh);
    expect(refused.statusCode).toBe(403);
    const taken = await provinceOffice.post('/api/v1/assessment/scores', JUNE, zh);
    expect(taken.statusCode, taken.body).toBe(200);
    const read = await provinceReader.get(scoresUrl);
    expect(read.statusCode).toBe(200);
    const ranking: { level: string; items: (Line & { score: number | null })[] } = read.json();
    expect(ranking.level).toBe('province');
    const zibo = ranking.items.find((i) => i.unitName === '淄博市');
    const jinan = ranking.items.find((i) => i.unitName === '济南市');
    expect(ranking.items).toHaveLength(2);
    expect(zibo?.score).toBe(51);
    // Ranked highest first: ranks 1 and 2 by score.
    expect(ranking.items.map((i) => i.rank)).toEqual([1, 2]);
    expect(ranking.items[0]?.score ?? 0).toBeGreaterThanOrEqual(ranking.items[1]?.score ?? 0);
    expect(jinan?.score).not.toBeNull();
    const rules = (await provinceReader.get(`/api/v1/assessment/rules?year=${Y}`)).json();
    expect(rules).toMatchObject({ regionName: '山东省', level: 'province', units: [] });
    // A city's line has its rank over the year; the .xlsx heads its column 市.
    const history = await provinceReader.get(`/api/v1/assessment/units/${unit.淄博市}/history?year=${Y}`);
    expect(history.json().months).toEqual([{ month: 6, ruleVersion: 1, line: { group: null, score: 51, rank: zibo?.rank, groupSize: 2 } }]);
    // 济南市's own ranking of its districts is its own: the province's rule is not the city's.
    const ofCity = (await cityReader.get(scoresUrl)).json();
    expect(ofCity).toMatchObject({ level: 'city', ruleExists: false, items: [] });
    const nothing = await ziboOffice.get(`/api/v1/assessment/units/${unit.淄博市}/history?year=${Y}`);
    expect(nothing.json().months).toEqual([]);
    expect(errorOf(refused).code).toBe('forbidden');
  });
});
