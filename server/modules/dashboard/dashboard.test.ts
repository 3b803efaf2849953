import { eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { addDays, todayInChina } from '../../../common/domain/dates';
import { createAccount, ensureRootUnit } from '../../db/accounts';
import { annualPlans, progressReports, projectMonthInvestment, projects, users } from '../../db/schema';
import { rowsOf } from '../../db/migrate';
import { refreshDashboardFigures } from '../projects';
import { type UnitRecord, insertMatter, insertPeriod, insertProject, insertReport, insertUnit, userIdOf } from '../../test/factories';
import { type Client, OTHER_REGION, TEST_PASSWORD, describeEachDatabase, signInAs } from '../../test/harness';

type Dashboard = {
  year: number;
  kpis: {
    projects: { count: number; totalInvestmentYuan: number; drill: string };
    annual: {
      plannedYuan: number;
      completedYuan: number;
      completionRate: number;
      timeElapsedRate: number;
      gapPoints: number;
      words: string;
      drill: string;
    };
    newStarts: { count: number; drill: string; planned: number; plannedDrill: string };
    warnings: Record<'red' | 'yellow' | 'green', { count: number; drill: string }>;
    matters: { open: number; overdue: number; openDrill: string; overdueDrill: string };
  };
  monthly: { month: number; plannedYuan: number; completedYuan: number; cumulativeCompletedYuan: number; cumulativePlannedYuan: number }[];
  byUnit: { key: string; count: number; plannedYuan: number; completedYuan: number; drill: string }[];
  byCategory: { key: string; count: number; completedYuan: number; drill: string }[];
  pools: { pool: string; count: number; drill: string }[];
  warningsByUnit: { key: string; red: number; drill: string }[];
  mattersByState: { status: string; count: number; drill: string }[];
  attention: { id: string; colour: string; reasons: string[] }[];
};

/** The API answer a drill-down path (`/projects?…`) stands for: the list's totals, or the board's total. */
const projectTotalsOf = async (client: Client, drill: string) => {
  const [path, search] = drill.split('?');
  expect(path).toBe('/projects');
  return (await client.get(`/api/v1/projects/totals?${search}`)).json() as {
    count: number;
    totalInvestmentYuan: number;
    annualPlanYuan: number;
  };
};
const matterTotalOf = async (client: Client, drill: string) => {
  const [path, search] = drill.split('?');
  expect(path).toBe('/matters');
  return ((await client.get(`/api/v1/matters?${search}`)).json() as { total: number }).total;
};

describeEachDatabase('dashboard', (t) => {
  let office: Client;
  let unitClerk: Client;
  let lixia: Client;
  let city: Client;
  let unit: UnitRecord;
  let year: number;
  let firstMonth: number;
  const ids: Record<'p1' | 'p2' | 'p3', string> = { p1: '', p2: '', p3: '' };
  const db = () => t().database.db;

  const approve = async (reportId: string) => {
    const response = await office.post(`/api/v1/progress-reports/${reportId}/approve`, { version: 1 });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    const { database } = t();
    office = await signInAs(t().app, 'office');
    unitClerk = await signInAs(t().app, 'unit');
    lixia = await signInAs(t().app, OTHER_REGION.adminUsername);
    unit = await insertUnit(database, { regionCode: '370105', name: '驾驶舱测试局' });
    // The built data set: three projects of the unit, planned for a past year, reports approved, returned and owed.
    const first = await insertPeriod(database);
    year = first.year;
    firstMonth = first.month;
    const second = await insertPeriod(database, { year, month: firstMonth === 12 ? 11 : firstMonth + 1 });
    const p1 = await insertProject(database, {
      leadUnitId: unit.id,
      nature: 'new_start',
      actualStart: `${year}-01-15`,
      totalInvestmentYuan: 100_000_000,
      categoryCode: 'industrial',
    });
    const p2 = await insertProject(database, {
      leadUnitId: unit.id,
      nature: 'continuing',
      actualStart: `${year - 1}-05-20`,
      totalInvestmentYuan: 50_000_000,
      categoryCode: 'infrastructure',
    });
    const p3 = await insertProject(database, {
      leadUnitId: unit.id,
      pool: 'advancing',
      nature: 'reserve',
      totalInvestmentYuan: 8_000_000,
      categoryCode: 'industrial',
    });
    Object.assign(ids, { p1: p1.id, p2: p2.id, p3: p3.id });
    await db()
      .insert(annualPlans)
      .values([
        { projectId: p1.id, year, plannedYuan: 12_000_000, monthlyYuan: Array.from({ length: 12 }, () => 1_000_000) },
        { projectId: p2.id, year, plannedYuan: 6_000_000, monthlyYuan: Array.from({ length: 12 }, () => 500_000) },
        { projectId: p3.id, year, plannedYuan: 0, monthlyYuan: Array.from({ length: 12 }, () => 0) },
      ]);
    const submitted = { status: 'submitted' as const, progressText: '施工中', progressPercent: 30 };
    const r1 = await insertReport(database, first, {
      projectId: p1.id,
      responsibleUnitId: unit.id,
      investmentYuan: 3_000_000,
      ...submitted,
    });
    const r2 = await insertReport(database, first, {
      projectId: p2.id,
      responsibleUnitId: unit.id,
      investmentYuan: 1_000_000,
      ...submitted,
    });
    const r3 = await insertReport(database, second, {
      projectId: p1.id,
      responsibleUnitId: unit.id,
      investmentYuan: 2_000_000,
      ...submitted,
    });
    await insertReport(database, second, { projectId: p2.id, responsibleUnitId: unit.id, investmentYuan: 900_000 });
    await approve(r1.id);
    await approve(r2.id);
    const returned = await office.post(`/api/v1/progress-reports/${r3.id}/return`, { version: 1, reason: '投资额与凭证不符' });
    expect(returned.statusCode, returned.body).toBe(200);
    // Colours as the warnings would leave them: P2 red, P1 green, P3 yellow.
    await db().update(projects).set({ warningLevel: 3 }).where(eq(projects.id, p2.id));
    await db().update(projects).set({ warningLevel: 1 }).where(eq(projects.id, p1.id));
    await db().update(projects).set({ warningLevel: 2 }).where(eq(projects.id, p3.id));
    const raisedBy = await userIdOf(database, 'office');
    await insertMatter(database, { leadUnitId: unit.id, raisedBy, deadline: addDays(todayInChina(), -3) });
    await insertMatter(database, { leadUnitId: unit.id, raisedBy });
    await insertMatter(database, { leadUnitId: unit.id, raisedBy, status: 'closed' });
    // A project of 历下区, and a city reader (济南市) over both districts (the demo's districts have no projects in the
    // test's past year).
    const lixiaUnit = await db().transaction((tx) => ensureRootUnit(tx, OTHER_REGION.code, '历下区大数据局'));
    const lixiaProject = await insertProject(database, {
      regionCode: OTHER_REGION.code,
      leadUnitId: lixiaUnit,
      totalInvestmentYuan: 30_000_000,
    });
    await db()
      .insert(annualPlans)
      .values({ projectId: lixiaProject.id, year, plannedYuan: 1_200_000, monthlyYuan: Array.from({ length: 12 }, () => 100_000) });
    // The plans and colours above were written straight into the tables: their figures, as the services keep them.
    await refreshDashboardFigures(db(), [p1.id, p2.id, p3.id, lixiaProject.id]);
    const cityUnit = await db().transaction((tx) => ensureRootUnit(tx, '370100', '济南市发展和改革委员会'));
    await createAccount(
      db(),
      { ip: null, requestId: null },
      {
        username: 'jinan_office',
        displayName: '济南市项目办',
        unitId: cityUnit,
        roleCode: 'project_office',
        password: TEST_PASSWORD,
      },
    );
    await db().update(users).set({ mustChangePassword: false }).where(eq(users.username, 'jinan_office'));
    city = await signInAs(t().app, 'jinan_office');
  });

  const dashboardOf = async (client: Client, query: string) => {
    const response = await client.get(`/api/v1/dashboard?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Dashboard;
  };

  it('gives the unit’s figures as calculated by hand: projects, investment, the year against time, new starts, colours, matters', async () => {
    const d = await dashboardOf(office, `year=${year}&unitId=${unit.id}`);
    expect(d.kpis.projects.count).toBe(3);
    expect(d.kpis.projects.totalInvestmentYuan).toBe(158_000_000);
    // Approved only: 300万 + 100万; the returned 200万 and the draft do not count.
    expect(d.kpis.annual.plannedYuan).toBe(18_000_000);
    expect(d.kpis.annual.completedYuan).toBe(4_000_000);
    expect(d.kpis.annual.timeElapsedRate).toBe(1);
    expect(d.kpis.annual.gapPoints).toBe(-77.8);
    expect(d.kpis.annual.words).toBe('完成年度计划的22.2%，慢于时间进度77.8个百分点');
    // Started this year (p1), not the continuing project started last year; planned as 新开工: p1 too.
    expect(d.kpis.newStarts).toMatchObject({ count: 1, planned: 1 });
    expect([d.kpis.warnings.red.count, d.kpis.warnings.yellow.count, d.kpis.warnings.green.count]).toEqual([1, 1, 1]);
    expect(d.kpis.matters).toMatchObject({ open: 2, overdue: 1 });
    const month = d.monthly.find((m) => m.month === firstMonth);
    expect(month).toMatchObject({ plannedYuan: 1_500_000, completedYuan: 4_000_000 });
    expect(d.monthly.at(-1)).toMatchObject({ cumulativePlannedYuan: 18_000_000, cumulativeCompletedYuan: 4_000_000 });
    expect(d.byUnit).toEqual([expect.objectContaining({ key: unit.id, count: 3, plannedYuan: 18_000_000, completedYuan: 4_000_000 })]);
    expect(d.byCategory.find((c) => c.key === 'infrastructure')).toMatchObject({ count: 1, completedYuan: 1_000_000 });
    expect(d.pools.find((p) => p.pool === 'implementing')?.count).toBe(2);
    expect(d.pools.find((p) => p.pool === 'advancing')?.count).toBe(1);
    expect(d.mattersByState.find((s) => s.status === 'closed')?.count).toBe(1);
    expect(d.attention.map((a) => [a.id, a.colour])).toEqual([
      [ids.p2, 'red'],
      [ids.p3, 'yellow'],
    ]);
  });

  it('drills every figure into a list whose totals equal it', async () => {
    const d = await dashboardOf(office, `year=${year}&unitId=${unit.id}`);
    const all = await projectTotalsOf(office, d.kpis.projects.drill);
    expect(all).toMatchObject({
      count: d.kpis.projects.count,
      totalInvestmentYuan: d.kpis.projects.totalInvestmentYuan,
      annualPlanYuan: 18_000_000,
    });
    expect((await projectTotalsOf(office, d.kpis.newStarts.drill)).count).toBe(d.kpis.newStarts.count);
    expect((await projectTotalsOf(office, d.kpis.newStarts.plannedDrill)).count).toBe(d.kpis.newStarts.planned);
    for (const colour of ['red', 'yellow', 'green'] as const)
      expect((await projectTotalsOf(office, d.kpis.warnings[colour].drill)).count, colour).toBe(d.kpis.warnings[colour].count);
    for (const pool of d.pools) expect((await projectTotalsOf(office, pool.drill)).count, pool.pool).toBe(pool.count);
    for (const line of [...d.byUnit, ...d.byCategory]) expect((await projectTotalsOf(office, line.drill)).count).toBe(line.count);
    for (const line of d.warningsByUnit)
      expect((await projectTotalsOf(office, line.drill)).count).toBe(line.red + (line as unknown as { yellow: number }).yellow);
    expect(await matterTotalOf(office, d.kpis.matters.openDrill)).toBe(d.kpis.matters.open);
    expect(await matterTotalOf(office, d.kpis.matters.overdueDrill)).toBe(d.kpis.matters.overdue);
    for (const state of d.mattersByState) expect(await matterTotalOf(office, state.drill), state.status).toBe(state.count);
  });

  it('counts the colours by unit as the warnings summary does', async () => {
    const d = await dashboardOf(office, `year=${year}`);
    const summary = (await office.get(`/api/v1/warnings/summary?by=unit&year=${year}`)).json() as {
      groups: { key: string | null; red: number; yellow: number; green: number; total: number }[];
    };
    const byKey = <T extends { key: string | null }>(rows: T[]) => [...rows].sort((a, b) => String(a.key).localeCompare(String(b.key)));
    const pick = ({
      key,
      red,
      yellow,
      green,
      total,
    }: {
      key: string | null;
      red: number;
      yellow: number;
      green: number;
      total: number;
    }) => ({ key, red, yellow, green, total });
    expect(byKey(d.warningsByUnit.map((g) => pick(g as never))).length).toBeGreaterThan(0);
    expect(byKey(d.warningsByUnit.map((g) => pick(g as never)))).toEqual(byKey(summary.groups.map(pick)));
  });

  it('sums the whole district without a unit, and equals the list behind it', async () => {
    const d = await dashboardOf(office, `year=${year}`);
    const totals = await projectTotalsOf(office, d.kpis.projects.drill);
    expect(totals.count).toBe(d.kpis.projects.count);
    expect(totals.totalInvestmentYuan).toBe(d.kpis.projects.totalInvestmentYuan);
    expect(d.kpis.annual.plannedYuan).toBe(totals.annualPlanYuan);
  });

  it('refuses a drill-down to a unit out of the reader’s scope by name, the same as a unit that does not exist, and leaks nothing', async () => {
    const refusal = async (client: Client, unitId: string) => {
      const response = await client.get(`/api/v1/dashboard?year=${year}&unitId=${unitId}`);
      expect(response.statusCode).toBe(400);
      const error = (response.json() as { error: { details: { path: string; message: string }[] } }).error;
      expect(error.details).toEqual([{ path: 'query.unitId', message: '所选单位不存在或不在您的数据范围内' }]);
      return response.body.replaceAll(/"requestId":"[^"]+"/g, '');
    };
    // A clerk of another unit and another district's reader: the answer says nothing about the unit.
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const client of [unitClerk, lixia]) expect(await refusal(client, unit.id)).toBe(await refusal(client, unknown));
    // The list behind it leaks nothing either: it is simply empty for them.
    const d = await dashboardOf(office, `year=${year}&unitId=${unit.id}`);
    for (const client of [unitClerk, lixia]) expect((await projectTotalsOf(client, d.kpis.projects.drill)).count).toBe(0);
  });

  it('refuses a malformed filter with the field named', async () => {
    const response = await office.get('/api/v1/dashboard?unitId=not-a-unit&year=1800');
    expect(response.statusCode).toBe(400);
    const paths = (response.json() as { error: { details: { path: string }[] } }).error.details.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['query.unitId', 'query.year']));
  });

  it('shows a leader the projects he is in charge of with leader=me', async () => {
    const leaderId = await userIdOf(t().database, 'leader');
    await db().execute(sql`insert into project_leaders (project_id, user_id) values (${ids.p1}, ${leaderId}) on conflict do nothing`);
    const leader = await signInAs(t().app, 'leader');
    const d = await dashboardOf(leader, `year=${year}&leader=me&unitId=${unit.id}`);
    expect(d.kpis.projects.count).toBe(1);
    expect(d.kpis.annual.completedYuan).toBe(3_000_000);
    expect((await projectTotalsOf(leader, d.kpis.projects.drill)).count).toBe(1);
  });

  it('counts the matters by state as the board lists them, for a leader, a unit clerk, the office and a city reader', async () => {
    const database = t().database;
    const leaderId = await userIdOf(database, 'leader');
    const officeId = await userIdOf(database, 'office');
    const leader = await signInAs(t().app, 'leader');
    const clerkId = await userIdOf(database, 'unit');
    const stateCounts = async (client: Client) => {
      const d = await dashboardOf(client, `year=${year}`);
      return Object.fromEntries(d.mattersByState.map((s) => [s.status, s.count]));
    };
    const before = await stateCounts(leader);
    // A problem of a project he is in charge of (another unit's, raised by the office), his own 批示, and a matter of a
    // unit he has nothing to do with: the first two count for him, the third does not.
    const led = await insertProject(database, { leadUnitId: unit.id, leaderIds: [leaderId] });
    await insertMatter(database, { leadUnitId: unit.id, raisedBy: officeId, projectId: led.id, status: 'answered' });
    await insertMatter(database, { leadUnitId: unit.id, raisedBy: leaderId, source: 'leader_instruction', status: 'answered' });
    await insertMatter(database, { leadUnitId: unit.id, raisedBy: officeId, status: 'answered' });
    await insertMatter(database, { leadUnitId: unit.id, raisedBy: clerkId, status: 'accepted' });
    expect(await stateCounts(leader)).toEqual({ ...before, answered: (before.answered ?? 0) + 2 });
    for (const [who, client] of Object.entries({ leader, unitClerk, office, city })) {
      const d = await dashboardOf(client, `year=${year}`);
      for (const state of d.mattersByState) expect(await matterTotalOf(client, state.drill), `${who} ${state.status}`).toBe(state.count);
      expect(await matterTotalOf(client, d.kpis.matters.openDrill), who).toBe(d.kpis.matters.open);
      expect(await matterTotalOf(client, d.kpis.matters.overdueDrill), who).toBe(d.kpis.matters.overdue);
      expect(
        d.mattersByState.reduce((n, s) => n + s.count, 0),
        who,
      ).toBe(await matterTotalOf(client, '/matters?pageSize=1'));
    }
  });

  it('gives a city reader the districts side by side, each row drilling into its district', async () => {
    const response = await city.get(`/api/v1/dashboard/districts?year=${year}`);
    expect(response.statusCode, response.body).toBe(200);
    const { districts } = response.json() as {
      districts: {
        regionCode: string;
        name: string;
        projects: number;
        totalInvestmentYuan: number;
        red: number;
        rank: number;
        projectsDrill: string;
      }[];
    };
    expect(districts.map((d) => d.regionCode).sort()).toEqual(['370102', '370105']);
    expect(districts.map((d) => d.rank).sort()).toEqual([1, 2]);
    for (const row of districts) {
      const totals = await projectTotalsOf(city, row.projectsDrill);
      expect(totals.count, row.name).toBe(row.projects);
      expect(totals.totalInvestmentYuan, row.name).toBe(row.totalInvestmentYuan);
      const d = await dashboardOf(city, `year=${year}&regionCode=${row.regionCode}`);
      expect(d.kpis.projects.count).toBe(row.projects);
      expect(d.kpis.warnings.red.count).toBe(row.red);
    }
    // The city's own dashboard is the sum of its districts.
    const whole = await dashboardOf(city, `year=${year}`);
    expect(whole.kpis.projects.count).toBe(districts.reduce((n, d) => n + d.projects, 0));
    // A district's reader sees only his own district's row.
    const own = (await lixia.get(`/api/v1/dashboard/districts?year=${year}`)).json() as { districts: { regionCode: string }[] };
    expect(own.districts.map((d) => d.regionCode)).toEqual(['370102']);
  });

  it('keeps the month figures equal to the sums of the approved reports', async () => {
    const kept = await db().select().from(projectMonthInvestment).where(eq(projectMonthInvestment.year, year));
    const summed = rowsOf<{ projectId: string; month: number; yuan: string }>(
      await db().execute(sql`select project_id as "projectId", month, sum(investment_yuan)::text as yuan from ${progressReports}
        where status = 'approved' and year = ${year} group by 1, 2`),
    );
    expect(kept.map((k) => `${k.projectId}/${k.month}/${k.completedYuan}`).sort()).toEqual(
      summed.map((s) => `${s.projectId}/${s.month}/${Number(s.yuan)}`).sort(),
    );
  });
});
