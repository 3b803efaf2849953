import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { createAccount } from '../../db/accounts';
import { DEMO_CITY_FORMULA } from '../../db/seed-data/demo-scoring';
import { annualPlans, projectMonthInvestment, regions, scoreSnapshots } from '../../db/schema';
import { snapshotScoresJob } from '../../jobs/snapshot-scores';
import {
  insertCommitment,
  insertMatter,
  insertPeriod,
  insertProject,
  insertReport,
  insertUnit,
  uniqueSuffix,
  userIdOf,
} from '../../test/factories';
import { type Client, TEST_PASSWORD, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { previousMonth } from '../warnings';
import { sumMonthInputs, unitMonthInputs } from './variables';

type Line = {
  unitId: string;
  unitName: string;
  group: string | null;
  score: number | null;
  rank: number | null;
  error: string | null;
  terms: { text: string; value: number; inputs: { kind: string; name: string; value: number | boolean }[] }[];
  variables: Record<string, number>;
};
type Ranking = {
  level: string;
  ruleExists: boolean;
  mayCompute: boolean;
  snapshot: { id: string; ruleVersion: number; computedByName: string | null } | null;
  groups: string[];
  items: Line[];
  notes: string[];
};
type Rules = {
  regionName: string;
  level: string;
  current: { id: string; version: number; formula: string } | null;
  versions: { id: string }[];
  units: unknown[];
};

/*
 * A city's ranking of its districts (issue 15 "Regions above districts"), on a hand-built 青岛市 whose two districts
 * hold nothing else in the test database, in June 2024 (month's end 2024-06-30):
 *
 * 市南区 (人民政府 at the top; 南甲局 and 南乙局 under it)
 *   南甲局 leads P1 15亿 (planned 2024-03-01, started 03-10; plan 200万; completed March 50万) — its June report never
 *     submitted, its May report submitted late; matters due 05-01 closed 04-20 (on time) and due 06-10 still open;
 *     a pledge due 03-31 done 03-20.
 *   南乙局 leads P2 5亿 (planned 2024-05-01, not started; plan 100万; completed February 30万) — its June report on
 *     time; a matter due 06-01 closed 05-30; pledges due 04-30 done 04-10 and due 05-31 not done.
 *   the district's sums: completed 80万 of 300万 planned → 0.2667 (the units' ratios 0.25 and 0.3 average 0.275);
 *     reports 1 of 2 on time → 0.5; late reports 2; matters 2 of 3 → 0.6667 (units 0.5 and 1); pledges 2 of 3 → 0.6667
 *     (units 1 and 0.5); projects of 10亿 and more 1; not started by the deadline 1.
 * 市北区 (人民政府; 北丙局 under it): 北丙局 leads P3 25亿 (started 2024-02-15; plan 100万, completed April 100万) and
 *   owes nothing → every ratio 1.
 *
 * FORMULA = 40 × investment completion + 10 × (matters + pledges + reports ratios) + projects ≥ 10亿 − 0.5 × (not
 * started + late reports):
 *   市北区: 40 + 10 + 10 + 10 + 1 − 0 − 0                          = 71   → rank 1
 *   市南区: 40 × 8/30 + 10 × 2/3 + 10 × 2/3 + 10 × 1/2 + 1 − 0.5 − 1 = 28.5 → rank 2
 */
const FORMULA = [
  '40 * investment_completion',
  '+ 10 * matters_closed_on_time_ratio',
  '+ 10 * pledges_done_ratio',
  '+ 10 * reports_on_time_ratio',
  '+ count_projects(investment >= 10亿)',
  '- 0.5 * not_started_by_deadline',
  '- 0.5 * late_reports',
].join('\n');
const Y = 2024;
const M = 6;
const JUNE = { year: Y, month: M };
const 万 = 10_000;
const 亿 = 100_000_000;
const CITY = '370200';
const SOUTH = '370202';
const NORTH = '370203';
const zh = { 'accept-language': 'zh-CN' };
const scoresUrl = (m: { year: number; month: number }) => `/api/v1/assessment/scores?year=${m.year}&month=${m.month}`;
const today = todayInChina();
const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };

