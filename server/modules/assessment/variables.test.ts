import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import {
  annualPlans,
  enterprises,
  indicatorBreakdowns,
  leadStageMoves,
  leads,
  projectMonthInvestment,
  scoreSnapshotItems,
  scoreSnapshots,
  scoringRules,
} from '../../db/schema';
import { insertCommitment, insertIndicator, insertProject, insertUnit, uniqueSuffix, userIdOf } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs, testConfig } from '../../test/harness';
import { unitMonthInputs, unitProjectField } from './variables';

/*
 * The variables that got a source in issue 15 (investment_completion, new_starts_ratio, signed_value_ratio,
 * pledges_done_ratio, fortune500_projects) and the project fields year_plan, tag, category, started, start_overdue,
 * on a hand-built set of three units of the test district in June 2024 (month's end 2024-06-30):
 *
 * 甲 leads
 *   P1 15亿, planned start 2024-03-01, started 2024-03-10; annual plan 2024 v1 100万, v2 200万 (current);
 *      completed 2024: March 50万, June 70万, July 90万 (after June: not counted) → 120万; signed by L1 (世界500强).
 *   P2 5亿, planned start 2024-05-01, not started (start overdue); plan 100万; completed February 30万; linked by L2
 *      to an enterprise tagged 高新技术企业 only.
 *   P3 withdrawn (planned and started 2024-01; plan 1000万; completed 100万; linked to the 世界500强 enterprise): left out.
 *   P4 planned start 2023-06-01, started 2024-02-01 (a new start of this year, planned last year).
 *   P5 planning, planned start 2024-09-01.
 *   investment_completion = (120万 + 30万) ÷ (200万 + 100万) = 0.5
 *   new starts = P1, P4 = 2; planned to start in 2024 = P1, P2, P5 = 3 → new_starts_ratio 2/3 (no breakdown yet);
 *      with the 新开工项目 indicator broken down (甲 4, 乙 1): 2/4 = 0.5
 *   signed in 2024 to June: L1 3亿 (L2 1亿 signed in August, L3 2亿 signed in 2023 are out); target: no breakdown → 0;
 *      with the 签约项目合同额 indicator broken down (甲 6亿): 3亿 ÷ 6亿 = 0.5
 *   fortune500_projects = 1 (P1; P3 is withdrawn)
 *   pledges: due 03-31 done 03-20 ✓, due 05-31 not done ✗, due 06-30 done 07-05 ✗ (not by June's end),
 *      due 12-31 done 04-01 ✓ (early: counted), due 10-31 not done (not counted), last year's (not counted) → 2/4 = 0.5
 * 乙 leads PB1 (planned start 2023-12-01, started 2024-04-01, no plan, completed April 40万, signed by L4 — 民营500强 —
 *   5000万 on 2024-06-30, the month's last day): investment_completion 0 (no plan); new starts 1, planned this year 0 →
 *   0, with the breakdown 1 ÷ 1 = 1; signed 5000万 but no target → 0; fortune500_projects 1; no pledges → 1.
 * 丙 leads nothing; one pledge due 02-28 not done → 0; every target ratio 0.
 */
const Y = 2024;
const M = 6;
const 万 = 10_000;
const 亿 = 100_000_000;

