import { eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { commitments, indicatorBreakdowns, indicators, matters } from '../../db/schema';
import { thisYear, unitIdByName, uniqueSuffix } from '../../test/factories';
import { type Client, anonymous, describeEachDatabase, errorOf, lastAuditEvent, signInAs } from '../../test/harness';

type IndicatorJson = {
  id: string;
  regionCode: string;
  name: string;
  version: number;
  targetValue: string;
  qualifier: string;
  measure: string;
  kind: string;
  source: string;
  actual: string | null;
  actualMonth: number | null;
  standing: string;
  progress: { completionRate: number | null; gapPoints: number | null } | null;
  abilities: Record<string, boolean>;
  breakdown?: { unitId: string; targetValue: string }[];
  actuals?: { month: number; value: string; note: string | null }[];
};

describeEachDatabase('targets API: indicators', (t) => {
  let office: Client;
  let unit: Client;
  let beiyuan: string;
  let housing: string;
  const year = thisYear();
  const month = Number(todayInChina().slice(5, 7));
  const put = (client: Client, url: string, body: unknown) => client.request('PUT', url, body);
  const list = async (client: Client): Promise<IndicatorJson[]> =>
    (await client.get(`/api/v1/targets/indicators?year=${year}`)).json().items;
  // The district's own indicator of the name (the city's of the same name, broken down to it, is listed too).
  const byName = async (client: Client, name: string) => (await list(client)).find((i) => i.name === name && i.regionCode === '370105');

  const body = (extra: Record<string, unknown> = {}) => ({
    year,
    name: `测试指标${uniqueSuffix()}`,
    measure: 'wan_m2',
    kind: 'level',
    targetValue: '100',
    qualifier: 'above',
    direction: 'at_least',
    ownerUnitId: beiyuan,
    source: 'entered',
    computation: null,
    ...extra,
  });
  async function create(extra: Record<string, unknown> = {}): Promise<IndicatorJson> {
    const response = await office.post('/api/v1/targets/indicators', body(extra));
    expect(response.statusCode, response.body).toBe(201);
    return response.json();
  }

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
    housing = await unitIdByName(t().database, '区住房和城乡建设局');
  });

  it("loads the demo district's published targets for this year, the computed ones computed", async () => {
    const items = await list(office);
    // The district's own indicators (its list also holds the city's indicators broken down to it).
    const target = (name: string) => items.find((i) => i.name === name && i.regionCode === '370105');
    expect(target('地区生产总值增长')).toMatchObject({ targetValue: '6.5', qualifier: 'about', measure: 'percent', kind: 'growth' });
    expect(target('一般公共预算收入增长')?.targetValue).toBe('7');
    expect(target('固定资产投资增长')?.targetValue).toBe('5.5');
    expect(target('规模以上工业增加值增长')?.targetValue).toBe('9.5');
    expect(target('社会消费品零售总额增长')?.targetValue).toBe('5.5');
    expect(target('进出口总额增长')?.targetValue).toBe('5');
    expect(target('实际使用外资')).toMatchObject({ targetValue: '7000', measure: 'wan_usd' });
    expect(target('居民人均可支配收入增长')?.targetValue).toBe('5.5');
    expect(target('实施重点项目')).toMatchObject({ targetValue: '133', source: 'computed', measure: 'item' });
    expect(target('重点项目总投资')).toMatchObject({ targetValue: '1200', source: 'computed', measure: 'yi_yuan' });
    expect(target('新开工项目')).toMatchObject({ targetValue: '50', qualifier: 'above', source: 'computed' });
    expect(target('完成投资')).toMatchObject({ targetValue: '240', qualifier: 'above', source: 'computed' });
    expect(target('供地面积')).toMatchObject({ targetValue: '3000', measure: 'mu' });
    expect(target('完成拆迁')).toMatchObject({ targetValue: '300', measure: 'wan_m2' });
    expect(target('新开工建设面积')).toMatchObject({ targetValue: '300', measure: 'wan_m2' });
    expect(target('新建安置房')).toMatchObject({ targetValue: '4000', measure: 'dwelling' });
    expect(target('老旧小区改造')).toMatchObject({ targetValue: '160', measure: 'wan_m2' });
    // The demo's 133 projects are all on the district's key list: the computation finds them.
    expect(target('实施重点项目')?.actual).toBe('133');
    expect(Number(target('重点项目总投资')?.actual)).toBeGreaterThan(1150);
    for (const item of items) expect(item.standing.length, item.name).toBeGreaterThan(0);
    if (month > 1) {
      // Entered ones carry last month's year-to-date figure and read against time in words.
      expect(target('实际使用外资')?.actualMonth).toBe(month - 1);
      expect(target('实际使用外资')?.standing).toMatch(/^完成年度目标的\d+\.\d%，(快于|慢于)时间进度\d+\.\d个百分点$|与时间进度持平$/);
      expect(target('地区生产总值增长')?.standing).toMatch(/^增长\d+\.\d%，/);
    }
  });

  it('answers 401 signed out', async () => {
    const guest = anonymous(t().app);
    expect((await guest.get('/api/v1/targets/indicators')).statusCode).toBe(401);
    expect((await guest.post('/api/v1/targets/indicators', body())).statusCode).toBe(401);
  });

  it('sets an indicator (audited), and refuses a target in the wrong unit, naming the field, saving nothing', async () => {
    const created = await create();
    expect(created).toMatchObject({ targetValue: '100', actual: null, standing: '暂无实际数' });
    expect((await lastAuditEvent(t().database, 'targets.create_indicator', created.id))?.after).toMatchObject({ targetValue: '100' });

    const name = `错误单位${uniqueSuffix()}`;
    const growthInYi = await office.post('/api/v1/targets/indicators', body({ name, kind: 'growth', measure: 'yi_yuan' }));
    expect(growthInYi.statusCode).toBe(400);
    expect(errorOf(growthInYi).details).toEqual([{ path: 'measure', message: `“${name}”应以“%”为计量单位，不能以“亿元”设定` }]);
    const computedInWan = await office.post(
      '/api/v1/targets/indicators',
      body({ name, source: 'computed', computation: 'investment_completed', measure: 'wan_yuan' }),
    );
    expect(errorOf(computedInWan).details?.[0]).toMatchObject({ path: 'measure' });
    const notANumber = await office.post('/api/v1/targets/indicators', body({ name, targetValue: '1,200' }));
    expect(errorOf(notANumber).details?.[0]?.path).toBe('targetValue');
    const rows = await t().database.db.select().from(indicators).where(eq(indicators.name, name));
    expect(rows).toHaveLength(0);
    // The unit may not set indicators.
    expect((await unit.post('/api/v1/targets/indicators', body())).statusCode).toBe(403);
  });

  it('lets the owner unit enter a monthly actual with a note, and reads it against time; a future month is refused', async () => {
    const created = await create({ targetValue: '120' });
    const entered = await put(unit, `/api/v1/targets/indicators/${created.id}/actuals/${month}`, { value: '60', note: '1-N月累计' });
    expect(entered.statusCode, entered.body).toBe(200);
    const json: IndicatorJson = entered.json();
    expect(json).toMatchObject({ actual: '60', actualMonth: month });
    expect(json.actuals).toEqual([expect.objectContaining({ month, value: '60', note: '1-N月累计' })]);
    expect(json.progress?.completionRate).toBe(0.5);
    expect(json.standing).toMatch(/^完成年度目标的50\.0%，/);
    expect((await lastAuditEvent(t().database, 'targets.enter_actual', created.id))?.after).toMatchObject({ month, value: '60' });

    const nextYear = await create({ year: year + 1 });
    const refused = await put(unit, `/api/v1/targets/indicators/${nextYear.id}/actuals/1`, { value: '1' });
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details).toEqual([{ path: 'month', message: `${year + 1}年1月尚未到来，不能填报该月实际数` }]);
    expect((await office.get(`/api/v1/targets/indicators/${nextYear.id}`)).json().actuals).toEqual([]);
    if (month < 12) {
      const later = await put(unit, `/api/v1/targets/indicators/${created.id}/actuals/${month + 1}`, { value: '70' });
      expect(errorOf(later).details?.[0]?.path).toBe('month');
    }
  });

  it('refuses an actual for a computed indicator, and to a unit that does not own it', async () => {
    const computed = await create({ source: 'computed', computation: 'new_starts', measure: 'item', targetValue: '10' });
    expect((await put(office, `/api/v1/targets/indicators/${computed.id}/actuals/1`, { value: '3' })).statusCode).toBe(409);
    const renovation = await byName(unit, '老旧小区改造');
    // The clerk sees it (北园 has a share of it) but housing owns it.
    expect(renovation?.abilities.enter).toBe(false);
    const refused = await put(unit, `/api/v1/targets/indicators/${renovation?.id}/actuals/1`, { value: '3' });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).message).toContain('区住房和城乡建设局');
  });

  it('breaks an indicator down to units that sum back to its target; a breakdown that does not sum names the difference and saves nothing', async () => {
    const created = await create({ targetValue: '100.5', ownerUnitId: housing });
    const wrong = await put(office, `/api/v1/targets/indicators/${created.id}/breakdown`, {
      version: created.version,
      items: [
        { unitId: beiyuan, targetValue: '60' },
        { unitId: housing, targetValue: '40' },
      ],
    });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).details).toEqual([
      { path: 'items', message: '分解到单位的目标合计 100万平方米，与指标目标 100.5万平方米 相差 0.5万平方米，请调整后保存' },
    ]);
    expect(await t().database.db.select().from(indicatorBreakdowns).where(eq(indicatorBreakdowns.indicatorId, created.id))).toEqual([]);
    const right = await put(office, `/api/v1/targets/indicators/${created.id}/breakdown`, {
      version: created.version,
      items: [
        { unitId: beiyuan, targetValue: '60.2' },
        { unitId: housing, targetValue: '40.3' },
      ],
    });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().breakdown).toEqual(
      expect.arrayContaining([
        { unitId: beiyuan, unitName: '北园街道办事处', targetValue: '60.2' },
        expect.objectContaining({ unitId: housing, targetValue: '40.3' }),
      ]),
    );
    expect(right.json().version).toBe(created.version + 1);
    expect(await lastAuditEvent(t().database, 'targets.set_breakdown', created.id)).toBeTruthy();
    // The unit it is broken down to now sees it; it cannot enter it.
    expect((await byName(unit, created.name))?.abilities).toMatchObject({ enter: false, update: false });
  });

  it('shows a unit only the indicators it owns or has a share of; the office all of its district', async () => {
    const owned = await create();
    const other = await create({ ownerUnitId: housing });
    const seen = (await list(unit)).map((i) => i.name);
    expect(seen).toContain(owned.name);
    expect(seen).toContain('老旧小区改造');
    expect(seen).not.toContain(other.name);
    expect(seen).not.toContain('地区生产总值增长');
    expect((await unit.get(`/api/v1/targets/indicators/${other.id}`)).statusCode).toBe(404);
    expect((await list(office)).map((i) => i.name)).toEqual(expect.arrayContaining([owned.name, other.name, '地区生产总值增长']));
  });
});