describeEachDatabase('assessment above districts: a city ranks its districts on the sums over their units', (t) => {
  let qingdao: Client;
  let office: Client;
  let cityReader: Client;
  const unit = { 南甲: '', 南乙: '', 北丙: '', 南政府: '', 北政府: '' };
  let northProject = '';

  beforeAll(async () => {
    const { app, database } = t();
    const { db } = database;
    office = await signInAs(app, 'office');
    cityReader = await signInAs(app, 'city');
    const suffix = uniqueSuffix();
    const cityUnit = await insertUnit(database, { regionCode: CITY, name: `青岛市重点项目服务中心${suffix}`, kind: 'office' });
    const username = `qingdao_${suffix}`.slice(0, 32);
    await createAccount(
      db,
      { ip: null, requestId: null },
      { username, displayName: '青岛市重点办', unitId: cityUnit.id, roleCode: 'project_office', password: TEST_PASSWORD },
    );
    qingdao = await signInAs(app, username);

    const south = await insertUnit(database, { regionCode: SOUTH, name: `市南区人民政府${suffix}`, kind: 'other' });
    const north = await insertUnit(database, { regionCode: NORTH, name: `市北区人民政府${suffix}`, kind: 'other' });
    unit.南政府 = south.id;
    unit.北政府 = north.id;
    unit.南甲 = (await insertUnit(database, { parent: south, name: `市南区甲局${suffix}` })).id;
    unit.南乙 = (await insertUnit(database, { parent: south, name: `市南区乙局${suffix}` })).id;
    unit.北丙 = (await insertUnit(database, { parent: north, name: `市北区丙局${suffix}` })).id;

    const p1 = await insertProject(database, {
      regionCode: SOUTH,
      leadUnitId: unit.南甲,
      totalInvestmentYuan: 15 * 亿,
      plannedStart: '2024-03-01',
      actualStart: '2024-03-10',
    });
    const p2 = await insertProject(database, {
      regionCode: SOUTH,
      leadUnitId: unit.南乙,
      totalInvestmentYuan: 5 * 亿,
      plannedStart: '2024-05-01',
    });
    const p3 = await insertProject(database, {
      regionCode: NORTH,
      leadUnitId: unit.北丙,
      totalInvestmentYuan: 25 * 亿,
      plannedStart: '2024-02-01',
      actualStart: '2024-02-15',
    });
    northProject = p3.id;
    const plan = (projectId: string, plannedYuan: number) => ({
      projectId,
      year: Y,
      versionNo: 1,
      plannedYuan,
      monthlyYuan: Array.from({ length: 12 }, () => 0),
    });
    await db.insert(annualPlans).values([plan(p1.id, 200 * 万), plan(p2.id, 100 * 万), plan(p3.id, 100 * 万)]);
    await db.insert(projectMonthInvestment).values([
      { projectId: p1.id, year: Y, month: 3, completedYuan: 50 * 万 },
      { projectId: p2.id, year: Y, month: 2, completedYuan: 30 * 万 },
      { projectId: p3.id, year: Y, month: 4, completedYuan: 100 * 万 },
    ]);

    const june = await insertPeriod(database, { regionCode: SOUTH, year: Y, month: 6 });
    const may = await insertPeriod(database, { regionCode: SOUTH, year: Y, month: 5 });
    await insertReport(database, june, { projectId: p1.id, responsibleUnitId: unit.南甲 });
    await insertReport(database, may, {
      projectId: p1.id,
      responsibleUnitId: unit.南甲,
      firstSubmittedAt: new Date('2024-06-08T02:00:00Z'),
      late: true,
    });
    await insertReport(database, june, {
      projectId: p2.id,
      responsibleUnitId: unit.南乙,
      firstSubmittedAt: new Date('2024-07-03T02:00:00Z'),
    });

    const raisedBy = await userIdOf(database, 'office');
    const matter = (leadUnitId: string, deadline: string, closedAt: string | null) =>
      insertMatter(database, {
        regionCode: SOUTH,
        leadUnitId,
        raisedBy,
        raisingUnitId: leadUnitId,
        deadline,
        ...(closedAt ? { status: 'closed' as const, closedAt: new Date(closedAt) } : {}),
      });
    await matter(unit.南甲, '2024-05-01', '2024-04-20T02:00:00Z');
    await matter(unit.南甲, '2024-06-10', null);
    await matter(unit.南乙, '2024-06-01', '2024-05-30T02:00:00Z');

    const pledge = (unitId: string, deadline: string, doneOn: string | null) =>
      insertCommitment(database, { regionCode: SOUTH, unitId, year: Y, deadline, done: doneOn !== null, doneOn });
    await pledge(unit.南甲, '2024-03-31', '2024-03-20');
    await pledge(unit.南乙, '2024-04-30', '2024-04-10');
    await pledge(unit.南乙, '2024-05-31', null);
  });

  it('the test database has 青岛市 above 市南区 and 市北区, as the region table says', async () => {
    const rows = await t().database.db.select({ code: regions.code, level: regions.level, parent: regions.parentCode }).from(regions);
    const of = (code: string) => rows.find((r) => r.code === code);
    expect(of(CITY)?.level).toBe('city');
    expect(of(SOUTH)).toMatchObject({ level: 'district', parent: CITY });
    expect(of(NORTH)).toMatchObject({ level: 'district', parent: CITY });
  });

  it('a city with no rule says so: no snapshot, no rule, nothing to compute; its rules answer its name and level', async () => {
    const ranking: Ranking = (await qingdao.get(scoresUrl(JUNE))).json();
    expect(ranking).toMatchObject({ level: 'city', ruleExists: false, mayCompute: false, snapshot: null, items: [] });
    const rules: Rules = (await qingdao.get(`/api/v1/assessment/rules?year=${Y}`)).json();
    expect(rules).toMatchObject({ regionName: '青岛市', level: 'city', current: null, versions: [], units: [] });
    const refused = await qingdao.post('/api/v1/assessment/scores', JUNE, zh);
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused).code).toBe('scoring_rule_missing');
  });

  it("a district's variables are its units' sums, the ratios divided over the sums, not averaged", async () => {
    const { db } = t().database;
    const preview = await qingdao.post('/api/v1/assessment/formula/preview', { formula: FORMULA, ...JUNE }, zh);
    expect(preview.statusCode, preview.body).toBe(200);
    const items: { unitId: string; unitName: string; value: number; rank: number; variables: Record<string, number> }[] =
      preview.json().items;
    expect(items.map((i) => [i.unitName, i.unitId, i.rank])).toEqual([
      ['市北区', unit.北政府, 1],
      ['市南区', unit.南政府, 2],
    ]);
    const south = items.find((i) => i.unitName === '市南区');
    const units = await unitMonthInputs(db, [unit.南甲, unit.南乙, unit.南政府], Y, M);
    const jia = units.get(unit.南甲);
    const yi = units.get(unit.南乙);
    // Each unit on its own, as a district ranks them.
    expect(jia?.variables).toMatchObject({ investment_completion: 0.25, reports_on_time_ratio: 0, matters_closed_on_time_ratio: 0.5 });
    expect(yi?.variables).toMatchObject({ investment_completion: 0.3, reports_on_time_ratio: 1, pledges_done_ratio: 0.5 });
    // The district: the figures and counts added, the ratios divided again.
    const sum = sumMonthInputs(units.values());
    for (const [name, value] of Object.entries({ ...sum.figures, ...sum.counts, ...sum.variables }))
      expect(south?.variables[name], name).toBeCloseTo(value, 10);
    expect(south?.variables).toMatchObject({
      year_completed_yuan: 80 * 万,
      year_plan_yuan: 300 * 万,
      reports_owed: 2,
      reports_on_time: 1,
      matters_due: 3,
      matters_closed_on_time: 2,
      pledges_done: 2,
      pledges_counted: 3,
      late_reports: 2,
      not_started_by_deadline: 1,
      units: 3,
    });
    expect(south?.variables.investment_completion).toBeCloseTo(80 / 300, 10);
    expect(south?.variables.matters_closed_on_time_ratio).toBeCloseTo(2 / 3, 10);
    expect(south?.variables.pledges_done_ratio).toBeCloseTo(2 / 3, 10);
    expect(south?.variables.reports_on_time_ratio).toBe(0.5);
    expect(south?.value).toBeCloseTo(28.5, 10);
    expect(items[0]?.value).toBe(71);
  });

  it("saves the city's rule (audited, no groups), takes June: the districts ranked, each score explained term by term", async () => {
    const { database } = t();
    const grouped = await qingdao.post(
      '/api/v1/assessment/rules',
      { year: Y, formula: FORMULA, groups: [{ name: '城区', kinds: ['other'] }] },
      zh,
    );
    expect(grouped.statusCode).toBe(422);
    expect(errorOf(grouped).code).toBe('ranking_groups_invalid');
    expect(errorOf(grouped).details?.[0]).toMatchObject({ path: 'groups', message: '市、省级评分规则对所辖区县统一排名，不设考核分组' });

    const saved = await qingdao.post('/api/v1/assessment/rules', { year: Y, formula: FORMULA, note: '市对区考核' }, zh);
    expect(saved.statusCode, saved.body).toBe(201);
    const audit = await lastAuditEvent(database, 'assessment.save_rule', saved.json().id);
    expect(audit?.regionCode).toBe(CITY);

    const taken = await qingdao.post('/api/v1/assessment/scores', JUNE, zh);
    expect(taken.statusCode, taken.body).toBe(200);
    const ranking: Ranking = taken.json();
    expect(ranking).toMatchObject({ level: 'city', ruleExists: true, groups: [] });
    expect(ranking.snapshot?.ruleVersion).toBe(1);
    expect(ranking.items.map((i) => [i.unitName, i.rank, i.group])).toEqual([
      ['市北区', 1, null],
      ['市南区', 2, null],
    ]);
    const south = ranking.items[1];
    expect(south?.score).toBeCloseTo(28.5, 10);
    expect(south?.terms.map((term) => term.text)).toEqual([
      '40 * investment_completion',
      '10 * matters_closed_on_time_ratio',
      '10 * pledges_done_ratio',
      '10 * reports_on_time_ratio',
      'count_projects(investment >= 10亿)',
      '0.5 * not_started_by_deadline',
      '0.5 * late_reports',
    ]);
    expect(south?.terms[3]).toMatchObject({ value: 5, inputs: [{ kind: 'variable', name: 'reports_on_time_ratio', value: 0.5 }] });
    expect(south?.terms[6]).toMatchObject({ value: -1, inputs: [{ kind: 'variable', name: 'late_reports', value: 2 }] });
    const total = (south?.terms ?? []).reduce((s, term) => s + term.value, 0);
    expect(total).toBeCloseTo(south?.score ?? 0, 10);
    const computed = await lastAuditEvent(database, 'assessment.compute_scores', ranking.snapshot?.id);
    expect(computed?.after).toMatchObject({ year: Y, month: M, ruleVersion: 1, units: 2 });
    // The city reader reads the same lines; his district's history follows the district's line.
    expect((await qingdao.get(scoresUrl(JUNE))).json().items).toEqual(ranking.items);
    const history = await qingdao.get(`/api/v1/assessment/units/${unit.南政府}/history?year=${Y}`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().months).toEqual([
      { month: 6, ruleVersion: 1, line: { group: null, score: south?.score, rank: 2, groupSize: 2 } },
    ]);
    // The month as .xlsx names the city.
    const xlsx = await qingdao.get(`/api/v1/assessment/scores.xlsx?year=${Y}&month=${M}`);
    expect(xlsx.statusCode).toBe(200);
    expect(decodeURIComponent(String(xlsx.headers['content-disposition']))).toContain('青岛市2024年6月考核排名');
  });

  it('never changes June: a new project and a new version leave it as it was, and taking it again is refused', async () => {
    const before: Ranking = (await qingdao.get(scoresUrl(JUNE))).json();
    await insertProject(t().database, {
      regionCode: SOUTH,
      leadUnitId: unit.南乙,
      totalInvestmentYuan: 30 * 亿,
      plannedStart: '2024-01-01',
      actualStart: '2024-01-02',
    });
    expect((await qingdao.post('/api/v1/assessment/rules', { year: Y, formula: `${FORMULA}\n+ 100` })).statusCode).toBe(201);
    expect((await qingdao.get(scoresUrl(JUNE))).json()).toEqual(before);
    const again = await qingdao.post('/api/v1/assessment/scores', JUNE, zh);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('score_snapshot_exists');
    expect(northProject).not.toBe('');
  });

  it("a district's office neither reads nor writes the city's rule; its own ranking of units is as before", async () => {
    const { db } = t().database;
    const ours: Rules = (await office.get(`/api/v1/assessment/rules?year=${current.year}`)).json();
    expect(ours.level).toBe('district');
    expect(ours.regionName).toBe('天桥区');
    expect(ours.current?.formula).not.toBe(DEMO_CITY_FORMULA);
    expect(ours.units.length).toBeGreaterThan(10);
    // What the district office saves is its district's version: 济南市's rule is untouched.
    const jinanBefore = await db.select({ id: scoreSnapshots.id }).from(scoreSnapshots).where(eq(scoreSnapshots.regionCode, '370100'));
    const cityRules: Rules = (await cityReader.get(`/api/v1/assessment/rules?year=${current.year}`)).json();
    expect(cityRules).toMatchObject({ regionName: '济南市', level: 'city', units: [] });
    expect(cityRules.current?.formula).toBe(DEMO_CITY_FORMULA);
    const saved = await office.post('/api/v1/assessment/rules', { year: current.year, formula: '1' });
    expect(saved.statusCode).toBe(201);
    const after: Rules = (await cityReader.get(`/api/v1/assessment/rules?year=${current.year}`)).json();
    expect(after.versions.map((v) => v.id)).toEqual(cityRules.versions.map((v) => v.id));
    expect(after.versions.map((v) => v.id)).not.toContain(saved.json().id);
    // The city's reader (a supervisor) reads but neither writes the rule nor takes a month.
    expect((await cityReader.post('/api/v1/assessment/rules', { year: current.year, formula: '1' })).statusCode).toBe(403);
    expect((await cityReader.post('/api/v1/assessment/scores', current)).statusCode).toBe(403);
    expect(await db.select({ id: scoreSnapshots.id }).from(scoreSnapshots).where(eq(scoreSnapshots.regionCode, '370100'))).toEqual(
      jinanBefore,
    );
    // The district office's ranking is of its units, as ever: no district among its lines.
    const taken = await office.post('/api/v1/assessment/scores', current, zh);
    expect(taken.statusCode, taken.body).toBe(200);
    const ranking: Ranking = taken.json();
    expect(ranking.level).toBe('district');
    expect(ranking.items.length).toBeGreaterThan(10);
    expect(ranking.items.map((i) => i.unitName)).not.toContain('槐荫区');
    expect(ranking.items.every((i) => i.score === 1)).toBe(true);
  });

  it('the daily job takes last month for 济南市 too: its districts ranked with their explanations', async () => {
    const { database } = t();
    const last = previousMonth(today);
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const outcome = await snapshotScoresJob.run({ db: database.db, now: new Date(), log });
    expect(outcome.failed).toBeNull();
    const ranking: Ranking = (await cityReader.get(scoresUrl(last))).json();
    expect(ranking.level).toBe('city');
    if (last.year !== current.year) {
      expect(ranking.snapshot).toBeNull();
      return;
    }
    expect(ranking.snapshot?.computedByName).toBeNull();
    // The demo's three districts; the test database adds 历下区 (the harness's second district, with its one unit).
    expect(ranking.items.map((i) => i.unitName).sort()).toEqual(['历下区', '历城区', '天桥区', '槐荫区'].sort());
    expect(ranking.items.every((i) => i.rank !== null && i.group === null)).toBe(true);
    for (const line of ranking.items) {
      expect(line.error).toBeNull();
      expect(line.terms).toHaveLength(11);
      expect(line.terms.reduce((s, term) => s + term.value, 0)).toBeCloseTo(line.score ?? 0, 10);
    }
    const [snapshot] = await database.db
      .select({ id: scoreSnapshots.id })
      .from(scoreSnapshots)
      .where(and(eq(scoreSnapshots.regionCode, '370100'), eq(scoreSnapshots.year, last.year), eq(scoreSnapshots.month, last.month)));
    expect(snapshot?.id).toBe(ranking.snapshot?.id);
  });
});