describeEachDatabase('assessment variables: the sources of investment completion, new starts, signing, pledges, 500强', (t) => {
  const unit = { 甲: '', 乙: '', 丙: '' };
  const project: Record<string, string> = {};
  let office: Client;

  beforeAll(async () => {
    const { database, app } = t();
    const { db } = database;
    office = await signInAs(app, 'office');
    const suffix = uniqueSuffix();
    for (const key of ['甲', '乙', '丙'] as const)
      unit[key] = (await insertUnit(database, { name: `考核变量${key}局${suffix}`, regionCode: testConfig().regionCode })).id;
    const p = async (key: string, leadUnitId: string, fields: Parameters<typeof insertProject>[1] = {}) => {
      project[key] = (await insertProject(database, { leadUnitId, ...fields })).id;
      return project[key] as string;
    };
    const p1 = await p('P1', unit.甲, { totalInvestmentYuan: 15 * 亿, plannedStart: '2024-03-01', actualStart: '2024-03-10' });
    const p2 = await p('P2', unit.甲, { totalInvestmentYuan: 5 * 亿, plannedStart: '2024-05-01', categoryCode: 'infrastructure' });
    const p3 = await p('P3', unit.甲, { pool: 'withdrawn', plannedStart: '2024-01-01', actualStart: '2024-01-05' });
    await p('P4', unit.甲, { plannedStart: '2023-06-01', actualStart: '2024-02-01' });
    await p('P5', unit.甲, { pool: 'planning', plannedStart: '2024-09-01' });
    const pb1 = await p('PB1', unit.乙, { plannedStart: '2023-12-01', actualStart: '2024-04-01' });

    const plan = (projectId: string, plannedYuan: number, versionNo = 1, year = Y) => ({
      projectId,
      year,
      versionNo,
      plannedYuan,
      monthlyYuan: Array.from({ length: 12 }, () => 0),
    });
    await db
      .insert(annualPlans)
      .values([plan(p1, 100 * 万), plan(p1, 200 * 万, 2), plan(p2, 100 * 万), plan(p2, 5000 * 万, 1, Y - 1), plan(p3, 1000 * 万)]);
    const done = (projectId: string, month: number, completedYuan: number) => ({ projectId, year: Y, month, completedYuan });
    await db
      .insert(projectMonthInvestment)
      .values([
        done(p1, 3, 50 * 万),
        done(p1, 6, 70 * 万),
        done(p1, 7, 90 * 万),
        done(p2, 2, 30 * 万),
        done(p3, 1, 100 * 万),
        done(pb1, 4, 40 * 万),
      ]);

    const regionCode = testConfig().regionCode;
    const enterprise = async (name: string, tags: string[]) => {
      const [row] = await db
        .insert(enterprises)
        .values({ regionCode, name: `${name}${suffix}`, namePinyin: 'x', nameKey: `${name}${suffix}`, kind: 'target', abroad: true, tags })
        .returning({ id: enterprises.id });
      return row?.id as string;
    };
    const fortune = await enterprise('考核变量世界五百强公司', ['fortune500', 'central_soe']);
    const privateTop = await enterprise('考核变量民营五百强公司', ['private500', 'listed']);
    const hnte = await enterprise('考核变量高新公司', ['hnte']);
    const ownerId = await userIdOf(database, 'office');
    const lead = async (unitId: string, enterpriseId: string, value: number, signedOn: string, projectId: string | null) => {
      const [row] = await db
        .insert(leads)
        .values({
          regionCode,
          name: `考核变量线索${uniqueSuffix()}`,
          enterpriseId,
          method: 'project',
          ownerId,
          unitId,
          stage: 'signed',
          stageOn: signedOn,
          receivedOn: '2023-01-01',
          contractValueYuan: value,
          contractDate: signedOn,
          projectId,
        })
        .returning({ id: leads.id });
      const leadId = row?.id as string;
      await db.insert(leadStageMoves).values([
        { leadId, toStage: 'lead', on: '2023-01-01' },
        { leadId, fromStage: 'negotiating', toStage: 'signed', on: signedOn },
      ]);
    };
    await lead(unit.甲, fortune, 3 * 亿, '2024-03-15', p1);
    await lead(unit.甲, hnte, 1 * 亿, '2024-08-01', p2);
    await lead(unit.甲, fortune, 2 * 亿, '2023-11-01', p3);
    await lead(unit.乙, privateTop, 5000 * 万, '2024-06-30', pb1);

    const pledge = (unitId: string, deadline: string, doneOn: string | null, year = Y) =>
      insertCommitment(database, { unitId, year, deadline, done: doneOn !== null, doneOn });
    await pledge(unit.甲, '2024-03-31', '2024-03-20');
    await pledge(unit.甲, '2024-05-31', null);
    await pledge(unit.甲, '2024-06-30', '2024-07-05');
    await pledge(unit.甲, '2024-12-31', '2024-04-01');
    await pledge(unit.甲, '2024-10-31', null);
    await pledge(unit.甲, '2023-06-30', null, Y - 1);
    await pledge(unit.丙, '2024-02-28', null);
  });

  const inputsNow = async () => unitMonthInputs(t().database.db, Object.values(unit), Y, M);

  it('reads investment completion, new starts against plan, pledges and 500强 projects from their sources', async () => {
    const inputs = await inputsNow();
    const jia = inputs.get(unit.甲);
    expect(jia?.figures).toMatchObject({
      year_plan_yuan: 300 * 万,
      year_completed_yuan: 150 * 万,
      new_starts: 2,
      new_starts_target: 3,
      new_starts_target_broken_down: 0,
      signed_value_yuan: 3 * 亿,
      signed_target_yuan: 0,
      pledges_done: 2,
      pledges_counted: 4,
    });
    expect(jia?.variables).toMatchObject({
      investment_completion: 0.5,
      new_starts_ratio: 2 / 3,
      signed_value_ratio: 0,
      pledges_done_ratio: 0.5,
      fortune500_projects: 1,
      not_started_by_deadline: 1,
    });
    expect(inputs.get(unit.乙)?.variables).toMatchObject({
      investment_completion: 0,
      new_starts_ratio: 0,
      signed_value_ratio: 0,
      pledges_done_ratio: 1,
      fortune500_projects: 1,
    });
    expect(inputs.get(unit.乙)?.figures).toMatchObject({ year_completed_yuan: 40 * 万, new_starts: 1, signed_value_yuan: 5000 * 万 });
    expect(inputs.get(unit.丙)?.variables).toMatchObject({
      investment_completion: 0,
      new_starts_ratio: 0,
      signed_value_ratio: 0,
      pledges_done_ratio: 0,
      fortune500_projects: 0,
    });
  });

  it('gives count_projects(…) and sum(…) the year plan, tags (codes and dictionary names), category, started and start overdue', async () => {
    const jia = (await inputsNow()).get(unit.甲);
    expect(jia?.projects).toHaveLength(4); // P3 withdrawn
    const p1 = jia?.projects.find((x) => x.investment === 15 * 亿);
    const p2 = jia?.projects.find((x) => x.investment === 5 * 亿);
    if (!p1 || !p2) throw new Error('P1 and P2 expected');
    expect(unitProjectField(p1, 'year_plan')).toBe(200 * 万);
    expect(unitProjectField(p1, '年度完成投资')).toBe(120 * 万);
    expect(unitProjectField(p1, 'tag')).toEqual(expect.arrayContaining(['fortune500', '世界500强', 'central_soe']));
    expect(unitProjectField(p2, '企业标签')).toEqual(expect.arrayContaining(['hnte']));
    expect(unitProjectField(p2, 'tag')).not.toContain('世界500强');
    expect(unitProjectField(p1, 'started')).toBe(true);
    expect(unitProjectField(p2, '已开工')).toBe(false);
    expect(unitProjectField(p2, 'start_overdue')).toBe(true);
    expect(unitProjectField(p1, 'start_overdue')).toBe(false);
    expect(unitProjectField(p2, 'category')).toBe('infrastructure');
  });

  it('previews a formula over them, and says which units read 0 for want of a plan or a target', async () => {
    const formula = [
      '40 * investment_completion',
      '+ 20 * new_starts_ratio',
      '+ 15 * signed_value_ratio',
      '+ 10 * pledges_done_ratio',
      '+ 2 * fortune500_projects',
      '+ count_projects(tag = "世界500强")',
      '+ sum(year_plan, started = true) / 100万',
    ].join('\n');
    const preview = await office.post('/api/v1/assessment/formula/preview', { formula, year: Y, month: M }, { 'accept-language': 'zh-CN' });
    expect(preview.statusCode, preview.body).toBe(200);
    const body: { items: { unitId: string; value: number }[]; notes: string[] } = preview.json();
    const value = (id: string) => body.items.find((i) => i.unitId === id)?.value;
    // 甲: 40×0.5 + 20×2/3 + 0 + 10×0.5 + 2×1 + 1 (P1) + 200万/100万 (P1 started; P4 has no plan) = 20 + 13.33 + 5 + 2 + 1 + 2
    expect(value(unit.甲)).toBeCloseTo(20 + 40 / 3 + 5 + 2 + 1 + 2, 9);
    // 乙: 0 + 0 + 0 + 10×1 + 2×1 + 0 + 0 = 12;  丙: 0.
    expect(value(unit.乙)).toBe(12);
    expect(value(unit.丙)).toBe(0);
    expect(body.notes).toContain('“新开工项目”指标未分解到单位，新开工目标按各单位计划年内开工的项目数计');
    expect(body.notes).toContain('签约额完成率暂无数据来源：目标指标中没有分解到单位的“签约项目合同额”指标，均按 0 计');
    expect(body.notes.some((n) => /\d+个单位没有本年度计划投资/.test(n))).toBe(true);
  });

  it('takes a unit’s new-start and signing targets from the indicators broken down to units', async () => {
    const { database } = t();
    const newStarts = await insertIndicator(database, {
      ownerUnitId: unit.甲,
      year: Y,
      source: 'computed',
      computation: 'new_starts',
      measure: 'item',
      targetValue: '5',
    });
    const signing = await insertIndicator(database, {
      ownerUnitId: unit.甲,
      year: Y,
      source: 'computed',
      computation: 'contract_value',
      measure: 'yi_yuan',
      targetValue: '6',
    });
    await database.db.insert(indicatorBreakdowns).values([
      { indicatorId: newStarts.id, unitId: unit.甲, targetValue: '4' },
      { indicatorId: newStarts.id, unitId: unit.乙, targetValue: '1' },
      { indicatorId: signing.id, unitId: unit.甲, targetValue: '6' },
    ]);
    const inputs = await inputsNow();
    expect(inputs.get(unit.甲)?.figures).toMatchObject({
      new_starts_target: 4,
      new_starts_target_broken_down: 1,
      signed_target_yuan: 6 * 亿,
    });
    expect(inputs.get(unit.甲)?.variables).toMatchObject({ new_starts_ratio: 0.5, signed_value_ratio: 0.5 });
    expect(inputs.get(unit.乙)?.variables).toMatchObject({ new_starts_ratio: 1, signed_value_ratio: 0 });
    // 丙 is left out of the breakdown: no target, 0 (not its own plan).
    expect(inputs.get(unit.丙)?.figures).toMatchObject({ new_starts_target: 0, new_starts_target_broken_down: 1 });
    expect(inputs.get(unit.丙)?.variables.new_starts_ratio).toBe(0);
  });
});

