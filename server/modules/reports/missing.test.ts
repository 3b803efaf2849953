import { beforeAll, expect, it } from 'vitest';
import { FILLED, insertPeriod, insertProject, insertReport, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, OTHER_REGION, describeEachDatabase, errorOf, signInAs } from '../../test/harness';

type Counts = { total: number; overdue: boolean; units: { unitId: string; unitName: string; count: number }[] };
type Line = { id: string; projectId: string; projectName: string; status: string; unitId: string; unitName: string };
type Page = { items: Line[]; total: number; page: number; pageSize: number };

describeEachDatabase('未报送: counts by unit, and a unit’s reports a page at a time', (t) => {
  let office: Client;
  let unit: Client;
  let viewer: Client;
  let leader: Client;
  let otherAdmin: Client;
  let beiyuan: string;
  let housing: string;
  const base = '/api/v1/reporting-periods';

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unit = await signInAs(t().app, 'unit');
    viewer = await signInAs(t().app, 'viewer');
    leader = await signInAs(t().app, 'leader');
    otherAdmin = await signInAs(t().app, OTHER_REGION.adminUsername);
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
    housing = await unitIdByName(t().database, '区住房和城乡建设局');
  });

  /** A period where 北园 owes 3 (2 drafts, 1 returned) and has filed 2, 住建局 owes 1 (led by the leader) and filed 1. */
  async function world() {
    const { database } = t();
    const period = await insertPeriod(database, { deadline: '2001-01-25' });
    const leaderId = await userIdOf(database, 'leader');
    const owe = async (
      leadUnitId: string,
      status: 'draft' | 'returned' | 'submitted' | 'approved',
      name: string,
      leaderIds: string[] = [],
    ) => {
      const project = await insertProject(database, { leadUnitId, name, leaderIds });
      const report = await insertReport(database, period, { projectId: project.id, responsibleUnitId: leadUnitId, status, ...FILLED });
      return { project, report };
    };
    const b = [
      await owe(beiyuan, 'draft', '未报送甲'),
      await owe(beiyuan, 'returned', '未报送乙'),
      await owe(beiyuan, 'draft', '未报送丙'),
    ];
    await owe(beiyuan, 'submitted', '已报送甲');
    await owe(beiyuan, 'approved', '已审核甲');
    const h = await owe(housing, 'draft', '住建未报送', [leaderId]);
    await owe(housing, 'approved', '住建已审核');
    return { period, beiyuanMissing: b, housingMissing: h };
  }

  const countsOf = async (client: Client, periodId: string) => {
    const response = await client.get(`${base}/${periodId}/missing`);
    expect(response.statusCode).toBe(200);
    return response.json() as Counts;
  };
  /** Every line of one unit's list, read a page at a time. */
  const allLines = async (client: Client, periodId: string, unitId: string, pageSize: number) => {
    const lines: Line[] = [];
    for (let page = 1; ; page++) {
      const response = await client.get(`${base}/${periodId}/missing/reports?unitId=${unitId}&page=${page}&pageSize=${pageSize}`);
      expect(response.statusCode).toBe(200);
      const body = response.json() as Page;
      lines.push(...body.items);
      if (page * pageSize >= body.total) return { lines, total: body.total };
    }
  };

  it('answers counts per unit, most first, with no report rows; overdue after the deadline', async () => {
    const { period } = await world();
    const counts = await countsOf(office, period.id);
    expect(counts).toEqual({
      periodId: period.id,
      period: `${period.year}-${String(period.month).padStart(2, '0')}`,
      deadline: '2001-01-25',
      overdue: true,
      total: 4,
      units: [
        { unitId: beiyuan, unitName: '北园街道办事处', count: 3 },
        { unitId: housing, unitName: '区住房和城乡建设局', count: 1 },
      ],
    });
    const upcoming = await insertPeriod(t().database);
    expect(await countsOf(office, upcoming.id)).toMatchObject({ overdue: false, total: 0, units: [] });
  });

  it('in every reader’s scope, a unit’s count equals the lines its pages list', async () => {
    const { period, beiyuanMissing } = await world();
    for (const [client, expected] of [
      [office, { [beiyuan]: 3, [housing]: 1 }],
      [viewer, { [beiyuan]: 3, [housing]: 1 }],
      [unit, { [beiyuan]: 3 }],
      [leader, { [housing]: 1 }],
    ] as const) {
      const counts = await countsOf(client, period.id);
      expect(Object.fromEntries(counts.units.map((u) => [u.unitId, u.count]))).toEqual(expected);
      expect(counts.total).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
      for (const line of counts.units) {
        const { lines, total } = await allLines(client, period.id, line.unitId, 2);
        expect(total).toBe(line.count);
        expect(lines).toHaveLength(line.count);
        expect(new Set(lines.map((l) => l.id)).size).toBe(line.count);
        expect(lines.every((l) => l.unitId === line.unitId && l.unitName === line.unitName)).toBe(true);
        expect(lines.every((l) => l.status === 'draft' || l.status === 'returned')).toBe(true);
      }
      // Without a unit: every line of every unit the reader sees.
      const all = (await client.get(`${base}/${period.id}/missing/reports?pageSize=200`)).json() as Page;
      expect(all.total).toBe(counts.total);
    }
    // The unit clerk's lines are his own unit's, by project name, each naming the project and the report.
    const mine = (await unit.get(`${base}/${period.id}/missing/reports?unitId=${beiyuan}`)).json() as Page;
    expect(mine.items.map((l) => l.projectName)).toEqual(['未报送丙', '未报送乙', '未报送甲'].sort());
    const first = beiyuanMissing.find((m) => m.project.name === mine.items[0]?.projectName);
    expect(mine.items[0]).toMatchObject({ id: first?.report.id, projectId: first?.project.id });
  });

  it('pages a unit’s list: page size, later pages, a page past the end empty with the total', async () => {
    const { period } = await world();
    const url = (q: string) => `${base}/${period.id}/missing/reports?unitId=${beiyuan}&${q}`;
    const one = (await office.get(url('page=1&pageSize=2'))).json() as Page;
    expect(one).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(one.items.map((l) => l.projectName)).toEqual(['未报送丙', '未报送乙', '未报送甲'].sort().slice(0, 2));
    const two = (await office.get(url('page=2&pageSize=2'))).json() as Page;
    expect(two).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(two.items.map((l) => l.projectName)).toEqual(['未报送丙', '未报送乙', '未报送甲'].sort().slice(2));
    const past = (await office.get(url('page=5&pageSize=2'))).json() as Page;
    expect(past).toMatchObject({ items: [], total: 3, page: 5 });
    expect(((await office.get(url(''))).json() as Page).pageSize).toBe(20);
  });

  it('refuses a unit out of reach or a malformed query with 400 naming the field; another district’s period is 404', async () => {
    const { period } = await world();
    // The unit clerk's scope is 北园: 住建局 owes nothing he sees.
    const refused = await unit.get(`${base}/${period.id}/missing/reports?unitId=${housing}`);
    expect(refused.statusCode).toBe(400);
    expect(errorOf(refused).details).toEqual([{ path: 'query.unitId', message: '所选单位不存在或不在您的数据范围内' }]);
    const unknown = await office.get(`${base}/${period.id}/missing/reports?unitId=${crypto.randomUUID()}`);
    expect(errorOf(unknown).details).toEqual([{ path: 'query.unitId', message: '所选单位不存在或不在您的数据范围内' }]);
    // The leader in charge reaches 住建局 through the project he leads, though the unit is not in his data scope.
    expect((await leader.get(`${base}/${period.id}/missing/reports?unitId=${housing}`)).statusCode).toBe(200);
    for (const query of ['unitId=abc', 'page=0', 'pageSize=201', 'colour=red']) {
      const bad = await office.get(`${base}/${period.id}/missing/reports?${query}`);
      expect(bad.statusCode, query).toBe(400);
    }
    for (const path of [`${base}/${period.id}/missing`, `${base}/${period.id}/missing/reports`]) {
      expect((await otherAdmin.get(path)).statusCode).toBe(404);
    }
  });
});
