import { and, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { auditEvents, scoringRules } from '../../db/schema';
import { insertProject, insertUnit, unitIdByName } from '../../test/factories';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, signInAs } from '../../test/harness';
import { previousMonth } from '../warnings';

type Line = { unitId: string; unitName: string; group: string | null; score: number | null; rank: number | null };
type Ranking = { snapshot: { ruleVersion: number } | null; groups: string[]; items: Line[] };
type Rules = {
  current: { version: number; groups: { name: string; kinds: string[]; unitIds: string[]; excludedUnitIds: string[] }[] | null } | null;
  versions: { version: number }[];
  units: { id: string; name: string; kind: string }[];
};

const today = todayInChina();
const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
const last = previousMonth(today);
const years = [...new Set([last.year, current.year])];
const zh = { 'accept-language': 'zh-CN' };
const rulesUrl = (year: number) => `/api/v1/assessment/rules?year=${year}`;
const scoresUrl = (m: { year: number; month: number }) => `/api/v1/assessment/scores?year=${m.year}&month=${m.month}`;
const lineOf = (i: Line) => [i.unitName, i.group, i.score, i.rank];

/*
 * A hand-built 历下区 (the test database holds it with only its 大数据局) and a formula its units' projects decide:
 *   甲局 (bureau): started projects of 15亿 and 25亿   → 10 + 2×2        = 14
 *   乙局 (bureau): a 5亿 project not started in time   → 10 − 0.5        = 9.5
 *   丙街道 (street): a started 12亿 project            → 10 + 2          = 12
 *   丁街道 (street): nothing                            → 10
 *   办公室 (office, runs the assessment): a started 15亿 project → 12
 *   历下区大数据局 (bureau): nothing                    → 10
 * Groups 街道 (kind street) and 区直部门 (kind bureau, without the 大数据局): 街道 丙 12 (1), 丁 10 (2);
 * 区直部门 甲 14 (1), 乙 9.5 (2); the office and the 大数据局 are not assessed.
 */
const FORMULA = '10 + 2 * count_projects(investment >= 10亿) - 0.5 * not_started_by_deadline';

