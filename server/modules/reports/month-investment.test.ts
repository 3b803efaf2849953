import fc from 'fast-check';
import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { rowsOf } from '../../db/migrate';
import { progressReports, projectMonthInvestment } from '../../db/schema';
import { insertPeriod, insertProject, insertReport, unitIdByName } from '../../test/factories';
import { type Client, describeEachDatabase, signInAs } from '../../test/harness';
import { rebuildAllProjectMonths } from './index';

/** A change a person makes to a report through the API; refused ones (wrong state) must change nothing either. */
type Change = { action: 'fill' | 'submit' | 'approve' | 'return'; report: number; yuan: number };

const changeArb = fc.record({
  action: fc.constantFrom<Change['action']>('fill', 'submit', 'approve', 'return'),
  report: fc.nat({ max: 3 }),
  yuan: fc.integer({ min: 0, max: 50_000_000 }),
});

describeEachDatabase('the dashboard’s month figures', (t) => {
  let office: Client;
  let beiyuan: string;
  const db = () => t().database.db;

  beforeAll(async () => {
    office = await signInAs(t().app, 'office');
    beiyuan = await unitIdByName(t().database, '北园街道办事处');
  });

  /** The month figures of these projects as kept, and as a full recomputation from the reports gives them. */
  const keptAndRecomputed = async (projectIds: string[]) => {
    const kept = await db().select().from(projectMonthInvestment).where(inArray(projectMonthInvestment.projectId, projectIds));
    const summed = rowsOf<{ projectId: string; year: number; month: number; yuan: string }>(
      await db().execute(sql`select project_id as "projectId", year, month, sum(investment_yuan)::text as yuan from ${progressReports}
        where status = 'approved' and investment_yuan is not null and project_id = any(${sql.param(projectIds)}::uuid[]) group by 1, 2, 3`),
    );
    const key = (r: { projectId: string; year: number; month: number }, yuan: number) => `${r.projectId} ${r.year}-${r.month} ${yuan}`;
    return {
      kept: kept.map((k) => key(k, k.completedYuan)).sort(),
      recomputed: summed.map((s) => key(s, Number(s.yuan))).sort(),
    };
  };

  it('equal a full recomputation from the reports after any sequence of fills, submissions, approvals and returns', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(changeArb, { minLength: 1, maxLength: 12 }), async (changes) => {
        // Two projects, two months: four reports, submitted with an amount. Each period takes a month of its own (a
        // month chosen here could be the one the factory hands the next run, and the second insert would collide).
        const first = await insertPeriod(t().database);
        const second = await insertPeriod(t().database);
        const projectIds = [
          (await insertProject(t().database, { leadUnitId: beiyuan })).id,
          (await insertProject(t().database, { leadUnitId: beiyuan })).id,
        ];
        const reports = [];
        for (const period of [first, second])
          for (const projectId of projectIds)
            reports.push(
              await insertReport(t().database, period, {
                projectId,
                responsibleUnitId: beiyuan,
                status: 'submitted',
                investmentYuan: 1_000_000,
                progressText: '施工中',
                progressPercent: 20,
              }),
            );
        for (const change of changes) {
          const report = reports[change.report % reports.length];
          if (!report) continue;
          const [row] = await db()
            .select({ version: progressReports.version })
            .from(progressReports)
            .where(eq(progressReports.id, report.id));
          const version = row?.version ?? 1;
          const url = `/api/v1/progress-reports/${report.id}`;
          if (change.action === 'fill') await office.patch(url, { version, investmentYuan: change.yuan });
          if (change.action === 'submit') await office.post(`${url}/submit`, { version, confirmLarge: true });
          if (change.action === 'approve') await office.post(`${url}/approve`, { version });
          if (change.action === 'return') await office.post(`${url}/return`, { version, reason: '请核对投资额' });
        }
        const { kept, recomputed } = await keptAndRecomputed(projectIds);
        expect(kept).toEqual(recomputed);
      }),
      { numRuns: 12 },
    );
    // Twelve runs of up to twelve API calls, each approval also refreshing the dashboard's figures: past the default
    // 30 s on a loaded machine.
  }, 180_000);

  it('are rebuilt whole from the reports by rebuildAllProjectMonths (a data load that bypassed the services)', async () => {
    await db().transaction((tx) => rebuildAllProjectMonths(tx));
    const all = rowsOf<{ id: string }>(await db().execute(sql`select distinct project_id as id from ${progressReports}`)).map((r) => r.id);
    const { kept, recomputed } = await keptAndRecomputed(all);
    expect(kept).toEqual(recomputed);
    expect(kept.length).toBeGreaterThan(0);
  });
});