describeEachDatabase('assessment ranking notes: variables that read 0 for want of data', (t) => {
  it('a ranking taken before the variables had a source says they read 0 then; a ranking taken now keeps the figures', async () => {
    const { database, app } = t();
    const office = await signInAs(app, 'office');
    const regionCode = testConfig().regionCode;
    const unitId = (await insertUnit(database, { name: `考核旧排名单位${uniqueSuffix()}`, regionCode })).id;
    const [rule] = await database.db
      .insert(scoringRules)
      .values({ regionCode, year: 2001, version: 1, formula: '40 * 投资完成率 + 2 * fortune500_projects - late_reports' })
      .returning();
    const [snapshot] = await database.db
      .insert(scoreSnapshots)
      .values({ regionCode, year: 2001, month: 1, ruleId: rule?.id as string, ruleVersion: 1 })
      .returning();
    // As the snapshots before the sources landed stored them: the catalogue variables only, the five at 0.
    const legacy = {
      investment_completion: 0,
      new_starts_ratio: 0,
      signed_value_ratio: 0,
      pledges_done_ratio: 0,
      reports_on_time_ratio: 1,
      matters_closed_on_time_ratio: 1,
      red_months: 0,
      fortune500_projects: 0,
      not_started_by_deadline: 0,
      late_reports: 0,
    };
    await database.db.insert(scoreSnapshotItems).values({
      snapshotId: snapshot?.id as string,
      unitId,
      unitName: '旧单位',
      score: 0,
      rank: 1,
      position: 1,
      terms: [],
      variables: legacy,
    });
    const old = (await office.get('/api/v1/assessment/scores?year=2001&month=1', { 'accept-language': 'zh-CN' })).json();
    expect(old.notes).toEqual(['生成本月排名时以下变量尚无数据来源，均按 0 计：投资完成率、五百强项目数']);

    const today = todayInChina();
    const current = { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
    const taken = await office.post('/api/v1/assessment/scores', current, { 'accept-language': 'zh-CN' });
    expect(taken.statusCode, taken.body).toBe(200);
    const ranking: { notes: string[]; items: { variables: Record<string, number> }[] } = taken.json();
    expect(ranking.items.length).toBeGreaterThan(1);
    for (const item of ranking.items)
      expect(Object.keys(item.variables)).toEqual(expect.arrayContaining(['year_plan_yuan', 'pledges_counted']));
    // The demo formula uses signed_value_ratio: the test district has no signing target broken down to units.
    expect(ranking.notes).toContain('签约额完成率暂无数据来源：目标指标中没有分解到单位的“签约项目合同额”指标，均按 0 计');
    expect(ranking.notes.some((n) => n.includes('生成本月排名时'))).toBe(false);
  });
});