describeEachDatabase('assessment: who is assessed and ranking in groups', (t) => {
  let office: Client;
  let lixia: Client;
  let bigData = '';
  const ids: Record<string, string> = {};
  const groups = () => [
    { name: '街道', kinds: ['street'], unitIds: [], excludedUnitIds: [] },
    { name: '区直部门', kinds: ['bureau'], unitIds: [], excludedUnitIds: [bigData] },
  ];

  beforeAll(async () => {
    const { app, database } = t();
    office = await signInAs(app, 'office');
    lixia = await signInAs(app, OTHER_REGION.adminUsername);
    bigData = await unitIdByName(database, '历下区大数据局');
    const kinds = { 甲局: 'bureau', 乙局: 'bureau', 丙街道: 'street', 丁街道: 'street', 办公室: 'office' } as const;
    for (const [key, kind] of Object.entries(kinds))
      ids[key] = (await insertUnit(database, { regionCode: OTHER_REGION.code, name: `历下分组${key}`, kind })).id;
    const started = { regionCode: OTHER_REGION.code, plannedStart: '2020-03-01', actualStart: '2020-03-01' };
    await insertProject(database, { ...started, leadUnitId: ids.甲局, totalInvestmentYuan: 15e8 });
    await insertProject(database, { ...started, leadUnitId: ids.甲局, totalInvestmentYuan: 25e8 });
    await insertProject(database, {
      regionCode: OTHER_REGION.code,
      plannedStart: '2020-03-01',
      leadUnitId: ids.乙局,
      totalInvestmentYuan: 5e8,
    });
    await insertProject(database, { ...started, leadUnitId: ids.丙街道, totalInvestmentYuan: 12e8 });
    await insertProject(database, { ...started, leadUnitId: ids.办公室, totalInvestmentYuan: 15e8 });
  });

  it('the demo rule ranks 街道 and 区直部门 apart, leaving out the government, the offices that run the assessment and the bureaus leading no project', async () => {
    const rules: Rules = (await office.get(rulesUrl(current.year))).json();
    expect(rules.current?.groups?.map((g) => [g.name, g.kinds])).toEqual([
      ['街道', ['street']],
      ['区直部门', ['bureau', 'park']],
    ]);
    expect(rules.units.length).toBeGreaterThan(30);
    expect((await office.post('/api/v1/assessment/scores', current)).statusCode).toBe(200);
    const ranking: Ranking = (await office.get(scoresUrl(current))).json();
    expect(ranking.groups).toEqual(['街道', '区直部门']);
    const names = ranking.items.map((i) => i.unitName);
    for (const out of ['天桥区人民政府', '区重点项目建设办公室', '区委督查室', '区大数据局', '区财政局', '区发展和改革局'])
      expect(names).not.toContain(out);
    // 区直部门: the two bureaus and six park committees that lead projects.
    expect(
      ranking.items
        .filter((i) => i.group === '区直部门')
        .map((i) => i.unitName)
        .sort(),
    ).toEqual(
      [
        '区住房和城乡建设局',
        '区工业和信息化局',
        '新材料产业园区管委会',
        '医疗器械产业园管委会',
        '智能制造产业园管委会',
        '农业装备产业园管委会',
        '检验检测产业园管委会',
        '技术转移转化产业园管委会',
      ].sort(),
    );
    const streets = ranking.items.filter((i) => i.group === '街道');
    expect(streets).toHaveLength(15);
    expect(streets.every((i) => i.unitName.endsWith('街道办事处'))).toBe(true);
    // Each group's ranks start at 1 and never fall; the streets come first, as the rule lists them.
    for (const group of ranking.groups) {
      const ranks = ranking.items.filter((i) => i.group === group).map((i) => i.rank ?? Number.POSITIVE_INFINITY);
      expect(ranks[0]).toBe(1);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    }
    expect(ranking.items.findIndex((i) => i.group === '区直部门')).toBe(15);
  });

  it('a rule without groups ranks every unit of the district in one list', async () => {
    for (const year of years) expect((await lixia.post('/api/v1/assessment/rules', { year, formula: FORMULA })).statusCode).toBe(201);
    const rules: Rules = (await lixia.get(rulesUrl(current.year))).json();
    expect(rules.current?.groups).toBeNull();
    const taken = await lixia.post('/api/v1/assessment/scores', last, zh);
    expect(taken.statusCode, taken.body).toBe(200);
    const ranking: Ranking = taken.json();
    expect(ranking.groups).toEqual([]);
    expect(ranking.items.map(lineOf)).toEqual([
      ['历下分组甲局', null, 14, 1],
      ['历下分组丙街道', null, 12, 2],
      ['历下分组办公室', null, 12, 2],
      ['历下分组丁街道', null, 10, 4],
      ['历下区大数据局', null, 10, 4],
      ['历下分组乙局', null, 9.5, 6],
    ]);
  });

  it('refuses groups that do not hold, naming the field in the reader’s language, and saves nothing', async () => {
    const { database } = t();
    const housing = await unitIdByName(database, '区住房和城乡建设局');
    const stranger = crypto.randomUUID();
    const refused = async (bad: unknown[]) => {
      const answer = await lixia.post('/api/v1/assessment/rules', { year: current.year, formula: FORMULA, groups: bad }, zh);
      expect(answer.statusCode, answer.body).toBe(422);
      expect(errorOf(answer).code).toBe('ranking_groups_invalid');
      return errorOf(answer).details ?? [];
    };
    const [streets, bureaus] = groups();
    expect(await refused([streets, { ...bureaus, unitIds: [ids.丙街道] }])).toEqual([
      { path: 'groups.1.unitIds.0', message: '历下分组丙街道已在“街道”组中，不能同时属于“区直部门”组' },
    ]);
    const bothKinds = await refused([streets, { ...bureaus, kinds: ['bureau', 'street'] }]);
    // One problem per unit claimed twice (in the order the database lists the units).
    expect([...bothKinds].sort((a, b) => (a.message < b.message ? -1 : 1))).toEqual([
      { path: 'groups.1.kinds', message: '历下分组丁街道已在“街道”组中，不能同时属于“区直部门”组' },
      { path: 'groups.1.kinds', message: '历下分组丙街道已在“街道”组中，不能同时属于“区直部门”组' },
    ]);
    expect(await refused([{ ...streets, unitIds: [housing, stranger] }, bureaus])).toEqual([
      { path: 'groups.0.unitIds.0', message: `“街道”组中的单位（${housing}）不是本区的单位` },
      { path: 'groups.0.unitIds.1', message: `“街道”组中的单位（${stranger}）不是本区的单位` },
    ]);
    expect(await refused([streets, bureaus, { name: '园区', kinds: ['park'] }])).toEqual([
      { path: 'groups.2', message: '“园区”组没有单位：请按单位类型选择或添加单位' },
    ]);
    expect(await refused([streets, { ...bureaus, name: ' 街道 ' }])).toEqual([{ path: 'groups.1.name', message: '分组名称“街道”重复' }]);
    const blank = await lixia.post('/api/v1/assessment/rules', {
      year: current.year,
      formula: FORMULA,
      groups: [{ ...streets, name: ' ' }],
    });
    expect(blank.statusCode).toBe(400);
    expect(errorOf(blank).details?.[0]?.path).toBe('groups.0.name');
    // Nothing saved: still version 1 without groups, and no audit event beyond the first save.
    const rules: Rules = (await lixia.get(rulesUrl(current.year))).json();
    expect(rules.versions.map((v) => v.version)).toEqual([1]);
    const [saves] = await database.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'assessment.save_rule'), eq(auditEvents.regionCode, OTHER_REGION.code)));
    expect(saves?.n).toBe(years.length);
    // The preview refuses them the same way.
    const preview = await lixia.post(
      '/api/v1/assessment/formula/preview',
      { formula: FORMULA, ...last, groups: [streets, { ...bureaus, name: '街道' }] },
      zh,
    );
    expect(preview.statusCode).toBe(422);
    expect(errorOf(preview).details).toEqual([{ path: 'groups.1.name', message: '分组名称“街道”重复' }]);
  });

  it('previews the groups being edited: ranks within each group, the units not assessed left out', async () => {
    const preview = await lixia.post('/api/v1/assessment/formula/preview', { formula: FORMULA, ...last, groups: groups() });
    expect(preview.statusCode, preview.body).toBe(200);
    const items = preview.json().items as { unitName: string; group: string | null; value: number | null; rank: number | null }[];
    expect(items.map((i) => [i.unitName, i.group, i.value, i.rank])).toEqual([
      ['历下分组丙街道', '街道', 12, 1],
      ['历下分组丁街道', '街道', 10, 2],
      ['历下分组甲局', '区直部门', 14, 1],
      ['历下分组乙局', '区直部门', 9.5, 2],
    ]);
  });

  it('a new version carries its groups; the month taken before keeps its one ranking, the current month ranks in groups', async () => {
    const before: Ranking = (await lixia.get(scoresUrl(last))).json();
    for (const year of years) {
      const saved = await lixia.post('/api/v1/assessment/rules', { year, formula: FORMULA, groups: groups(), note: '分组' });
      expect(saved.statusCode, saved.body).toBe(201);
      expect(saved.json()).toMatchObject({ version: 2, groups: groups() });
    }
    const rules: Rules = (await lixia.get(rulesUrl(current.year))).json();
    expect(rules.versions.map((v) => v.version)).toEqual([2, 1]);
    const [first] = await t()
      .database.db.select({ groups: scoringRules.groups })
      .from(scoringRules)
      .where(and(eq(scoringRules.regionCode, OTHER_REGION.code), eq(scoringRules.year, current.year), eq(scoringRules.version, 1)));
    expect(first?.groups).toBeNull();
    // Last month was taken with version 1: it stays one ranking of every unit.
    expect((await lixia.get(scoresUrl(last))).json()).toEqual(before);

    const taken = await lixia.post('/api/v1/assessment/scores', current, zh);
    expect(taken.statusCode, taken.body).toBe(200);
    const ranking: Ranking = taken.json();
    expect(ranking.snapshot?.ruleVersion).toBe(2);
    expect(ranking.groups).toEqual(['街道', '区直部门']);
    expect(ranking.items.map(lineOf)).toEqual([
      ['历下分组丙街道', '街道', 12, 1],
      ['历下分组丁街道', '街道', 10, 2],
      ['历下分组甲局', '区直部门', 14, 1],
      ['历下分组乙局', '区直部门', 9.5, 2],
    ]);
    expect((await lixia.get(scoresUrl(current))).json().items).toEqual(ranking.items);
  });
});
