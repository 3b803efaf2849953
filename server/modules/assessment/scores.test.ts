import { and, count, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { DEMO_FORMULA } from '../../../common/domain/formula';
import { auditEvents, scoreSnapshots, scoringRules } from '../../db/schema';
import { snapshotScoresJob } from '../../jobs/snapshot-scores';
import { insertProject, insertUnit, unitIdByName } from '../../test/factories';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';
import { previousMonth } from '../warnings';

type Ranking = {
  year: number;
  month: number;
  snapshot: { id: string; ruleVersion: number; formula: string; computedByName: string | null } | null;
  mayCompute: boolean;
  items: {
    unitId: string;
    unitName: string;
    score: number | null;
    rank: number | null;
    error: string | null;
    terms: { text: string; sign: number; value: number; inputs: { kind: string; name: string; value: number | boolean }[] }[];
    variables: Record<string, number>;
  }[];
};
type Rules = {
  year: number;
  current: { version: number; formula: string; authorName: string | null } | null;
  versions: { version: number }[];
};

const today = todayInChina();
const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
const last = previousMonth(today);
const zh = { 'accept-language': 'zh-CN' };
const rulesUrl = (year: number) => `/api/v1/assessment/rules?year=${year}`;
const scoresUrl = (m: { year: number; month: number }) => `/api/v1/assessment/scores?year=${m.year}&month=${m.month}`;

/*
 * A hand-built district (历下区, which the test database holds with only its 大数据局): three units, and a formula whose
 * value each unit's projects decide —
 *   甲局: projects of 15亿 and 25亿, both started            → 10 + 2×2 − 0.5×0 = 14
 *   乙局: one of 5亿, planned to start, not started          → 10 + 0   − 0.5×1 = 9.5
 *   丙局 and 历下区大数据局: no projects                       → 10
 * ranked 甲局 1, 历下区大数据局 2, 历下测试丙局 2 (a tie, by name), 历下测试乙局 4.
 */
const FORMULA = '10\n+ 2 * count_projects(investment >= 10亿)\n- 0.5 * not_started_by_deadline';

describeEachDatabase('assessment API: scoring rules, monthly snapshots and rankings', (t) => {
  let office: Client;
  let unit: Client;
  let lixia: Client;
  const units: Record<'甲' | '乙' | '丙', string> = { 甲: '', 乙: '', 丙: '' };

  beforeAll(async () => {
    const { app, database } = t();
    office = await signInAs(app, 'office');
    unit = await signInAs(app, 'unit');
    lixia = await signInAs(app, OTHER_REGION.adminUsername);
    for (const key of ['甲', '乙', '丙'] as const)
      units[key] = (await insertUnit(database, { regionCode: OTHER_REGION.code, name: `历下测试${key}局` })).id;
    const lixiaProject = { regionCode: OTHER_REGION.code, plannedStart: '2020-03-01' };
    await insertProject(database, { ...lixiaProject, leadUnitId: units.甲, totalInvestmentYuan: 15e8, actualStart: '2020-03-01' });
    await insertProject(database, { ...lixiaProject, leadUnitId: units.甲, totalInvestmentYuan: 25e8, actualStart: '2020-04-01' });
    await insertProject(database, { ...lixiaProject, leadUnitId: units.乙, totalInvestmentYuan: 5e8 });
  });

  it('the demo district has the demo formula as version 1 of this year; every reader of targets may read it', async () => {
    const rules: Rules = (await unit.get(rulesUrl(current.year))).json();
    expect(rules.current).toMatchObject({ version: 1, formula: DEMO_FORMULA });
    expect(rules.versions).toHaveLength(1);
  });

  it('saves a new version (audited); a formula that does not parse or names an unknown variable is refused at its column, nothing saved', async () => {
    const saved = await office.post(
      '/api/v1/assessment/rules',
      { year: current.year, formula: `${DEMO_FORMULA}\n+ 1`, note: '加 1 分' },
      zh,
    );
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({ version: 2, note: '加 1 分' });
    const audit = await lastAuditEvent(t().database, 'assessment.save_rule', saved.json().id);
    expect(audit?.after).toMatchObject({ version: 2, year: current.year });
    expect(audit?.before).toMatchObject({ version: 1 });

    const syntax = await office.post('/api/v1/assessment/rules', { year: current.year, formula: '10 *\n(red_months + ' }, zh);
    expect(syntax.statusCode).toBe(422);
    expect(errorOf(syntax).code).toBe('formula_invalid');
    expect(syntax.json().error.details[0]).toMatchObject({ path: 'formula', line: 2 });
    const unknown = await office.post('/api/v1/assessment/rules', { year: current.year, formula: 'red_months + 投资增速' }, zh);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.details[0]).toMatchObject({ line: 1, column: 14 });
    expect(unknown.json().error.details[0].message).toContain('投资增速');

    const rules: Rules = (await office.get(rulesUrl(current.year))).json();
    expect(rules.current?.version).toBe(2);
    expect(rules.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(rules.current?.authorName).toBeTruthy();
  });

  it('is the office’s to edit; another district’s admin sees none of the demo’s rules', async () => {
    expect((await unit.post('/api/v1/assessment/rules', { year: current.year, formula: '1' })).statusCode).toBe(403);
    const other: Rules = (await lixia.get(rulesUrl(current.year))).json();
    expect(other.current).toBeNull();
    expect(other.versions).toEqual([]);
  });

  it('computes a month: every unit scored by the current rule, ranked with ties sharing a rank, each score explained', async () => {
    const { database } = t();
    const noRule = await lixia.post('/api/v1/assessment/scores', last, zh);
    expect(noRule.statusCode).toBe(422);
    expect(errorOf(noRule).code).toBe('scoring_rule_missing');
    for (const year of new Set([last.year, current.year]))
      expect((await lixia.post('/api/v1/assessment/rules', { year, formula: FORMULA })).statusCode).toBe(201);

    const computed = await lixia.post('/api/v1/assessment/scores', last, zh);
    expect(computed.statusCode, computed.body).toBe(200);
    const ranking: Ranking = computed.json();
    expect(ranking.snapshot?.ruleVersion).toBe(1);
    const bigData = await unitIdByName(database, '历下区大数据局');
    expect(ranking.items.map((i) => [i.unitId, i.score, i.rank])).toEqual([
      [units.甲, 14, 1],
      [bigData, 10, 2],
      [units.丙, 10, 2],
      [units.乙, 9.5, 4],
    ]);
    const first = ranking.items[0];
    expect(first?.terms.map((term) => [term.text, term.value])).toEqual([
      ['10', 10],
      ['2 * count_projects(investment >= 10亿)', 4],
      ['0.5 * not_started_by_deadline', 0],
    ]);
    expect(first?.terms[1]?.inputs).toEqual([{ kind: 'aggregate', name: 'count_projects(investment >= 10亿)', value: 2 }]);
    expect(ranking.items[3]?.variables.not_started_by_deadline).toBe(1);
    const audit = await lastAuditEvent(database, 'assessment.compute_scores', ranking.snapshot?.id);
    expect(audit?.after).toMatchObject({ year: last.year, month: last.month, ruleVersion: 1, units: 4, replaced: false });
    // Reading it again gives the same lines; 天桥区's office does not see 历下区's ranking.
    expect((await lixia.get(scoresUrl(last))).json().items).toEqual(ranking.items);
    const demo: Ranking = (await office.get(scoresUrl(last))).json();
    expect(demo.items.map((i) => i.unitId)).not.toContain(units.甲);
  });

  it('never changes a past month: data changed later leaves it as it was, and computing it again is refused', async () => {
    const { database } = t();
    const before: Ranking = (await lixia.get(scoresUrl(last))).json();
    await insertProject(database, {
      regionCode: OTHER_REGION.code,
      leadUnitId: units.乙,
      totalInvestmentYuan: 12e8,
      plannedStart: '2020-03-01',
      actualStart: '2020-03-01',
    });
    await lixia.post('/api/v1/assessment/rules', { year: last.year, formula: `${FORMULA}\n+ 100` });
    expect((await lixia.get(scoresUrl(last))).json()).toEqual(before);
    const again = await lixia.post('/api/v1/assessment/scores', last, zh);
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('score_snapshot_exists');
    expect(errorOf(again).message).toContain(`${last.month}月`);
    expect((await lixia.get(scoresUrl(last))).json()).toEqual({ ...before, mayCompute: false });
  });

  it('computes the current month again, replacing it in one go with today’s data', async () => {
    const { database } = t();
    const first: Ranking = (await lixia.post('/api/v1/assessment/scores', current)).json();
    const second = await lixia.post('/api/v1/assessment/scores', current);
    expect(second.statusCode).toBe(200);
    const ranking: Ranking = second.json();
    expect(ranking.snapshot?.id).not.toBe(first.snapshot?.id);
    expect(ranking.mayCompute).toBe(true);
    // 乙局 now leads a started 12亿 project: 10 + 2 − 0.5 (+ 100 when the current month is of last month's year).
    const yi = ranking.items.find((i) => i.unitId === units.乙);
    expect(yi?.score).toBe(current.year === last.year ? 111.5 : 11.5);
    const [snapshots] = await database.db
      .select({ n: count() })
      .from(scoreSnapshots)
      .where(
        and(
          eq(scoreSnapshots.regionCode, OTHER_REGION.code),
          eq(scoreSnapshots.year, current.year),
          eq(scoreSnapshots.month, current.month),
        ),
      );
    expect(snapshots?.n).toBe(1);
    const audit = await lastAuditEvent(database, 'assessment.compute_scores', ranking.snapshot?.id);
    expect(audit?.after).toMatchObject({ replaced: true });
  });

  it('refuses a month to come (400 on month), a unit’s computing (403), and answers no snapshot for a month not taken', async () => {
    const next = current.month === 12 ? { year: current.year + 1, month: 1 } : { year: current.year, month: current.month + 1 };
    const future = await office.post('/api/v1/assessment/scores', next, zh);
    expect(future.statusCode).toBe(400);
    expect(errorOf(future).details?.[0]?.path).toBe('month');
    expect((await unit.post('/api/v1/assessment/scores', last)).statusCode).toBe(403);
    const none: Ranking = (await unit.get(scoresUrl({ year: 2001, month: 1 }))).json();
    expect(none).toMatchObject({ snapshot: null, items: [], mayCompute: false });
  });

  it('the daily job takes last month for every district with a rule and no snapshot, and leaves a month taken alone', async () => {
    const { database } = t();
    const lixiaBefore: Ranking = (await lixia.get(scoresUrl(last))).json();
    const log = { info: () => {}, warn: () => {}, error: () => {} };
    const outcome = await snapshotScoresJob.run({ db: database.db, now: new Date(), log });
    expect(outcome.failed).toBeNull();
    expect((await lixia.get(scoresUrl(last))).json()).toEqual(lixiaBefore);
    const demo: Ranking = (await office.get(scoresUrl(last))).json();
    // The demo's rule is this year's: last month is taken when it is of this year.
    if (last.year === current.year) {
      expect(demo.snapshot?.computedByName).toBeNull();
      expect(demo.items.length).toBeGreaterThan(1);
      expect(demo.items.every((i) => i.error === null)).toBe(true);
    } else expect(demo.snapshot).toBeNull();
    const [events] = await database.db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.action, 'assessment.compute_scores'));
    expect(events?.n).toBeGreaterThan(0);
    const [rules] = await database.db.select({ n: count() }).from(scoringRules).where(eq(scoringRules.regionCode, OTHER_REGION.code));
    expect(rules?.n).toBeGreaterThan(0);
  });
});
