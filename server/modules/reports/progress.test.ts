import { sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { annualPlans } from '../../db/schema';
import { FILLED, insertPeriod, insertProject, insertReport } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';

const WAN = 10_000;

describeEachDatabase('investment completed: sums of approved reports feeding completion against time', (t) => {
  let office: Client;
  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
  });

  /** A project with a 2001 annual plan of 1,200万 (100万 a month) and reports in the months given, in each state. */
  async function projectWithReports(
    reports: { year: number; month: number; status: 'draft' | 'submitted' | 'approved' | 'returned'; wan: number }[],
  ) {
    const { database } = t();
    const project = await insertProject(database);
    await database.db.insert(annualPlans).values({
      projectId: project.id,
      year: 2001,
      plannedYuan: 1_200 * WAN,
      monthlyYuan: Array(12).fill(100 * WAN),
    });
    for (const r of reports) {
      // One period per month, shared by the projects of this file, as a district's month is.
      const period = await periodOf(r.year, r.month);
      await insertReport(database, period, {
        projectId: project.id,
        responsibleUnitId: project.leadUnitId,
        ...FILLED,
        status: r.status,
        investmentYuan: r.wan * WAN,
      });
    }
    return project;
  }

  const periods = new Map<string, Awaited<ReturnType<typeof insertPeriod>>>();
  async function periodOf(year: number, month: number) {
    const key = `${year}-${month}`;
    const known = periods.get(key);
    if (known) return known;
    const period = await insertPeriod(t().database, { year, month });
    periods.set(key, period);
    return period;
  }

  it('counts only approved reports: year to date through the month of asOf, since start through it too', async () => {
    const project = await projectWithReports([
      { year: 2000, month: 11, status: 'approved', wan: 300 },
      { year: 2001, month: 3, status: 'approved', wan: 120 },
      { year: 2001, month: 4, status: 'submitted', wan: 999 },
      { year: 2001, month: 5, status: 'approved', wan: 80 },
      { year: 2001, month: 6, status: 'returned', wan: 999 },
      { year: 2001, month: 7, status: 'approved', wan: 150 },
      { year: 2001, month: 8, status: 'draft', wan: 999 },
    ]);
    const progress = async (query: string) => (await office.get(`/api/v1/projects/${project.id}/progress?${query}`)).json();

    const june = await progress('year=2001&asOf=2001-06-30');
    expect(june).toMatchObject({
      completedSource: 'approved_reports',
      completedYuan: 200 * WAN,
      completedSinceStartYuan: 500 * WAN,
      plannedYuan: 1_200 * WAN,
    });
    // 200 of 1,200 is 16.7%; 30 June is day 181 of 365: 49.6% of the year, 32.9 points behind.
    expect(june.summary).toBe('完成年度计划的16.7%，慢于时间进度32.9个百分点');
    expect(june.status).toBe('behind');
    // July's approved report counts from July on; at the year's end everything approved of it counts.
    expect(await progress('year=2001&asOf=2001-07-01')).toMatchObject({ completedYuan: 350 * WAN, completedSinceStartYuan: 650 * WAN });
    expect(await progress('year=2001&asOf=2002-03-01')).toMatchObject({ completedYuan: 350 * WAN, completedSinceStartYuan: 650 * WAN });
    // Before the year nothing of it is done; last year's reports are last year's.
    expect(await progress('year=2001&asOf=2000-12-31')).toMatchObject({ completedYuan: 0, completedSinceStartYuan: 300 * WAN });
    expect(await progress('year=2000&asOf=2000-12-31')).toMatchObject({ completedYuan: 300 * WAN, status: 'no_plan' });
    // The monthly basis compares with the plan due through the month: 600 of 1,200 by June.
    expect(await progress('year=2001&asOf=2001-06-30&basis=monthly')).toMatchObject({
      completedYuan: 200 * WAN,
      timeElapsedRate: 0.5,
      gapPoints: -33.3,
    });
  });

  it('counts a report from the moment it is approved', async () => {
    const project = await projectWithReports([{ year: 2001, month: 2, status: 'submitted', wan: 250 }]);
    const before = (await office.get(`/api/v1/projects/${project.id}/progress?year=2001&asOf=2001-12-31`)).json();
    expect(before.completedYuan).toBe(0);
    const [report] = (await office.get(`/api/v1/progress-reports?projectId=${project.id}`)).json().items;
    expect((await office.post(`/api/v1/progress-reports/${report.id}/approve`, { version: report.version })).statusCode).toBe(200);
    const after = (await office.get(`/api/v1/projects/${project.id}/progress?year=2001&asOf=2001-12-31`)).json();
    expect(after).toMatchObject({ completedYuan: 250 * WAN, completedSinceStartYuan: 250 * WAN });
  });

  it('reads the sums through the (project, year, month) index, not by scanning the reports', async () => {
    const project = await projectWithReports([{ year: 2001, month: 1, status: 'approved', wan: 1 }]);
    const plan = await t().database.db.transaction(async (tx) => {
      // The table is small here, so the planner would happily scan it; forbid that to see that the index serves.
      await tx.execute(sql`set local enable_seqscan = off`);
      const result = await tx.execute(
        sql`explain select sum(investment_yuan) from progress_reports
            where project_id = ${project.id} and status = 'approved' and (year, month) <= (2001, 6)`,
      );
      return JSON.stringify((result as { rows?: unknown[] }).rows ?? result);
    });
    expect(plan).toContain('progress_reports_project_year_idx');
  });
});
