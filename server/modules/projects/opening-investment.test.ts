import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { todayInChina } from '../../../common/domain/dates';
import { projects } from '../../db/schema';
import { FILLED, insertPeriod, insertProject, insertReport, unitIdByName } from '../../test/factories';
import { type Client, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

const WAN = 10_000;

// 期初累计完成投资 (docs/adr/0010-opening-completed-investment.md): what a project had completed before its reports in
// Lantu, as of a month's end. Every since-start figure is that amount plus the approved reports of the later months.
describeEachDatabase('projects: investment completed before Lantu (期初累计完成投资)', (t) => {
  let office: Client;
  let unit: Client;
  let beiyuan: string;
  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  const patch = (client: Client, project: { id: string; version: number }, body: Record<string, unknown>) =>
    client.patch(`/api/v1/projects/${project.id}`, { version: project.version, ...body });
  const stored = async (id: string) => (await t().database.db.select().from(projects).where(eq(projects.id, id)))[0];

  // Periods of this file sit in 2015–2016, months no other helper of the file takes.
  const periods = new Map<string, Awaited<ReturnType<typeof insertPeriod>>>();
  async function periodOf(year: number, month: number) {
    const key = `${year}-${month}`;
    const period = periods.get(key) ?? (await insertPeriod(t().database, { year, month }));
    periods.set(key, period);
    return period;
  }
  async function reportOf(projectId: string, year: number, month: number, status: 'approved' | 'submitted' | 'draft', yuan: number) {
    return insertReport(t().database, await periodOf(year, month), {
      projectId,
      responsibleUnitId: beiyuan,
      ...FILLED,
      status,
      investmentYuan: yuan,
    });
  }

  it('refuses an opening amount that does not hold, naming the field in the reader’s language, and writes nothing', async () => {
    const project = await insertProject(t().database, { leadUnitId: beiyuan, totalInvestmentYuan: 100_000_000 });
    const cases: [Record<string, unknown>, string, string, string][] = [
      [
        { openingCompletedYuan: 120_000_000, openingCompletedAsOf: '2024-12-31' },
        'openingCompletedYuan',
        '期初累计完成投资不能大于总投资',
        'cannot exceed the total investment',
      ],
      [{ openingCompletedYuan: 10_000_000 }, 'openingCompletedAsOf', '请注明截至哪一月月底', 'Give the month-end'],
      [{ openingCompletedAsOf: '2024-12-31' }, 'openingCompletedYuan', '请同时填写期初累计完成投资', 'give the amount too'],
      [
        { openingCompletedYuan: 10_000_000, openingCompletedAsOf: '2024-12-15' },
        'openingCompletedAsOf',
        '应为某月的最后一天',
        'last day of a month',
      ],
      [{ openingCompletedYuan: 10_000_000, openingCompletedAsOf: '2199-12-31' }, 'openingCompletedAsOf', '不能晚于本月', 'after this one'],
      [{ openingCompletedYuan: -1, openingCompletedAsOf: '2024-12-31' }, 'openingCompletedYuan', '金额不能为负数', 'negative'],
    ];
    const english = new Map<string, { body: Record<string, unknown>; en: string }>();
    for (const [body, path, zh, en] of cases) {
      const chinese = await patch(office, project, body);
      expect(chinese.statusCode, JSON.stringify(body)).toBe(400);
      expect(errorOf(chinese).details?.[0], JSON.stringify(body)).toMatchObject({ path });
      expect(errorOf(chinese).details?.[0]?.message).toContain(zh);
      english.set(path + zh, { body, en });
    }
    // The same refusals in English (the user's own language setting).
    expect((await office.patch('/api/v1/auth/preferences', { locale: 'en-US' })).statusCode).toBe(200);
    try {
      for (const { body, en } of english.values()) {
        const refused = await patch(office, project, body);
        expect(errorOf(refused).details?.[0]?.message, JSON.stringify(body)).toContain(en);
      }
    } finally {
      await office.patch('/api/v1/auth/preferences', { locale: 'zh-CN' });
    }
    // Lowering the total below a stated opening amount is refused on the opening amount.
    const withOpening = await patch(office, project, { openingCompletedYuan: 60_000_000, openingCompletedAsOf: '2024-12-31' });
    expect(withOpening.statusCode).toBe(200);
    const lowered = await patch(office, withOpening.json(), { totalInvestmentYuan: 50_000_000 });
    expect(errorOf(lowered).details?.[0]).toMatchObject({ path: 'openingCompletedYuan' });
    expect(await stored(project.id)).toMatchObject({ totalInvestmentYuan: 100_000_000, openingCompletedYuan: 60_000_000 });
  });

  it('stores the amount and its month-end for the project office, audited, shown on the project; a unit may not change it', async () => {
    const project = await insertProject(t().database, { leadUnitId: beiyuan, totalInvestmentYuan: 100_000_000 });
    const saved = await patch(office, project, { openingCompletedYuan: 35_000_000, openingCompletedAsOf: '2024-12-31' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ openingCompletedYuan: 35_000_000, openingCompletedAsOf: '2024-12-31' });
    expect(await stored(project.id)).toMatchObject({ openingCompletedYuan: 35_000_000, openingCompletedAsOf: '2024-12-31' });
    const event = await lastAuditEvent(t().database, 'projects.update', project.id);
    expect(event?.before).toMatchObject({ openingCompletedYuan: null, openingCompletedAsOf: null });
    expect(event?.after).toMatchObject({ openingCompletedYuan: 35_000_000, openingCompletedAsOf: '2024-12-31' });

    // The lead unit's staff edit the project but not its standing: the opening amount is the project office's.
    const byUnit = await patch(unit, saved.json(), { openingCompletedYuan: 90_000_000 });
    expect(byUnit.statusCode).toBe(403);
    expect(errorOf(byUnit).details?.[0]).toMatchObject({ path: 'openingCompletedYuan' });
    expect(errorOf(byUnit).details?.[0]?.message).toContain('期初累计完成投资');
    expect((await stored(project.id))?.openingCompletedYuan).toBe(35_000_000);
    // Cleared together, nothing was done before Lantu.
    const cleared = await patch(office, saved.json(), { openingCompletedYuan: null, openingCompletedAsOf: null });
    expect(cleared.json()).toMatchObject({ openingCompletedYuan: null, openingCompletedAsOf: null });
  });

  it('counts since start the opening amount and the approved reports of the months after it, never those it covers', async () => {
    const project = await insertProject(t().database, {
      leadUnitId: beiyuan,
      totalInvestmentYuan: 100_000_000,
      openingCompletedYuan: 4_000 * WAN,
      openingCompletedAsOf: '2015-12-31',
    });
    // November 2015 is inside the opening amount (typed again from last year's ledger): not counted twice.
    await reportOf(project.id, 2015, 11, 'approved', 700 * WAN);
    await reportOf(project.id, 2016, 1, 'approved', 300 * WAN);
    await reportOf(project.id, 2016, 2, 'submitted', 999 * WAN);
    await reportOf(project.id, 2016, 3, 'approved', 200 * WAN);
    const progress = async (asOf: string) =>
      (await office.get(`/api/v1/projects/${project.id}/progress?year=${asOf.slice(0, 4)}&asOf=${asOf}`)).json();

    expect(await progress('2016-03-31')).toMatchObject({
      completedYuan: 500 * WAN,
      completedSinceStartYuan: 4_500 * WAN,
      openingCompletedYuan: 4_000 * WAN,
      openingCompletedAsOf: '2015-12-31',
    });
    expect(await progress('2016-02-29')).toMatchObject({ completedYuan: 300 * WAN, completedSinceStartYuan: 4_300 * WAN });
    // In its own month the opening amount stands alone. Before its month-end nothing counts: the months it covers
    // are its own, and it stands only at the date it is as of.
    expect(await progress('2015-12-31')).toMatchObject({ completedSinceStartYuan: 4_000 * WAN });
    expect(await progress('2015-11-30')).toMatchObject({ completedSinceStartYuan: 0 });

    // A project without one: since start is its approved reports alone, as before.
    const plain = await insertProject(t().database, { leadUnitId: beiyuan, totalInvestmentYuan: 100_000_000 });
    await reportOf(plain.id, 2015, 11, 'approved', 700 * WAN);
    await reportOf(plain.id, 2016, 1, 'approved', 300 * WAN);
    const plainProgress = (await office.get(`/api/v1/projects/${plain.id}/progress?year=2016&asOf=2016-03-31`)).json();
    expect(plainProgress).toMatchObject({ completedSinceStartYuan: 1_000 * WAN, openingCompletedYuan: null, openingCompletedAsOf: null });
  });

  it('checks a submitted amount against the total less the opening amount and the approved reports after it', async () => {
    // 1亿 in total; 8,000万 before Lantu and 1,000万 approved since: 1,000万 remain (November's 500万 is in the opening).
    const project = await insertProject(t().database, {
      leadUnitId: beiyuan,
      totalInvestmentYuan: 10_000 * WAN,
      openingCompletedYuan: 8_000 * WAN,
      openingCompletedAsOf: '2015-12-31',
    });
    await reportOf(project.id, 2015, 11, 'approved', 500 * WAN);
    await reportOf(project.id, 2016, 4, 'approved', 1_000 * WAN);
    const draft = await reportOf(project.id, 2016, 5, 'draft', 2_000 * WAN);
    const refused = await unit.post(`/api/v1/progress-reports/${draft.id}/submit`, { version: draft.version });
    expect(refused.statusCode).toBe(422);
    expect(errorOf(refused)).toMatchObject({ code: 'large_amount_unconfirmed', details: [{ path: 'investmentYuan' }] });
    expect(errorOf(refused).message).toContain('20000000 元超过项目剩余投资 10000000 元');
    expect(errorOf(refused).message).toContain('期初累计完成');

    const exact = await reportOf(project.id, 2016, 6, 'draft', 1_000 * WAN);
    expect((await unit.post(`/api/v1/progress-reports/${exact.id}/submit`, { version: exact.version })).statusCode).toBe(200);
  });

  it('is today’s month at the latest: the current month’s end is accepted', async () => {
    const today = todayInChina();
    const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
    const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
    const project = await insertProject(t().database, { leadUnitId: beiyuan, totalInvestmentYuan: 100_000_000 });
    const saved = await patch(office, project, { openingCompletedYuan: 0, openingCompletedAsOf: monthEnd });
    expect(saved.statusCode).toBe(200);
  });
});