describeEachDatabase('targets API: pledges and 民生实事', (t) => {
  let office: Client;
  let unit: Client;
  let beiyuan: string;
  const year = thisYear();
  const month = Number(todayInChina().slice(5, 7));
  type CommitmentJson = {
    id: string;
    title: string;
    version: number;
    late: boolean;
    done: boolean;
    unitId: string;
    matterId: string | null;
    latestValue: string | null;
    abilities: Record<string, boolean>;
  };
  const listOf = async (client: Client, kind: string): Promise<CommitmentJson[]> =>
    (await client.get(`/api/v1/commitments?kind=${kind}&year=${year}`)).json().items;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  it("loads the demo's pledges and ten 民生实事; a unit sees only its own", async () => {
    const pledges = await listOf(office, 'pledge');
    expect(pledges.map((p) => p.title)).toEqual(
      expect.arrayContaining(['打通断头路', '建设公共停车场', '新增停车泊位', '培训物业服务管理人员']),
    );
    expect(await listOf(office, 'livelihood')).toHaveLength(10);
    const own = [...(await listOf(unit, 'pledge')), ...(await listOf(unit, 'livelihood'))];
    expect(own.length).toBeGreaterThan(0);
    for (const c of own) expect(c.unitId).toBe(beiyuan);
  });

  it('takes monthly progress with evidence from the unit, marks done by the office, refuses a future month', async () => {
    const created = await office.post('/api/v1/commitments', {
      kind: 'pledge',
      year,
      unitId: beiyuan,
      title: `加装电梯${uniqueSuffix()}`,
      targetValue: '10',
      measure: 'item',
      deadline: `${year}-12-31`,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const progress = await unit.request('PUT', `/api/v1/commitments/${id}/progress/${month}`, {
      value: '4',
      evidence: '竣工验收单 https://example.gov.cn/a',
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({ latestValue: '4', latestMonth: month, completionRate: 0.4 });
    expect(progress.json().progress[0]).toMatchObject({ month, value: '4', evidence: '竣工验收单 https://example.gov.cn/a' });
    if (month < 12) {
      const future = await unit.request('PUT', `/api/v1/commitments/${id}/progress/${month + 1}`, { value: '5', evidence: '提前填报' });
      expect(errorOf(future).details?.[0]?.path).toBe('month');
    }
    expect((await unit.post(`/api/v1/commitments/${id}/done`, { version: progress.json().version, done: true })).statusCode).toBe(403);
    const done = await office.post(`/api/v1/commitments/${id}/done`, { version: progress.json().version, done: true });
    expect(done.json()).toMatchObject({ done: true, doneOn: todayInChina() });
    expect(await lastAuditEvent(t().database, 'targets.mark_done', id)).toBeTruthy();
  });

  it('raises a matter on a late one, led by its unit, once; one not late is refused', async () => {
    const late = (await listOf(office, 'pledge')).find((p) => p.late && !p.matterId);
    if (!late) return; // In the first three weeks of January nothing of the demo is late yet.
    const raised = await office.post(`/api/v1/commitments/${late.id}/raise-matter`, {
      version: late.version,
      deadline: addDays(todayInChina(), 15),
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const matterId = raised.json().raisedMatterId;
    const [matter] = await t().database.db.select().from(matters).where(eq(matters.id, matterId));
    expect(matter).toMatchObject({ source: 'inspection', leadUnitId: late.unitId, title: `军令状“${late.title}”逾期未完成` });
    const [stored] = await t().database.db.select().from(commitments).where(eq(commitments.id, late.id));
    expect(stored?.matterId).toBe(matterId);
    const again = await office.post(`/api/v1/commitments/${late.id}/raise-matter`, {
      version: raised.json().version,
      deadline: addDays(todayInChina(), 15),
    });
    expect(again.statusCode).toBe(409);
    const onTime = (await listOf(office, 'pledge')).find((p) => !p.late);
    const refused = await office.post(`/api/v1/commitments/${onTime?.id}/raise-matter`, {
      version: onTime?.version,
      deadline: addDays(todayInChina(), 15),
    });
    expect(refused.statusCode).toBe(409);
  });
});
