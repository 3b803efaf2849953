import { beforeAll, expect, it } from 'vitest';
import { type ProjectListItem, type ProjectTotals, projectListQuery } from '../../../common/schemas/projects';
import { annualPlans } from '../../db/schema';
import { buildProject, thisYear, uniqueSuffix, unitIdByName, userIdOf } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { loadActor } from '../auth/actor-repository';
import { projectTotals } from './list-totals';

// The sums above the project list: they must equal the rows the same filters list, in the reader's scope.
describeEachDatabase('project list totals', (t) => {
  let office: Client;
  let unitStaff: Client;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    unitStaff = await signInAs(t().app, 'unit');
  });

  const totalsOf = async (client: Client, filters: string) =>
    (await client.get(`/api/v1/projects/totals?${filters}`)).json() as ProjectTotals;
  const listOf = async (client: Client, filters: string) =>
    (await client.get(`/api/v1/projects?${filters}&pageSize=200`)).json() as { items: ProjectListItem[]; total: number };
  const sumOf = (items: ProjectListItem[]) => items.reduce((sum, p) => sum + (p.totalInvestmentYuan ?? 0), 0);

  it('counts and sums exactly the projects the list shows for the same filters', async () => {
    for (const filters of ['pool=implementing', 'level=provincial', 'pool=advancing,planning&nature=new_start']) {
      const [totals, list] = await Promise.all([totalsOf(office, filters), listOf(office, filters)]);
      expect(list.total, filters).toBeLessThanOrEqual(200);
      expect(totals, filters).toMatchObject({ count: list.total, capped: false, totalInvestmentYuan: sumOf(list.items) });
    }
  });

  it('sums only what the reader may see', async () => {
    const [totals, list] = await Promise.all([totalsOf(unitStaff, ''), listOf(unitStaff, '')]);
    expect(totals.count).toBe(list.total);
    expect(totals.totalInvestmentYuan).toBe(sumOf(list.items));
    expect(totals.count).toBeLessThan((await totalsOf(office, '')).count);
  });

  it('sums each project’s current annual plan of the year asked for, this year by default', async () => {
    const name = `年度计划合计测试${uniqueSuffix()}`;
    const project = await buildProject(office, t().database, {
      name,
      leadUnitId: await unitIdByName(t().database, '北园街道办事处'),
      totalInvestmentYuan: 500_000_000,
    });
    const monthly = Array.from({ length: 12 }, () => 0);
    await t()
      .database.db.insert(annualPlans)
      .values([
        { projectId: project.id, year: thisYear(), versionNo: 1, plannedYuan: 100_000_000, monthlyYuan: monthly },
        { projectId: project.id, year: thisYear(), versionNo: 2, plannedYuan: 300_000_000, monthlyYuan: monthly },
        { projectId: project.id, year: 2030, versionNo: 1, plannedYuan: 7_000_000, monthlyYuan: monthly },
      ]);
    const q = `q=${encodeURIComponent(name)}`;
    expect(await totalsOf(office, q)).toEqual({
      count: 1,
      capped: false,
      year: thisYear(),
      totalInvestmentYuan: 500_000_000,
      annualPlanYuan: 300_000_000,
    });
    // The year filter finds the project by its 2030 plan, and sums that year's.
    expect(await totalsOf(office, `${q}&year=2030`)).toMatchObject({ count: 1, year: 2030, annualPlanYuan: 7_000_000 });
  });

  it('leaves the sums out past the exact-count cap rather than summing a part', async () => {
    const actor = await loadActor(t().database.db, await userIdOf(t().database, 'office'), 'session');
    if (!actor) throw new Error('no office actor');
    const totals = await projectTotals(t().database.db, actor, projectListQuery.parse({}), 5);
    expect(totals).toMatchObject({ count: 5, capped: true, totalInvestmentYuan: null, annualPlanYuan: null });
  });
});
